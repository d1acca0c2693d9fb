/**
 * Writing one backup: temp file in the destination folder → sealed copy (fsync'd by the vault) →
 * rename → fsync the folder → re-open and verify everything → only then recorded in the catalog.
 * On any failure nothing is left behind under a backup name and the wallet is not touched (the
 * vault only reads it).
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, isDomainError } from '../../shared/errors';
import { createPrivateFile, fsyncDirectory } from '../support/atomic-file';
import type { ProjectionFactory, VaultSession } from '../vault';
import { updateCatalog, type BackupRecord } from './catalog';
import { folderError } from './errors';
import type { BackupEntry } from './list';
import { backupFileName, TEMP_PREFIX, tempFileName, type BackupTrigger } from './names';
import type { ProgressReporter } from './progress';

export interface WriteBackupOptions {
  session: VaultSession;
  dir: string;
  walletName: string;
  trigger: BackupTrigger;
  appVersion: string;
  /** With the ledger's factory, verification also rebuilds the state and compares it with the snapshots. */
  projections?: ProjectionFactory | null;
  now?: () => Date;
  onProgress?: ProgressReporter;
}

/** A temp file older than this was left by a crash, not by a write still running elsewhere. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export async function writeBackup(options: WriteBackupOptions): Promise<BackupEntry & { events: number }> {
  const { session, dir } = options;
  const now = options.now ?? (() => new Date());
  const createdAt = now();
  checkFolder(dir);
  removeStaleTemps(dir, createdAt.getTime());

  const temp = join(dir, tempFileName());
  let final: string | null = null;
  try {
    // Creating the file ourselves first turns "read-only" and "vanished" into clear errors early.
    createPrivateFile(temp);
    const info = { createdAt: createdAt.toISOString(), trigger: options.trigger, appVersion: options.appVersion, walletName: options.walletName };
    const copy = await session.writeBackupCopy(temp, info, (phase, done, total) => options.onProgress?.(phase, done, total));
    final = uniqueName(dir, options.walletName, createdAt, options.trigger);
    renameSync(temp, final);
    fsyncDirectory(dir);

    const events = await verifyWritten(session, final, options);
    const record: BackupRecord = {
      file: final.slice(dir.length + 1),
      vaultId: session.vaultId,
      walletName: options.walletName,
      createdAt: info.createdAt,
      headSeq: copy.seq,
      trigger: options.trigger,
      appVersion: options.appVersion,
      bytes: copy.bytes,
      verifiedAt: now().toISOString(),
    };
    updateCatalog(dir, [record]);
    return { ...record, path: final, status: 'verified', problem: null, events };
  } catch (error) {
    const mapped = folderError(error, dir); // first: it may look at the free space our files take
    removeQuietly(temp);
    if (final) removeQuietly(final);
    throw mapped;
  }
}

function checkFolder(dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (error) {
    throw folderError(error, dir);
  }
  if (!isDir) throw new DomainError('io_error', 'errors.backup.folder_is_file', { dir });
}

function uniqueName(dir: string, walletName: string, at: Date, trigger: BackupTrigger): string {
  for (let attempt = 0; ; attempt++) {
    const path = join(dir, backupFileName(walletName, at, trigger, attempt));
    if (!existsSync(path)) return path;
  }
}

/** Full verification of what is now on disk; a failure deletes the file and says why. */
async function verifyWritten(session: VaultSession, path: string, options: WriteBackupOptions): Promise<number> {
  const reader = await session.openCopy(path, (p) => options.onProgress?.('verify', p.done, p.total));
  try {
    const report = await reader.verify(options.projections ?? null, (p) => options.onProgress?.('verify', p.done, p.total));
    const expected = reader.head().seq;
    if (!report.ok || report.events !== expected) {
      throw new DomainError('integrity', 'errors.backup.verify_failed', { detail: report.problems[0]?.detail ?? `${report.events}/${expected} events` });
    }
    return report.events;
  } catch (error) {
    if (isDomainError(error) && error.code === 'integrity' && error.messageKey !== 'errors.backup.verify_failed') {
      throw new DomainError('integrity', 'errors.backup.verify_failed', { detail: error.messageKey });
    }
    throw error;
  } finally {
    reader.close();
  }
}

function removeQuietly(path: string): void {
  // The stamping step may leave a rollback journal beside the temp file when it fails midway.
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      rmSync(path + suffix, { force: true });
    } catch {
      // Nothing more we can do on a vanished or read-only folder; the name is never listed anyway.
    }
  }
}

function removeStaleTemps(dir: string, nowMs: number): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const path = join(dir, name);
    try {
      if (nowMs - statSync(path).mtimeMs > STALE_TEMP_MS) removeQuietly(path);
    } catch {
      // Raced with another writer cleaning up: fine.
    }
  }
}

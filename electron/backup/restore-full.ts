/**
 * Full restore: the wallet file is replaced by the backup's image, and the file it replaces is
 * kept beside it as `<wallet>.before-restore-<time>` so "Undo restore" can put it back (undo is the
 * same swap in the other direction, so it too can be undone).
 *
 * The caller verifies the backup first (verifyBackup, while the wallet is still open) and LOCKS the
 * wallet before calling replace: no connection may hold the file while it is swapped. A wallet
 * that crashed may still have a -wal file with committed data; it moves with its main file.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, truncateSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '../../shared/errors';
import { fsyncDirectory, fsyncFile, makePrivate } from '../support/atomic-file';
import { acquireWriterLock, inspectCopy } from '../vault';
import { folderError } from './errors';
import { fileTimestamp } from './names';
import type { ProgressReporter } from './progress';

const SIDE_FILES = ['-wal', '-shm'];
const REVERT_MARK = '.before-restore-';

export interface ReplaceOptions {
  now?: () => Date;
  onProgress?: ProgressReporter;
  /**
   * Opens the copied bytes with a key (checking the trailer's MAC, not only its hash) right before
   * the swap: the backup may have changed since it was verified, and an unkeyed hash can be forged.
   */
  authenticate?: (copyPath: string) => Promise<void>;
  /** Runs after the copy was checked and before the swap: the app locks its open wallet here. */
  beforeSwap?: () => void;
}

const discard = (temp: string) => {
  for (const suffix of ['', ...SIDE_FILES, '-journal']) rmSync(temp + suffix, { force: true });
};

/** Copies a backup next to `target` and checks the copy (structure, hash): what is swapped in is what was checked. */
function copyChecked(backupPath: string, target: string): { temp: string; imageBytes: number } {
  const temp = join(dirname(target), `.${basename(target)}.restoring-${Date.now()}`);
  try {
    copyFileSync(backupPath, temp);
    return { temp, imageBytes: inspectCopy(temp, { checkHash: true }).imageBytes };
  } catch (error) {
    discard(temp);
    throw folderError(error, dirname(target));
  }
}

/** Turns a checked copy into a ready wallet file (WAL, no backup_info); returns its path. */
function readyAsWallet({ temp, imageBytes }: { temp: string; imageBytes: number }, target: string): string {
  try {
    makePrivate(temp); // the copy took the backup file's mode, which may be anything
    truncateSync(temp, imageBytes);
    const db = new Database(temp, { fileMustExist: true });
    try {
      db.exec('DROP TABLE backup_info');
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    fsyncFile(temp);
    return temp;
  } catch (error) {
    discard(temp);
    throw folderError(error, dirname(target));
  }
}

function materialize(backupPath: string, target: string): string {
  return readyAsWallet(copyChecked(backupPath, target), target);
}

function move(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of SIDE_FILES) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
}

/** Puts `prepared` at `walletPath`, keeping what was there as a revert copy. */
function swapIn(prepared: string, walletPath: string, mark: string, now: Date): string {
  const keep = `${walletPath}${mark}${fileTimestamp(now)}`;
  const hadWallet = existsSync(walletPath);
  if (hadWallet) move(walletPath, keep);
  try {
    renameSync(prepared, walletPath);
  } catch (error) {
    if (hadWallet) move(keep, walletPath);
    throw error;
  }
  fsyncDirectory(dirname(walletPath));
  return keep;
}

/**
 * Replaces the (locked) wallet with the backup; returns the revert copy's path. The swap holds the
 * wallet's writer lock (vault/writer-lock.ts): a wallet open in another window or process is
 * refused with wallet_busy and left as it was.
 */
export async function replaceWalletWithBackup(backupPath: string, walletPath: string, options: ReplaceOptions = {}): Promise<{ revertPath: string }> {
  const now = (options.now ?? (() => new Date()))();
  options.onProgress?.('copy', 0, 1);
  const copy = copyChecked(backupPath, walletPath);
  try {
    await options.authenticate?.(copy.temp);
  } catch (error) {
    discard(copy.temp);
    throw error;
  }
  const prepared = readyAsWallet(copy, walletPath);
  let writer: ReturnType<typeof acquireWriterLock> = null;
  try {
    options.beforeSwap?.();
    writer = existsSync(walletPath) ? acquireWriterLock(walletPath) : null;
  } catch (error) {
    rmSync(prepared, { force: true });
    throw error;
  }
  options.onProgress?.('replace', 0, 1);
  try {
    const revertPath = swapIn(prepared, walletPath, REVERT_MARK, now);
    options.onProgress?.('replace', 1, 1);
    return { revertPath };
  } catch (error) {
    rmSync(prepared, { force: true });
    throw folderError(error, dirname(walletPath));
  } finally {
    writer?.release();
  }
}

/** Undo: the revert copy goes back in place; the restored wallet becomes a revert copy itself. */
export function revertRestore(walletPath: string, revertPath: string, options: ReplaceOptions = {}): { revertPath: string } {
  if (!existsSync(revertPath)) throw new DomainError('not_found', 'errors.backup.no_revert');
  const now = (options.now ?? (() => new Date()))();
  const prepared = `${revertPath}.returning`;
  move(revertPath, prepared);
  try {
    return { revertPath: swapIn(prepared, walletPath, REVERT_MARK, now) };
  } catch (error) {
    move(prepared, revertPath);
    throw folderError(error, dirname(walletPath));
  }
}

/** Revert copies of a wallet, newest first. */
export function listRevertCopies(walletPath: string): string[] {
  const prefix = `${basename(walletPath)}${REVERT_MARK}`;
  return readdirSync(dirname(walletPath))
    .filter((name) => name.startsWith(prefix) && !SIDE_FILES.some((suffix) => name.endsWith(suffix)))
    .sort()
    .reverse()
    .map((name) => join(dirname(walletPath), name));
}

/** "I have a backup": a new wallet file from a backup (opened afterwards with its password or recovery key). */
export function restoreAsNewWallet(backupPath: string, walletPath: string): void {
  if (existsSync(walletPath)) throw new DomainError('already_exists', 'errors.backup.wallet_exists', { path: walletPath });
  const prepared = materialize(backupPath, walletPath);
  try {
    renameSync(prepared, walletPath);
    fsyncDirectory(dirname(walletPath));
  } catch (error) {
    rmSync(prepared, { force: true });
    throw folderError(error, dirname(walletPath));
  }
}

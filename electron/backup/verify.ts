/**
 * Verifying a backup at any later time ("verify" in the list, `onewallet backup verify FILE`):
 * the whole-file checksum and MAC, then every keyslot, the chain, every event and every snapshot.
 * A backup that verifies is (re)recorded in its folder's catalog; one that does not is reported
 * and never offered for restore.
 */
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { CopyHeader, ProjectionFactory, Problem } from '../vault';
import { readCatalog, updateCatalog } from './catalog';
import { TRIGGERS, type BackupTrigger } from './names';
import { openBackup, type BackupKey } from './open';
import type { ProgressReporter } from './progress';

export interface BackupVerifyResult {
  ok: boolean;
  events: number;
  problems: Problem[];
  header: CopyHeader;
}

export async function verifyBackup(
  path: string,
  key: BackupKey,
  options: { projections?: ProjectionFactory | null; onProgress?: ProgressReporter; now?: () => Date; record?: boolean } = {},
): Promise<BackupVerifyResult> {
  const reader = await openBackup(path, key, options.onProgress);
  let result: BackupVerifyResult;
  try {
    const report = await reader.verify(options.projections ?? null, (p) => options.onProgress?.('verify', p.done, p.total));
    const ok = report.ok && report.events === reader.head().seq;
    result = { ok, events: report.events, problems: report.problems, header: reader.header };
  } finally {
    reader.close();
  }
  if (result.ok && options.record !== false) remember(path, result.header, (options.now ?? (() => new Date()))());
  return result;
}

/** Best effort: a read-only folder can still hold verifiable backups, it just cannot remember it. */
function remember(path: string, header: CopyHeader, now: Date): void {
  const dir = dirname(path);
  const file = basename(path);
  const info = header.info;
  const trigger = (TRIGGERS as readonly unknown[]).includes(info.trigger) ? (info.trigger as BackupTrigger) : 'manual';
  try {
    const previous = readCatalog(dir).find((record) => record.file === file);
    updateCatalog(dir, [
      {
        file,
        vaultId: header.vaultId,
        walletName: previous?.walletName ?? String(info.walletName ?? ''),
        createdAt: String(info.createdAt ?? ''),
        headSeq: header.head.seq,
        trigger,
        appVersion: String(info.appVersion ?? ''),
        bytes: statSync(path).size,
        verifiedAt: now.toISOString(),
      },
    ]);
  } catch {
    // Not remembering a successful verify only means the list shows it as unverified.
  }
}

/**
 * Backing up to the main folder and an optional second one (another drive, a synced folder), then
 * pruning each by the retention policy. A failing second folder does not undo the first: each
 * destination reports its own outcome.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainError, type DomainError } from '../../shared/errors';
import { updateCatalog } from './catalog';
import { listBackups, type BackupEntry } from './list';
import { backupsToDelete, DEFAULT_RETENTION, type RetentionPolicy } from './retention';
import { writeBackup, type WriteBackupOptions } from './write';

export type DestinationOutcome = { dir: string; ok: true; entry: BackupEntry & { events: number }; deleted: string[] } | { dir: string; ok: false; error: DomainError };

export async function backupToDestinations(
  dirs: readonly string[],
  options: Omit<WriteBackupOptions, 'dir'>,
  retention: RetentionPolicy = DEFAULT_RETENTION,
): Promise<DestinationOutcome[]> {
  const outcomes: DestinationOutcome[] = [];
  for (const dir of dirs) {
    try {
      const entry = await writeBackup({ ...options, dir });
      outcomes.push({ dir, ok: true, entry, deleted: prune(dir, options.session.vaultId, retention, (options.now ?? (() => new Date()))()) });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      outcomes.push({ dir, ok: false, error });
    }
  }
  return outcomes;
}

/** Applies retention to this wallet's verified backups in `dir`; returns the deleted file names. */
export function prune(dir: string, vaultId: string, policy: RetentionPolicy, now: Date): string[] {
  const mine = listBackups(dir).filter((entry) => entry.vaultId === vaultId);
  const doomed = backupsToDelete(
    mine.map((entry) => ({ id: entry.file, createdAt: entry.createdAt ?? '', verified: entry.status === 'verified' })),
    now,
    policy,
  );
  for (const file of doomed) rmSync(join(dir, file), { force: true });
  if (doomed.length > 0) updateCatalog(dir, [], doomed);
  return doomed;
}

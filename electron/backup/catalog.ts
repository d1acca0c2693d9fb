/**
 * The destination folder's catalog (`onewallet-backups.json`): which backup files were verified
 * after writing, with the facts the list shows. A file without a matching entry (same name and
 * size) is "unverified": interrupted before verification, copied in by hand, or changed since.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../support/atomic-file';
import { TRIGGERS } from './names';

export const CATALOG_FILE = 'onewallet-backups.json';

export const BackupRecord = z.object({
  file: z.string(),
  vaultId: z.string(),
  walletName: z.string(),
  createdAt: z.string(),
  headSeq: z.number().int().nonnegative(),
  trigger: z.enum(TRIGGERS),
  appVersion: z.string(),
  bytes: z.number().int().nonnegative(),
  verifiedAt: z.string(),
});
export type BackupRecord = z.infer<typeof BackupRecord>;

export function readCatalog(dir: string): BackupRecord[] {
  const path = join(dir, CATALOG_FILE);
  if (!existsSync(path)) return [];
  try {
    const parsed = z.array(z.unknown()).parse(JSON.parse(readFileSync(path, 'utf8')));
    // One bad entry must not hide the others: keep what parses.
    return parsed.flatMap((entry) => {
      const record = BackupRecord.safeParse(entry);
      return record.success ? [record.data] : [];
    });
  } catch {
    return []; // a garbled catalog only downgrades files to "unverified"; they can be verified again
  }
}

/** Replaces the entries named in `add` and drops those in `remove`, in one atomic write. */
export function updateCatalog(dir: string, add: readonly BackupRecord[], remove: readonly string[] = []): void {
  const replaced = new Set([...add.map((record) => record.file), ...remove]);
  const kept = readCatalog(dir).filter((record) => !replaced.has(record.file));
  writeFileAtomic(join(dir, CATALOG_FILE), `${JSON.stringify([...kept, ...add], null, 2)}\n`);
}

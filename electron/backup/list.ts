/**
 * Listing a destination folder: every `*.owbackup` file with what we know about it. Verified means
 * "fully verified after writing (or later) and unchanged in size since"; only verified backups are
 * offered for restore and count for retention's "never delete the only verified backup".
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainError, type ErrorCode } from '../../shared/errors';
import { inspectCopy } from '../vault';
import { readCatalog } from './catalog';
import { folderError } from './errors';
import { isBackupFileName, TRIGGERS, type BackupTrigger } from './names';

export type BackupStatus = 'verified' | 'unverified' | 'damaged';

export interface BackupEntry {
  path: string;
  file: string;
  status: BackupStatus;
  /** Present unless the file is too damaged to say. */
  vaultId: string | null;
  walletName: string | null;
  createdAt: string | null;
  headSeq: number | null;
  trigger: BackupTrigger | null;
  bytes: number;
  verifiedAt: string | null;
  /** Why a damaged file is damaged (an error code), e.g. 'integrity' or 'format_too_new'. */
  problem: ErrorCode | null;
}

const asTrigger = (value: unknown): BackupTrigger | null => (TRIGGERS as readonly unknown[]).includes(value) ? (value as BackupTrigger) : null;

export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw folderError(error, dir);
  }
  const catalog = new Map(readCatalog(dir).map((record) => [record.file, record]));
  const entries = names.filter(isBackupFileName).map((file): BackupEntry => {
    const path = join(dir, file);
    const bytes = statSync(path).size;
    const record = catalog.get(file);
    if (record && record.bytes === bytes) return { path, status: 'verified', ...record, problem: null };
    const unknown = { path, file, bytes, verifiedAt: null, vaultId: null, walletName: null, createdAt: null, headSeq: null, trigger: null };
    try {
      // Cheap structural look (no hash): the full check needs the key and happens on verify.
      const header = inspectCopy(path);
      const info = header.info;
      return {
        ...unknown,
        status: 'unverified',
        vaultId: header.vaultId,
        walletName: typeof info.walletName === 'string' ? info.walletName : null,
        createdAt: typeof info.createdAt === 'string' ? info.createdAt : null,
        headSeq: header.head.seq,
        trigger: asTrigger(info.trigger),
        problem: null,
      };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { ...unknown, status: 'damaged', problem: error.code };
    }
  });
  // Newest first; files whose date is unknown go last.
  return entries.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.file.localeCompare(b.file));
}

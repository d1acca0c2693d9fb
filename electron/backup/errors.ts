/**
 * File-system and SQLite failures while writing or restoring → the few errors a user can act on:
 * the folder is gone, the folder is read-only, the disk is full. Anything already a DomainError
 * passes through unchanged.
 */
import { statfsSync } from 'node:fs';
import { DomainError, isDomainError } from '../../shared/errors';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY']);
const MISSING = new Set(['ENOENT', 'ENOTDIR']);
/** SQLite reports some out-of-space writes as a generic I/O error (e.g. growing the -shm file). */
const NEARLY_FULL_BYTES = 1024 * 1024;

function nearlyFull(dir: string): boolean {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

export function folderError(error: unknown, dir: string): DomainError {
  if (isDomainError(error)) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const base = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  if (FULL.has(code) || FULL.has(base)) return new DomainError('io_error', 'errors.backup.disk_full', { dir });
  if (READ_ONLY.has(code) || READ_ONLY.has(base)) return new DomainError('io_error', 'errors.backup.folder_read_only', { dir });
  if (MISSING.has(code) || base === 'SQLITE_CANTOPEN') return new DomainError('io_error', 'errors.backup.folder_missing', { dir });
  // Call this before removing temporary files, while the space they took is still taken.
  if ((base === 'SQLITE_IOERR' || code === 'EIO') && nearlyFull(dir)) return new DomainError('io_error', 'errors.backup.disk_full', { dir });
  return new DomainError('io_error', 'errors.backup.io', { detail: code || (error instanceof Error ? error.message : 'unknown') });
}

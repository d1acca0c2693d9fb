/**
 * Operating-system and SQLite failures on a path → what happened, in the words a user can act on.
 * One table for every caller (CLI, backup, export, settings), so the same cause always reads the
 * same and exits the same (io_error → CLI exit 5).
 */
import { statfsSync } from 'node:fs';
import { DomainError, isDomainError } from '../../shared/errors';

export type FileProblem = 'missing' | 'exists' | 'no_permission' | 'read_only' | 'disk_full' | 'is_a_folder' | 'not_a_folder';

const PROBLEMS: Readonly<Record<string, FileProblem>> = {
  ENOENT: 'missing',
  EEXIST: 'exists',
  ENOTEMPTY: 'exists',
  EACCES: 'no_permission',
  EPERM: 'no_permission',
  EROFS: 'read_only',
  SQLITE_READONLY: 'read_only',
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EFBIG: 'disk_full',
  SQLITE_FULL: 'disk_full',
  EISDIR: 'is_a_folder',
  ENOTDIR: 'not_a_folder',
};

export function errorCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? '');
}

/** The known problem behind `error`, if any; SQLite's extended codes count as their base code. */
export function fileProblem(error: unknown): FileProblem | null {
  const code = errorCode(error);
  return PROBLEMS[code] ?? PROBLEMS[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')] ?? null;
}

/**
 * A DomainError naming `path` for any failure on it. A DomainError passes through unchanged;
 * an error we cannot name keeps its code in the message so a bug report still says what it was.
 */
export function fileError(error: unknown, path: string): DomainError {
  if (isDomainError(error)) return error;
  const problem = fileProblem(error);
  if (problem) return new DomainError('io_error', `errors.files.${problem}`, { path });
  return new DomainError('io_error', 'errors.files.unknown', { path, code: errorCode(error) || (error instanceof Error ? error.message : String(error)) });
}

/** Whether `error` is one of the OS/SQLite failures fileError can name. */
export function isKnownFileError(error: unknown): boolean {
  return fileProblem(error) !== null;
}

/** SQLite reports some out-of-space writes as a generic I/O error (e.g. growing the -shm file). */
const NEARLY_FULL_BYTES = 1024 * 1024;

/** Whether the file system holding `dir` has (almost) no room left; false when it cannot be asked. */
export function nearlyFull(dir: string): boolean {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/**
 * The vault reports SQLite's failures as errors.vault.io with the SQLite code as detail; when the
 * cause is a full disk (SQLITE_FULL, or an I/O error while the disk is nearly full) say that,
 * naming the wallet file. Call it while the failed write's space is still taken.
 */
export function walletFileError(error: unknown, path: string, dir: string): unknown {
  if (!isDomainError(error)) return error;
  if (error.messageKey === 'errors.vault.disk_full') return new DomainError('io_error', 'errors.files.disk_full', { path });
  if (error.messageKey !== 'errors.vault.io') return error;
  const detail = String(error.params.detail ?? '');
  if (detail.startsWith('SQLITE_FULL') || (detail.startsWith('SQLITE_IOERR') && nearlyFull(dir))) {
    return new DomainError('io_error', 'errors.files.disk_full', { path });
  }
  return error;
}

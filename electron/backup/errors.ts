/**
 * File-system and SQLite failures while writing a backup or an export, or restoring → the few
 * errors a user can act on, each naming its folder and saying what was (not) written: the folder
 * is missing, is a file, is read-only, may not be written, the disk is full. The causes come from
 * the one table in support/os-errors.ts. Anything already a DomainError passes through unchanged.
 */
import { DomainError, isDomainError } from '../../shared/errors';
import { errorCode, fileProblem, nearlyFull, type FileProblem } from '../support/os-errors';

const BACKUP_KEYS: Readonly<Record<FileProblem, string>> = {
  missing: 'errors.backup.folder_missing',
  exists: 'errors.backup.folder_is_file',
  no_permission: 'errors.backup.folder_no_permission',
  read_only: 'errors.backup.folder_read_only_disk',
  disk_full: 'errors.backup.disk_full',
  is_a_folder: 'errors.backup.io',
  not_a_folder: 'errors.backup.folder_path_not_folder',
};

const EXPORT_KEYS: Readonly<Record<FileProblem, string>> = {
  missing: 'errors.export.folder_missing',
  exists: 'errors.export.not_a_folder', // only mkdir meets EEXIST here: a file where the folder goes
  no_permission: 'errors.export.no_permission',
  read_only: 'errors.export.read_only',
  disk_full: 'errors.export.disk_full',
  is_a_folder: 'errors.export.is_a_folder',
  not_a_folder: 'errors.export.not_a_folder',
};

function detailOf(error: unknown): string {
  return errorCode(error) || (error instanceof Error ? error.message : 'unknown');
}

/** A failure while writing or reading backups in `dir`. Call before removing temp files (see nearlyFull). */
export function folderError(error: unknown, dir: string): DomainError {
  if (isDomainError(error)) return error;
  const code = errorCode(error);
  const base = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  // SQLite cannot tell a read-only disk from a missing permission.
  if (base === 'SQLITE_READONLY') return new DomainError('io_error', 'errors.backup.folder_read_only', { dir });
  if (base === 'SQLITE_CANTOPEN') return new DomainError('io_error', 'errors.backup.folder_missing', { dir });
  const problem = fileProblem(error);
  if (problem) return new DomainError('io_error', BACKUP_KEYS[problem], { dir, detail: code });
  if ((base === 'SQLITE_IOERR' || code === 'EIO') && nearlyFull(dir)) return new DomainError('io_error', 'errors.backup.disk_full', { dir });
  return new DomainError('io_error', 'errors.backup.io', { detail: detailOf(error) });
}

/** A failure while writing the export file `path` into `dir`: worded for the export, not "the backup". */
export function exportError(error: unknown, dir: string, path: string): DomainError {
  if (isDomainError(error)) return error;
  const problem = fileProblem(error);
  if (problem) return new DomainError('io_error', EXPORT_KEYS[problem], { dir, path, detail: errorCode(error) });
  if (errorCode(error) === 'EIO' && nearlyFull(dir)) return new DomainError('io_error', 'errors.export.disk_full', { dir, path });
  return new DomainError('io_error', 'errors.export.io', { detail: detailOf(error) });
}

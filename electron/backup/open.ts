/**
 * Opening a backup for reading: with the open wallet's session when the backup is of the same
 * wallet (same data key, no password needed), otherwise with the password or recovery key the
 * backup was made with. Either way the backup file is never written.
 */
import { DomainError } from '../../shared/errors';
import { inspectCopy, unlockCopy, type CopyReader, type CopySecret, type VaultSession } from '../vault';
import type { ProgressReporter } from './progress';

export interface BackupKey {
  /** The open wallet; used when the backup belongs to it. */
  session?: VaultSession | null;
  /** The backup's own password (+ key file) or recovery key, for any other backup. */
  secret?: CopySecret;
}

export async function openBackup(path: string, key: BackupKey, onProgress?: ProgressReporter): Promise<CopyReader> {
  const report = onProgress && ((p: { phase: string; done: number; total: number }) => onProgress(p.phase === 'kdf' ? 'kdf' : 'verify', p.done, p.total));
  // The header (no key) says whose backup it is; it is authenticated by the open that follows.
  const header = inspectCopy(path);
  const session = key.session && !key.session.locked ? key.session : null;
  if (session && session.vaultId === header.vaultId) return session.openCopy(path, report);
  if (!key.secret) throw new DomainError('auth_failed', 'errors.backup.password_needed');
  return unlockCopy(path, key.secret, report);
}

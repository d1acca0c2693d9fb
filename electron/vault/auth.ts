/**
 * Proving a secret against the keyslots, with the failed-attempt accounting around it. Shared by
 * unlock (LockedVault) and by the re-authentication that sensitive session operations require.
 */
import { DomainError } from '../../shared/errors';
import { assertAllowed, recordFailure, type Clock, type SharedBackoff } from './backoff';
import { wipe } from './crypto';
import { readSlot, recoveryKek, unwrapPasswordSlot, unwrapSlot } from './keyslots';
import type { ProgressFn, Secret } from './types';
import type { Db } from './schema';

const MAX_PASSWORD_CHARS = 1024;
const MIN_KEY_FILE_BYTES = 32;
const MAX_KEY_FILE_BYTES = 64 * 1024 * 1024;

export function checkNewPassword(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length === 0) {
    throw new DomainError('invalid_input', 'errors.vault.password_empty', { detail: 'password' });
  }
  if (password.length > MAX_PASSWORD_CHARS) {
    throw new DomainError('invalid_input', 'errors.vault.password_too_long', { max: MAX_PASSWORD_CHARS });
  }
}

/** A key file is a second factor only if it is hard to guess: at least 32 bytes (e.g. random ones). */
export function checkKeyFile(keyFile: unknown): asserts keyFile is Uint8Array {
  if (!(keyFile instanceof Uint8Array) || keyFile.length < MIN_KEY_FILE_BYTES) {
    throw new DomainError('invalid_input', 'errors.vault.key_file_too_small', { min: MIN_KEY_FILE_BYTES });
  }
  if (keyFile.length > MAX_KEY_FILE_BYTES) {
    throw new DomainError('invalid_input', 'errors.vault.key_file_too_large', { max: MAX_KEY_FILE_BYTES });
  }
}

/** Unwraps the data key with password (+ key file). Wrong secret → auth_failed and a recorded failure. */
export async function openPrimary(db: Db, vaultId: Uint8Array, secret: Secret, now: Clock, onProgress?: ProgressFn, shared?: SharedBackoff): Promise<Uint8Array> {
  if (typeof secret?.password !== 'string') throw new DomainError('invalid_input', 'errors.vault.password_empty', { detail: 'password' });
  assertAllowed(db, now, shared);
  const slot = readSlot(db, vaultId, 'primary');
  const needsKeyFile = slot.kind === 'passwordKeyFile';
  if (needsKeyFile && !(secret.keyFile instanceof Uint8Array)) {
    throw new DomainError('auth_failed', 'errors.vault.key_file_required');
  }
  onProgress?.({ phase: 'kdf', done: 0, total: 1 });
  const dataKey = await unwrapPasswordSlot(vaultId, slot, secret);
  onProgress?.({ phase: 'kdf', done: 1, total: 1 });
  if (!dataKey) {
    recordFailure(db, now, shared);
    throw new DomainError('auth_failed', needsKeyFile ? 'errors.vault.auth_failed_key_file' : 'errors.vault.auth_failed');
  }
  return dataKey;
}

export function openRecovery(db: Db, vaultId: Uint8Array, recoverySecret: Uint8Array, now: Clock, shared?: SharedBackoff): Uint8Array {
  assertAllowed(db, now, shared);
  const slot = readSlot(db, vaultId, 'recovery');
  const kek = recoveryKek(vaultId, slot.salt, recoverySecret);
  const dataKey = unwrapSlot(vaultId, slot, kek);
  wipe(kek);
  if (!dataKey) {
    recordFailure(db, now, shared);
    throw new DomainError('auth_failed', 'errors.vault.recovery_key_wrong');
  }
  return dataKey;
}

/** Makes replaced keyslot bytes unreachable: secure_delete zeroes freed cells, the checkpoint empties the WAL. */
export function flushReplacedSlots(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Proving a secret against the keyslots, with the failed-attempt accounting around it. Shared by
 * unlock (LockedVault) and by the re-authentication that sensitive session operations require.
 */
import { DomainError } from '../../shared/errors';
import { assertAllowed, recordFailure, waitAfter, type Clock, type SharedBackoff } from './backoff';
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

/** Where failed attempts are counted and waited out: the file's unlock log, or a session's own count. */
export interface AttemptGate {
  /** Throws locked_out while a wait is running. */
  check(): void;
  failed(): void;
}

/** Unlock attempts: kept in the file (they survive restarts) and reported at the next unlock. */
export function unlockGate(db: Db, now: Clock, shared?: SharedBackoff): AttemptGate {
  return { check: () => assertAllowed(db, now, shared), failed: () => void recordFailure(db, now, shared) };
}

/**
 * Re-authentication inside an open session (change password, key file, new recovery key): the same
 * waits as unlock, counted in memory for the session only. These are not attempts to open the
 * wallet — whoever makes them already has it open — so they are never reported as failed unlocks.
 */
export function sessionGate(now: Clock): AttemptGate {
  let failures = 0;
  let nextAllowedAt = 0;
  return {
    check() {
      const remaining = nextAllowedAt - now();
      if (remaining > 0) {
        throw new DomainError('locked_out', 'errors.vault.locked_out', { waitSeconds: Math.ceil(remaining / 1000), until: new Date(nextAllowedAt).toISOString() });
      }
    },
    failed() {
      failures += 1;
      const wait = waitAfter(failures);
      nextAllowedAt = wait > 0 ? now() + wait : 0;
    },
  };
}

/** Unwraps the data key with password (+ key file). Wrong secret → auth_failed and a failure counted by `gate`. */
export async function openPrimary(db: Db, vaultId: Uint8Array, secret: Secret, gate: AttemptGate, onProgress?: ProgressFn): Promise<Uint8Array> {
  if (typeof secret?.password !== 'string') throw new DomainError('invalid_input', 'errors.vault.password_empty', { detail: 'password' });
  gate.check();
  const slot = readSlot(db, vaultId, 'primary');
  const needsKeyFile = slot.kind === 'passwordKeyFile';
  if (needsKeyFile && !(secret.keyFile instanceof Uint8Array)) {
    throw new DomainError('auth_failed', 'errors.vault.key_file_required');
  }
  onProgress?.({ phase: 'kdf', done: 0, total: 1 });
  const dataKey = await unwrapPasswordSlot(vaultId, slot, secret);
  onProgress?.({ phase: 'kdf', done: 1, total: 1 });
  if (!dataKey) {
    gate.failed();
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

/**
 * Creating a vault. The file is built under a temporary name and renamed into place only when
 * complete, so a crash during creation never leaves a half-made wallet at the chosen path.
 */
import Database from 'better-sqlite3';
import { existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '../../shared/errors';
import { createPrivateFile } from '../support/atomic-file';
import { checkKeyFile, checkNewPassword } from './auth';
import type { Clock } from './backoff';
import { toHex } from './bytes';
import { APPLICATION_ID, FORMAT_NAME, FORMAT_VERSION, KEY_BYTES, TAG_BYTES, VAULT_ID_BYTES } from './constants';
import { random, sodiumReady, wipe } from './crypto';
import { calibrateKdf, validKdfParams, type KdfParams } from './kdf';
import { newSalt, passwordKek, recoveryKek, RECOVERY_KDF, wrapSlot, writeSlot } from './keyslots';
import { encodeRecoveryKey, RECOVERY_SECRET_BYTES } from './recovery-key';
import { applyPragmas, SCHEMA_V1 } from './schema';
import { Session } from './session';
import type { ProgressFn, VaultSession } from './types';
import { acquireWriterLock } from './writer-lock';

export interface CreateOptions {
  password: string;
  keyFile?: Uint8Array;
  /** Tests only: skips calibration and allows parameters under the 64 MiB floor. Production callers never pass it. */
  testOnlyKdf?: KdfParams;
  onProgress?: ProgressFn;
  now?: Clock;
  /**
   * Runs with the recovery key once the file is complete but before it appears at `path`; if it
   * throws, no wallet is created. The CLI prints the key here, so a key that never reached the
   * user never protects a wallet.
   */
  beforeCommit?: (recoveryKey: string) => Promise<void>;
}

function syncDirectory(path: string): void {
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function createVault(path: string, opts: CreateOptions): Promise<{ session: VaultSession; recoveryKey: string }> {
  await sodiumReady();
  checkNewPassword(opts.password);
  if (opts.keyFile !== undefined) checkKeyFile(opts.keyFile);
  if (existsSync(path)) throw new DomainError('already_exists', 'errors.vault.already_exists', { path });
  const now = opts.now ?? Date.now;

  const kdf = opts.testOnlyKdf ?? (await calibrateKdf());
  if (!validKdfParams(kdf, opts.testOnlyKdf !== undefined)) {
    throw new DomainError('invalid_input', 'errors.vault.bad_kdf', { detail: JSON.stringify(kdf) });
  }

  const vaultId = random(VAULT_ID_BYTES);
  const dataKey = random(KEY_BYTES);
  const recoverySecret = random(RECOVERY_SECRET_BYTES);
  const kind = opts.keyFile ? 'passwordKeyFile' : 'password';
  const salt = newSalt();
  opts.onProgress?.({ phase: 'kdf', done: 0, total: 1 });
  const kek = await passwordKek(kind, salt, kdf, opts.keyFile ? { password: opts.password, keyFile: opts.keyFile } : { password: opts.password });
  opts.onProgress?.({ phase: 'kdf', done: 1, total: 1 });
  const primary = wrapSlot(vaultId, 'primary', kind, salt, kdf, kek, dataKey);
  const recoverySalt = newSalt();
  const recoveryKeyKek = recoveryKek(vaultId, recoverySalt, recoverySecret);
  const recovery = wrapSlot(vaultId, 'recovery', 'recovery', recoverySalt, RECOVERY_KDF, recoveryKeyKek, dataKey);
  const recoveryKey = encodeRecoveryKey(recoverySecret);
  wipe(kek, recoveryKeyKek, recoverySecret);

  const temporary = `${path}.creating-${toHex(random(6))}`;
  try {
    // Created private first: SQLite would create it with the umask's mode (0644), and its -wal/-shm copy the main file's.
    createPrivateFile(temporary);
    const db = new Database(temporary);
    try {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      applyPragmas(db);
      db.exec(SCHEMA_V1);
      db.transaction(() => {
        db.prepare('INSERT INTO meta (id, format, format_version, vault_id, created_at) VALUES (1, ?, ?, ?, ?)').run(
          FORMAT_NAME,
          FORMAT_VERSION,
          vaultId,
          new Date(now()).toISOString(),
        );
        writeSlot(db, vaultId, primary);
        writeSlot(db, vaultId, recovery);
        db.prepare('INSERT INTO head (id, seq, tag) VALUES (1, 0, ?)').run(new Uint8Array(TAG_BYTES));
        db.prepare("INSERT INTO auth_state (id, failures, failure_times, next_allowed_at) VALUES (1, 0, '[]', NULL)").run();
      })();
    } finally {
      db.close(); // checkpoints and removes the -wal, so only the main file needs moving
    }
    await opts.beforeCommit?.(recoveryKey);
    if (existsSync(path)) throw new DomainError('already_exists', 'errors.vault.already_exists', { path });
    renameSync(temporary, path);
    syncDirectory(path);
  } catch (error) {
    wipe(dataKey);
    for (const suffix of ['', '-wal', '-shm']) rmSync(temporary + suffix, { force: true });
    throw error;
  }
  return { session: Session.open(path, dataKey, now, acquireWriterLock(path)), recoveryKey };
}

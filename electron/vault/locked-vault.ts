/**
 * A vault file that is open but not unlocked: it knows its id and its public auth state, and turns
 * a password (+ key file) or the recovery key into a Session. Unlock attempts on one LockedVault run
 * one after another, so two quick clicks cannot both slip past the backoff check.
 */
import { isDomainError } from '../../shared/errors';
import { checkNewPassword, flushReplacedSlots, openPrimary, openRecovery } from './auth';
import { clearFailures, readAuthState, type Clock } from './backoff';
import { SLOT_KIND } from './constants';
import { sodiumReady, wipe } from './crypto';
import { calibrateKdf, type KdfParams } from './kdf';
import { newSalt, passwordKek, readSlot, wrapSlot, writeSlot } from './keyslots';
import { decodeRecoveryKey } from './recovery-key';
import { mapSqliteError, openChecked, type Db, type VaultMeta } from './schema';
import { Session } from './session';
import type { LockedVault, ProgressFn, Secret, UnlockResult } from './types';

export interface OpenOptions {
  /** Milliseconds since the epoch; tests inject a clock to step through backoff without sleeping. */
  now?: Clock;
}

export class Locked implements LockedVault {
  readonly vaultId: string;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly now: Clock;

  constructor(readonly path: string, private readonly db: Db, private readonly meta: VaultMeta, options: OpenOptions = {}) {
    this.vaultId = meta.vaultIdHex;
    this.now = options.now ?? Date.now;
  }

  status(): { hasKeyFile: boolean; failures: number; retryAt: string | null } {
    const db = this.handle();
    try {
      // Only the kind is needed here, read without the checksum so status works before libsodium loads.
      const row = db.prepare("SELECT kind FROM keyslots WHERE role = 'primary'").get() as { kind: number } | undefined;
      const state = readAuthState(db);
      const retryAt = state.nextAllowedAt && Date.parse(state.nextAllowedAt) > this.now() ? state.nextAllowedAt : null;
      return { hasKeyFile: row?.kind === SLOT_KIND.passwordKeyFile, failures: state.failures, retryAt };
    } catch (error) {
      throw mapSqliteError(error, 'keyslot:primary');
    }
  }

  unlock(secret: Secret, onProgress?: ProgressFn): Promise<UnlockResult> {
    return this.serial(async () => {
      await sodiumReady();
      const db = this.handle();
      const dataKey = await openPrimary(db, this.meta.vaultId, secret, this.now, onProgress);
      return this.finish(db, dataKey, false);
    });
  }

  unlockWithRecoveryKey(recoveryKey: string, newPassword: string, onProgress?: ProgressFn): Promise<UnlockResult> {
    return this.serial(async () => {
      await sodiumReady();
      checkNewPassword(newPassword);
      const db = this.handle();
      const secret = decodeRecoveryKey(recoveryKey);
      let dataKey: Uint8Array;
      try {
        dataKey = openRecovery(db, this.meta.vaultId, secret, this.now);
      } finally {
        wipe(secret);
      }
      try {
        // Keep the vault's KDF strength; if the primary slot itself is damaged, recovery repairs it.
        let kdf: KdfParams;
        let hadKeyFile = false;
        try {
          const current = readSlot(db, this.meta.vaultId, 'primary');
          kdf = current.kdf;
          hadKeyFile = current.kind === 'passwordKeyFile';
        } catch (error) {
          if (!isDomainError(error) || error.code !== 'integrity') throw error;
          kdf = await calibrateKdf();
        }
        onProgress?.({ phase: 'kdf', done: 0, total: 1 });
        const salt = newSalt();
        const kek = await passwordKek('password', salt, kdf, { password: newPassword });
        const slot = wrapSlot(this.meta.vaultId, 'primary', 'password', salt, kdf, kek, dataKey);
        wipe(kek);
        onProgress?.({ phase: 'kdf', done: 1, total: 1 });
        writeSlot(db, this.meta.vaultId, slot);
        flushReplacedSlots(db);
        return this.finish(db, dataKey, hadKeyFile);
      } catch (error) {
        wipe(dataKey);
        throw mapSqliteError(error, 'keyslot:primary');
      }
    });
  }

  private finish(db: Db, dataKey: Uint8Array, keyFileRemoved: boolean): UnlockResult {
    const session = Session.open(this.path, dataKey, this.now);
    const failedAttemptsSinceLastUnlock = clearFailures(db);
    return { session, failedAttemptsSinceLastUnlock, ...(keyFileRemoved ? { keyFileRemoved } : {}) };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private handle(): Db {
    if (this.closed) throw new Error('LockedVault is closed');
    return this.db;
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run.then(
      (value) => value,
      (error: unknown) => Promise.reject(mapSqliteError(error, 'file')),
    );
  }
}

export function openVault(path: string, options: OpenOptions = {}): LockedVault {
  const { db, meta } = openChecked(path);
  return new Locked(path, db, meta, options);
}

/**
 * A vault file that is open but not unlocked: it knows its id and its public auth state, and turns
 * a password (+ key file) or the recovery key into a Session. Unlock attempts on one LockedVault run
 * one after another, so two quick clicks cannot both slip past the backoff check.
 */
import { DomainError, isDomainError } from '../../shared/errors';
import { checkNewPassword, flushReplacedSlots, openPrimary, openRecovery, unlockGate } from './auth';
import { clearFailures, effectiveAuthState, type BackoffStore, type Clock, type SharedBackoff } from './backoff';
import { SLOT_KIND } from './constants';
import { sodiumReady, wipe } from './crypto';
import { calibrateKdf, kdfFloorBytes, type KdfParams } from './kdf';
import { newSalt, passwordKek, readSlot, wrapSlot, writeSlot } from './keyslots';
import { decodeRecoveryKey } from './recovery-key';
import { mapSqliteError, openChecked, type Db, type VaultMeta } from './schema';
import { Session } from './session';
import type { LockedVault, ProgressFn, Secret, UnlockResult } from './types';
import { acquireWriterLock, type WriterLock } from './writer-lock';

export interface OpenOptions {
  /** Milliseconds since the epoch; tests inject a clock to step through backoff without sleeping. */
  now?: Clock;
  /** The app's own record of failed unlocks by vault id, shared by every copy of a wallet (backoff.ts). */
  backoffStore?: BackoffStore;
}

export class Locked implements LockedVault {
  readonly vaultId: string;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly now: Clock;
  private readonly shared: SharedBackoff | undefined;

  constructor(
    readonly path: string,
    private readonly db: Db,
    private readonly meta: VaultMeta,
    options: OpenOptions = {},
    private readonly readOnly = false,
  ) {
    this.vaultId = meta.vaultIdHex;
    this.now = options.now ?? Date.now;
    this.shared = options.backoffStore ? { store: options.backoffStore, vaultId: meta.vaultIdHex } : undefined;
  }

  status(): { hasKeyFile: boolean; failures: number; retryAt: string | null } {
    const db = this.handle();
    try {
      // Only the kind is needed here, read without the checksum so status works before libsodium loads.
      const row = db.prepare("SELECT kind FROM keyslots WHERE role = 'primary'").get() as { kind: number } | undefined;
      const state = effectiveAuthState(db, this.shared);
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
      // Before the password is tried: a wallet another process writes is refused without a guess.
      const writerLock = acquireWriterLock(this.path);
      let dataKey: Uint8Array | null = null;
      try {
        dataKey = await openPrimary(db, this.meta.vaultId, secret, unlockGate(db, this.now, this.shared), onProgress);
        await this.strengthenWeakSlot(db, dataKey, secret, onProgress);
      } catch (error) {
        if (dataKey) wipe(dataKey);
        writerLock?.release();
        throw error;
      }
      return this.finish(db, dataKey, false, writerLock);
    });
  }

  /**
   * A password slot under the Argon2id memory floor (a file made by a test build, an old or a
   * crafted file) is re-wrapped at calibrated cost right after the unlock that proved the password,
   * so a weak slot never survives into normal use. Failing that, the unlock is refused.
   */
  private async strengthenWeakSlot(db: Db, dataKey: Uint8Array, secret: Secret, onProgress?: ProgressFn): Promise<void> {
    const slot = readSlot(db, this.meta.vaultId, 'primary');
    // A read-only wallet cannot be re-wrapped; it cannot be changed in any other way either.
    if (slot.kdf.memLimitBytes >= kdfFloorBytes() || this.readOnly) return;
    try {
      onProgress?.({ phase: 'kdf', done: 0, total: 1 });
      const kdf = await calibrateKdf();
      const salt = newSalt();
      const kek = await passwordKek(slot.kind, salt, kdf, secret);
      const strong = wrapSlot(this.meta.vaultId, 'primary', slot.kind, salt, kdf, kek, dataKey);
      wipe(kek);
      writeSlot(db, this.meta.vaultId, strong);
      flushReplacedSlots(db);
      onProgress?.({ phase: 'kdf', done: 1, total: 1 });
    } catch (error) {
      throw new DomainError('io_error', 'errors.vault.kdf_upgrade_failed', { detail: error instanceof Error ? error.message : String(error) });
    }
  }

  unlockWithRecoveryKey(recoveryKey: string, newPassword: string, onProgress?: ProgressFn): Promise<UnlockResult> {
    return this.serial(async () => {
      await sodiumReady();
      checkNewPassword(newPassword);
      // Recovery writes a new password slot: not possible here, and nothing is tried.
      if (this.readOnly) throw new DomainError('read_only', 'errors.vault.read_only', { path: this.path });
      const db = this.handle();
      const secret = decodeRecoveryKey(recoveryKey);
      const writerLock = acquireWriterLock(this.path);
      let dataKey: Uint8Array;
      try {
        dataKey = openRecovery(db, this.meta.vaultId, secret, this.now, this.shared);
      } catch (error) {
        writerLock?.release();
        throw error;
      } finally {
        wipe(secret);
      }
      try {
        // Keep the vault's KDF strength; if the primary slot itself is damaged, recovery repairs it.
        let kdf: KdfParams;
        let hadKeyFile = false;
        try {
          const current = readSlot(db, this.meta.vaultId, 'primary');
          // A slot under the floor is not kept: the new password gets the calibrated cost.
          kdf = current.kdf.memLimitBytes >= kdfFloorBytes() ? current.kdf : await calibrateKdf();
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
        return this.finish(db, dataKey, hadKeyFile, writerLock);
      } catch (error) {
        wipe(dataKey);
        writerLock?.release();
        throw mapSqliteError(error, 'keyslot:primary');
      }
    });
  }

  private finish(db: Db, dataKey: Uint8Array, keyFileRemoved: boolean, writerLock: WriterLock | null): UnlockResult {
    const session = Session.open(this.path, dataKey, this.now, writerLock);
    let failedAttemptsSinceLastUnlock: { count: number; times: string[] };
    try {
      failedAttemptsSinceLastUnlock = clearFailures(db, this.shared);
    } catch (error) {
      session.lock(); // wipes the key and releases the writer lock: a failed unlock holds nothing
      throw error;
    }
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
  const { db, meta, readOnly } = openChecked(path);
  return new Locked(path, db, meta, options, readOnly);
}

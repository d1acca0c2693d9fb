/**
 * The open wallet: at most one at a time, as a vault session plus its decrypted projection.
 * Other capabilities (ledger, backup) reach the data only through `current()`, so locking here
 * locks everything. Long work (Argon2id in the vault's worker; replay, verify, backups, which the
 * vault runs one slice per event-loop turn) reports `task/progress`.
 *
 * Concurrency rule — one queue per service (so per open wallet), first come first served:
 *  - Every operation that changes the open wallet or which wallet is open (ledger commands, merge
 *    apply, keyslot changes, restore/revert, create/unlock/recover, lock) and every long read of
 *    its journal (wallet/verify, backup/create, merge preview, export) runs as ONE job through
 *    `withOpen`/`exclusive`. A job starts only after the previous one settled, so a verify never
 *    sees an append or a new snapshot halfway through, a backup never has its wallet locked under
 *    it, and lock never closes the DB under a running loop: `lock()` waits its turn (a running
 *    verify or backup finishes first — its progress is on screen — then the wallet locks, and
 *    requests queued behind the lock get `wallet_locked`).
 *  - Cheap reads (ledger queries, status, backup overview) do not queue: each runs within one
 *    event-loop turn, and jobs change the projection only in synchronous steps, so a read between
 *    two slices of a long job sees a consistent state.
 *  - Inside a job, use `lockNow` (calling `lock` there would wait for the job itself).
 *  - As a second line of defence the vault stops a cooperative loop whose session was locked at
 *    its next slice (`wallet_locked`), e.g. the CLI or a caller that bypasses the queue.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import type { UnlockOutcome, WalletStatus, WalletSummary } from '../../shared/contract';
import type { EventBus } from '../router/event-bus';
import type { Logger } from '../support/logger';
import {
  createVault,
  openVault,
  type KdfParams,
  type Projection,
  type ProjectionFactory,
  type UnlockResult,
  type VaultProgress,
  type VaultSession,
} from '../vault';
import type { WalletIndex } from './wallet-index';
import type { BackoffStore } from '../vault';
import { failedAttemptEntries } from '../security/failed-attempts';
import { SecurityLog, type SecurityEntryInput } from '../security/security-log';
import type { SecurityEventDetails, SecurityEventKind } from '../../shared/contract';

export interface OpenWallet {
  id: string;
  name: string;
  vault: VaultSession;
  projection: Projection;
}

export interface WalletServiceDeps {
  index: WalletIndex;
  bus: EventBus;
  log: Logger;
  projections: ProjectionFactory;
  /** Tests only: a cheap Argon2id cost. Production callers never pass it (calibrated defaults). */
  testOnlyKdf?: KdfParams;
  /** Failed unlocks by vault id, shared by every copy of a wallet (backoff-store.ts). */
  backoff?: BackoffStore;
}

/** Save a snapshot when this many events were replayed since the last one. */
const SNAPSHOT_EVERY = 500;
/**
 * …or a tenth of the journal, whichever is more: a snapshot rewrites the whole projection (about
 * 85 MiB at 100k transactions), so a fixed interval made a long history quadratic to record.
 * Replaying a tenth of the journal after a crash stays within seconds; a normal lock snapshots anyway.
 */
const SNAPSHOT_SHARE = 0.1;

const ACCESS = { ok: 'read_write', read_only: 'read_only', lost: 'file_lost' } as const;

/**
 * Why the wallet locks, and what the security log says about it: `restore` is covered by the
 * restore's own entry; automatic reasons are `auto_locked`, the panic action `panic_locked`.
 */
export type LockReason = 'user' | 'switch' | 'quit' | 'restore' | 'panic' | AutoLockReason;
export type AutoLockReason = 'idle' | 'suspend' | 'screen' | 'minimize' | 'clock_jump';

function lockEntry(reason: LockReason): SecurityEntryInput | null {
  if (reason === 'restore') return null;
  if (reason === 'panic') return { kind: 'panic_locked' };
  if (reason === 'user' || reason === 'switch' || reason === 'quit') return { kind: 'locked', details: { reason } };
  return { kind: 'auto_locked', details: { reason } };
}

export class WalletService {
  private open: OpenWallet | null = null;
  private snapshotSeq = 0;
  private readonly lockListeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  readonly securityLog: SecurityLog;

  constructor(private readonly deps: WalletServiceDeps) {
    this.securityLog = new SecurityLog({ session: () => this.open?.vault ?? null, bus: deps.bus, log: deps.log });
  }

  /**
   * The hook every capability calls to leave one entry in the open wallet's security log
   * (backup, restore, merge, export, import — `import` / `import_undone` —, update install, crash
   * report). Never throws; nothing is written while no wallet is open.
   */
  recordSecurityEvent(kind: SecurityEventKind, details: SecurityEventDetails = {}): void {
    this.securityLog.record([{ kind, details }]);
  }

  current(): OpenWallet | null {
    return this.open;
  }

  requireOpen(): OpenWallet {
    if (!this.open) throw new DomainError('wallet_locked', 'errors.wallet_locked');
    return this.open;
  }

  /** Runs `job` after every job queued before it has settled (see the rule at the top). */
  exclusive<T>(job: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A queued job on the wallet open when its turn comes (`wallet_locked` when none is). */
  withOpen<T>(job: (open: OpenWallet) => T | Promise<T>): Promise<T> {
    return this.exclusive(() => job(this.requireOpen()));
  }

  /** Where a wallet's file lives (for backups and restores). */
  pathOf(id: string): string {
    return this.deps.index.pathOf(id);
  }

  /** Adds a wallet whose file `fill` writes (restore from a backup on a new machine). */
  adopt(name: string, fill: (path: string) => void): string {
    const id = this.deps.index.newId();
    fill(this.deps.index.pathOf(id));
    this.deps.index.remember({ id, name, createdAt: new Date().toISOString() });
    this.emitStatus();
    return id;
  }

  /** Tells listeners the list of wallets may have changed (a restore replaced a file). */
  announce(): void {
    this.emitStatus();
  }

  /** Called before the wallet locks, while its data is still readable (snapshots, on-quit backups). */
  onBeforeLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  status(): WalletStatus {
    const entries = this.deps.index.list();
    // The open wallet stays listed after its file was deleted: it is still open, and can be saved.
    if (this.open && !entries.some((entry) => entry.id === this.open?.id)) entries.push({ id: this.open.id, name: this.open.name, createdAt: '' });
    const wallets = entries.map((entry): WalletSummary => {
      const summary: WalletSummary = { id: entry.id, name: entry.name, hasKeyFile: false, failures: 0, retryAt: null, problem: null };
      if (this.open?.id === entry.id) return { ...summary, hasKeyFile: this.open.vault.hasKeyFile() };
      try {
        const locked = openVault(this.deps.index.pathOf(entry.id), this.openOptions());
        try {
          return { ...summary, ...locked.status() };
        } finally {
          locked.close();
        }
      } catch (error) {
        if (error instanceof DomainError && (error.code === 'not_a_wallet' || error.code === 'format_too_new' || error.code === 'integrity')) {
          return { ...summary, problem: error.code };
        }
        if (error instanceof DomainError && error.messageKey === 'errors.vault.no_permission') return { ...summary, problem: 'no_permission' };
        throw error;
      }
    });
    return { wallets, unlocked: this.open ? { id: this.open.id, name: this.open.name, access: ACCESS[this.open.vault.fileState()] } : null };
  }

  create(name: string, password: string, keyFile?: Uint8Array): Promise<{ walletId: string; recoveryKey: string }> {
    return this.exclusive(() => this.createNow(name, password, keyFile));
  }

  private async createNow(name: string, password: string, keyFile?: Uint8Array): Promise<{ walletId: string; recoveryKey: string }> {
    this.lockNow('switch');
    const id = this.deps.index.newId();
    const { session, recoveryKey } = await createVault(this.deps.index.pathOf(id), {
      password,
      keyFile,
      testOnlyKdf: this.deps.testOnlyKdf,
      onProgress: this.progress('create'),
    });
    this.deps.index.remember({ id, name, createdAt: new Date().toISOString() });
    await this.attach(id, name, session);
    this.recordSecurityEvent('wallet_created', { keyFile: keyFile !== undefined });
    return { walletId: id, recoveryKey };
  }

  unlock(id: string, password: string, keyFile?: Uint8Array): Promise<UnlockOutcome> {
    return this.exclusive(() => this.unlockNow(id, password, keyFile));
  }

  private async unlockNow(id: string, password: string, keyFile?: Uint8Array): Promise<UnlockOutcome> {
    const locked = this.openLocked(id);
    let result: UnlockResult;
    try {
      result = await locked.unlock({ password, keyFile }, this.progress('unlock'));
    } catch (error) {
      locked.close();
      this.emitStatus();
      throw error;
    }
    return this.afterUnlock(id, result, 'unlocked');
  }

  recover(id: string, recoveryKey: string, newPassword: string): Promise<UnlockOutcome> {
    return this.exclusive(() => this.recoverNow(id, recoveryKey, newPassword));
  }

  private async recoverNow(id: string, recoveryKey: string, newPassword: string): Promise<UnlockOutcome> {
    const locked = this.openLocked(id);
    let result: UnlockResult;
    try {
      result = await locked.unlockWithRecoveryKey(recoveryKey, newPassword, this.progress('recover'));
    } catch (error) {
      locked.close();
      throw error;
    }
    return this.afterUnlock(id, result, 'recovery_used');
  }

  /**
   * Writes the open wallet to a new wallet file in the data folder (same password and recovery
   * key) and lists it as `name`. The way out when the open wallet's file was deleted, replaced or
   * truncated: the session still holds every acknowledged write.
   */
  saveAsNew(name: string): Promise<{ walletId: string }> {
    return this.withOpen((open) => ({ walletId: this.adopt(name, (path) => void open.vault.saveCopyAs(path)) }));
  }

  /** Locks once the running job (if any) has finished; see the rule at the top. */
  lock(reason: LockReason = 'user'): Promise<void> {
    return this.exclusive(() => this.lockNow(reason));
  }

  /**
   * Locks now: from inside a queued job (or when no job can be running) — and for panic and
   * automatic locks, which must not wait for a running job: the vault stops that job at its next
   * slice (cooperative.ts) once the session is closed, and its queued successors get wallet_locked.
   * A panic lock skips the closing snapshot (a cache that can take a second at 100k events).
   */
  lockNow(reason: LockReason = 'user'): void {
    const open = this.open;
    if (!open) return;
    const entry = lockEntry(reason);
    if (entry) this.securityLog.record([entry]);
    for (const listener of this.lockListeners) {
      try {
        listener();
      } catch (error) {
        this.deps.log.error('before-lock listener failed', error);
      }
    }
    if (reason !== 'panic') this.saveSnapshot();
    this.open = null;
    open.projection.close();
    open.vault.lock();
    this.emitStatus();
  }

  /** Keeps unlock fast: call after appending; snapshots once enough events accumulated. */
  noteAppended(): void {
    const open = this.open;
    if (!open) return;
    const head = open.vault.head().seq;
    if (head - this.snapshotSeq >= Math.max(SNAPSHOT_EVERY, Math.floor(head * SNAPSHOT_SHARE))) this.saveSnapshot();
  }

  private saveSnapshot(): void {
    const open = this.open;
    if (!open) return;
    const head = open.vault.head().seq;
    if (head === 0 || head === this.snapshotSeq) return;
    try {
      open.vault.saveSnapshot(open.projection, head);
      this.snapshotSeq = head;
    } catch (error) {
      // A snapshot is a cache: failing to write one loses nothing, the journal is the truth.
      this.deps.log.warn('snapshot not saved', error);
    }
  }

  private openLocked(id: string) {
    if (!this.deps.index.list().some((entry) => entry.id === id)) throw new DomainError('not_found', 'errors.wallet_not_found');
    this.lockNow('switch');
    return openVault(this.deps.index.pathOf(id), this.openOptions());
  }

  private openOptions() {
    return this.deps.backoff ? { backoffStore: this.deps.backoff } : {};
  }

  private async afterUnlock(id: string, result: UnlockResult, kind: 'unlocked' | 'recovery_used'): Promise<UnlockOutcome> {
    const name = this.deps.index.list().find((entry) => entry.id === id)?.name ?? id;
    const warnings = await this.attach(id, name, result.session);
    this.logUnlock(result, kind);
    return { failedAttemptsSinceLastUnlock: result.failedAttemptsSinceLastUnlock, snapshotWarnings: warnings };
  }

  /** The failed attempts counted while locked, moved into the encrypted log, then the unlock itself. */
  private logUnlock(result: UnlockResult, kind: 'unlocked' | 'recovery_used'): void {
    const failed = result.failedAttemptsSinceLastUnlock;
    let moved: SecurityEntryInput[] = [];
    if (failed.count > 0) {
      let loggedWhileOpen: string[] = [];
      try {
        loggedWhileOpen = this.securityLog.entries(result.session).filter((entry) => entry.kind === 'auth_failed').map((entry) => entry.at);
      } catch (error) {
        this.deps.log.warn('security log not readable', error);
      }
      moved = failedAttemptEntries(failed.times, loggedWhileOpen, Math.max(0, failed.count - failed.times.length));
    }
    this.securityLog.record([...moved, { kind, details: { failedAttempts: failed.count } }]);
  }

  /** Loads the projection (replay runs one slice per event-loop turn) and makes the wallet the open one. */
  private async attach(id: string, name: string, vault: VaultSession): Promise<number> {
    let warnings = 0;
    let replayed = 0;
    const report = this.progress('load');
    let projection: Projection;
    try {
      projection = await vault.loadProjection(
        this.deps.projections,
        (progress) => {
          if (progress.phase === 'replay') replayed = progress.total;
          report(progress);
        },
        (warning) => {
          warnings++;
          this.deps.log.warn(`wallet ${id}: ${warning.detail}`);
        },
      );
    } catch (error) {
      vault.lock();
      throw error;
    }
    this.open = { id, name, vault, projection };
    // The wallet file went away under the open session: tell the views (status carries access: file_lost).
    vault.onFileLost(() => {
      this.deps.log.warn(`wallet ${id}: its file was deleted, replaced or truncated while open`);
      this.emitStatus();
    });
    // What was replayed is what the newest good snapshot lacks; replace it when that got long.
    this.snapshotSeq = vault.head().seq - replayed;
    this.noteAppended();
    this.emitStatus();
    return warnings;
  }

  private emitStatus(): void {
    this.deps.bus.emit('wallet/changed', this.status());
  }

  /** A `task/progress` reporter for one task of `kind`. */
  progress(kind: string): (progress: VaultProgress) => void {
    const taskId = randomUUID();
    return (progress) => this.deps.bus.emit('task/progress', { taskId, kind, phase: progress.phase, done: progress.done, total: progress.total });
  }
}

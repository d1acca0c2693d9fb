/**
 * An unlocked vault: holds the data key and its subkeys for as long as it is open, and wipes them
 * on lock. Every method first checks the session is still open, so a caller that kept a reference
 * after lock gets `wallet_locked` rather than garbage.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { fsyncDirectory, fsyncFile } from '../support/atomic-file';
import { checkKeyFile, checkNewPassword, flushReplacedSlots, openPrimary, sessionGate, type AttemptGate } from './auth';
import { writeCopy, type CopyInfo, type CopyProgress, type CopyResult } from './copy';
import { openCopyWithKey, type CopyReader } from './copy-reader';
import type { Clock } from './backoff';
import { toHex } from './bytes';
import { nextTurn, runCooperative, type Steps } from './cooperative';
import { deriveSubkeys, equal, random, wipe, wipeSubkeys, type Subkeys } from './crypto';
import { appendEvents, checkHeadAgainstJournal, commitSealedSyncLater, GENESIS_TAG, prepareEvents, readHead, walkJournal } from './journal';
import { newSalt, passwordKek, readSlot, recoveryKek, RECOVERY_KDF, wrapSlot, writeSlot } from './keyslots';
import { problem, toError, type Problem } from './problems';
import { loadProjectionSteps, openNewestSnapshot, storedTag, type OpenedSnapshot, type VaultContext } from './projection-loader';
import { decodeRecoveryKey, encodeRecoveryKey, RECOVERY_SECRET_BYTES } from './recovery-key';
import { mapSqliteError, openChecked, type Db } from './schema';
import type { Slot } from './keyslots';
import type { WriterLock } from './writer-lock';
import { appendSecurityRecords, readSecurityRecords, type SecurityRecord, type StoredSecurityRecord } from './security-log';
import { writeSnapshot } from './snapshots';
import type { FileState, ProgressFn, Projection, ProjectionFactory, Secret, VaultSession, VaultWarning, VerifyReport } from './types';
import { verifySteps } from './verify';

export class Session implements VaultSession {
  readonly vaultId: string;
  private ctx: VaultContext;
  private dataKey: Uint8Array;
  private closed = false;
  private readonly projections = new Set<Projection>();
  private lastWarnings: VaultWarning[] = [];
  /** The file this session opened (device + inode) and the largest size seen: see checkFile. */
  private readonly identity: FileIdentity;
  private fileLost = false;
  private readonly lostListeners = new Set<() => void>();
  /** A regenerated recovery key waiting for the user to confirm it (the old slot stays valid until then). */
  private pendingRecovery: { slot: Slot; secret: Uint8Array } | null = null;

  /**
   * Takes ownership of `dataKey` (wiped on lock) and of `writerLock` (released on lock; see
   * writer-lock.ts). Checks head against journal before returning.
   */
  static open(path: string, dataKey: Uint8Array, now: Clock, writerLock: WriterLock | null): Session {
    let opened: { db: Db; identity: FileIdentity; vaultId: Uint8Array; readOnly: boolean };
    try {
      const { db, meta, readOnly } = openChecked(path);
      try {
        const headProblem = checkHeadAgainstJournal(db);
        if (headProblem) throw toError(headProblem);
        // Pull the small tables into this connection's page cache: if the file is truncated under
        // the session, saveCopyAs can still read them (the journal's recent pages are in the -wal).
        for (const table of ['meta', 'keyslots', 'head', 'auth_state', 'sqlite_master']) db.prepare(`SELECT * FROM ${table}`).all();
        opened = { db, identity: identityOf(path)!, vaultId: meta.vaultId, readOnly };
      } catch (error) {
        db.close();
        throw mapSqliteError(error, 'head');
      }
    } catch (error) {
      wipe(dataKey);
      writerLock?.release();
      throw error;
    }
    return new Session(path, opened.db, opened.vaultId, dataKey, now, writerLock, opened.identity, opened.readOnly);
  }

  /** Wrong current passwords in this session: waited out like unlock, but never reported as failed unlocks. */
  private readonly reauthGate: AttemptGate;

  private constructor(
    readonly path: string,
    db: Db,
    vaultId: Uint8Array,
    dataKey: Uint8Array,
    private readonly now: Clock,
    private readonly writerLock: WriterLock | null,
    identity: FileIdentity,
    private readonly readOnly: boolean,
  ) {
    this.vaultId = toHex(vaultId);
    this.dataKey = dataKey;
    this.reauthGate = sessionGate(now);
    this.ctx = { db, vaultId, keys: deriveSubkeys(dataKey) };
    this.identity = identity;
  }

  fileState(): FileState {
    if (this.fileLost) return 'lost';
    return this.readOnly ? 'read_only' : 'ok';
  }

  /** Before any write: open, the file may be written, and the path still is this session's file. */
  private writable(): VaultContext {
    const ctx = this.open();
    if (this.readOnly) throw new DomainError('read_only', 'errors.vault.read_only', { path: this.path });
    this.checkFile();
    return ctx;
  }

  onFileLost(listener: () => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /**
   * Is the path still the file this session writes? Deleting, replacing or truncating an open
   * SQLite file is invisible to SQLite: writes keep "succeeding" into an unlinked inode (or a file
   * with a hole) and are gone at close. So before writing and before acknowledging a write we
   * compare the path's device + inode with the ones at open, and its size with the largest seen
   * (the file never shrinks: no VACUUM, no auto_vacuum). Once lost, always lost for this session.
   */
  private checkFile(): void {
    if (!this.fileLost) {
      const now = identityOf(this.path);
      if (now && now.dev === this.identity.dev && now.ino === this.identity.ino && now.size >= this.identity.size) {
        this.identity.size = now.size;
        return;
      }
      this.fileLost = true;
      for (const listener of this.lostListeners) listener();
    }
    throw new DomainError('wallet_file_lost', 'errors.vault.file_lost', { path: this.path });
  }

  get locked(): boolean {
    return this.closed;
  }

  private open(): VaultContext {
    if (this.closed) throw new DomainError('wallet_locked', 'errors.vault.locked');
    return this.ctx;
  }

  /** Runs `fn` with SQLite errors mapped to domain errors (damaged file → integrity, disk → io_error). */
  private guarded<T>(where: string, fn: (ctx: VaultContext) => T): T {
    const ctx = this.open();
    try {
      return fn(ctx);
    } catch (error) {
      throw mapSqliteError(error, where);
    }
  }

  /**
   * Runs long work one slice per event-loop turn (cooperative.ts). A lock() between two slices
   * stops it at the next one with `wallet_locked` (the loop never touches the closed DB or the
   * wiped keys); SQLite errors are mapped as in `guarded`.
   */
  private async cooperative<T>(where: string, steps: (ctx: VaultContext) => Steps<T>): Promise<T> {
    const ctx = this.open();
    try {
      return await runCooperative(steps(ctx), () => !this.closed);
    } catch (error) {
      throw mapSqliteError(error, where);
    }
  }

  head(): { seq: number; tag: string } {
    return this.guarded('head', ({ db }) => {
      const head = readHead(db);
      return { seq: head.seq, tag: toHex(head.tag) };
    });
  }

  append(payloads: readonly unknown[]): { seq: number }[] {
    if (!Array.isArray(payloads)) throw new DomainError('invalid_input', 'errors.vault.payload_not_json', { detail: 'payloads must be a list' });
    this.writable();
    const appended = this.guarded('journal', ({ db, vaultId, keys }) =>
      appendEvents(db, vaultId, keys, payloads).map(({ seq }) => ({ seq })),
    );
    // The commit went to whatever the connection holds; acknowledge it only if that is still the wallet file.
    // If not, the events are in this session's connection and saveCopyAs keeps them.
    this.checkFile();
    return appended;
  }

  /**
   * `append` for big batches (a statement import): the payloads are serialized and encrypted in
   * slices, one per event-loop turn, then written in ONE transaction — all of them or none. If
   * something else appended meanwhile, they are sealed again from the new head.
   */
  async appendCooperatively(payloads: readonly unknown[], slice = 8): Promise<{ seq: number }[]> {
    if (!Array.isArray(payloads)) throw new DomainError('invalid_input', 'errors.vault.payload_not_json', { detail: 'payloads must be a list' });
    for (let attempt = 0; ; attempt++) {
      this.writable();
      const sealed = await this.cooperative('journal', ({ db, vaultId, keys }) => prepareEvents(vaultId, keys, readHead(db), payloads, slice));
      this.writable();
      const { appended, walPath } = this.guarded('journal', ({ db }) => commitSealedSyncLater(db, sealed));
      if (appended) {
        if (walPath) await this.syncWal(walPath);
        this.checkFile();
        return appended;
      }
      if (attempt >= 2) throw new DomainError('wallet_busy', 'errors.import_batch.journal_moved', {});
    }
  }

  /**
   * Makes a commit of `commitSealedSyncLater` durable: the WAL's fsync on libuv's thread pool, then
   * the checkpoint it left out, on a turn of its own (a PASSIVE one: it never waits for readers).
   * If the fsync fails, a FULL checkpoint on this thread syncs the WAL and the database instead.
   */
  private async syncWal(walPath: string): Promise<void> {
    try {
      const handle = await openFile(walPath, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      this.guarded('journal', ({ db }) => db.pragma('wal_checkpoint(FULL)'));
      return;
    }
    await nextTurn();
    if (!this.closed) this.guarded('journal', ({ db }) => db.pragma('wal_checkpoint(PASSIVE)'));
  }

  /**
   * The stored chain tag of event `seq` (hex; seq 0 is the genesis tag), null when there is none.
   * Not authenticated by itself: a walk over the events checks it. Merge compares two journals'
   * tags to find the history they share without decrypting it twice.
   */
  tagAt(seq: number): string | null {
    return this.guarded('journal', ({ db }) => {
      const tag = storedTag(db, seq);
      return tag && toHex(tag);
    });
  }

  events(fromSeq?: number): IterableIterator<{ seq: number; payload: unknown }> {
    const { db, vaultId, keys } = this.open();
    const inner = walkJournal(db, vaultId, keys, fromSeq === undefined ? {} : { fromSeq });
    const check = () => this.open();
    // Re-check before every step: a lock between two items wipes the keys the walk uses.
    return (function* () {
      for (;;) {
        check();
        const next = inner.next();
        if (next.done) return;
        yield next.value;
      }
    })();
  }

  saveSnapshot(projection: Projection, coversSeq: number): void {
    this.writable();
    // Only a projection that holds exactly the events up to coversSeq may become a snapshot: a stale
    // one (events appended by someone else, a gap) would be taken for the truth at the next unlock.
    const applied = projection.lastSeq?.();
    if (applied !== undefined && applied !== coversSeq) {
      throw new DomainError('integrity', 'errors.vault.snapshot_stale', { covers: coversSeq, applied });
    }
    this.guarded('snapshot', ({ db, vaultId, keys }) => {
      const head = readHead(db);
      if (!Number.isSafeInteger(coversSeq) || coversSeq < 0 || coversSeq > head.seq) {
        throw new DomainError('invalid_input', 'errors.vault.snapshot_bad_seq', { covers: coversSeq, head: head.seq });
      }
      const tag = coversSeq === 0 ? GENESIS_TAG : storedTag(db, coversSeq);
      if (!tag) throw new DomainError('integrity', 'errors.vault.event_missing', { seq: coversSeq, where: 'journal' });
      const bytes = projection.serialize();
      writeSnapshot(db, vaultId, keys.snapshot, coversSeq, tag, bytes, new Date(this.now()));
      bytes.fill(0);
    });
  }

  async loadProjection(factory: ProjectionFactory, onProgress?: ProgressFn, onWarning?: (warning: VaultWarning) => void): Promise<Projection> {
    const warnings: Problem[] = [];
    let opened: OpenedSnapshot | null = null;
    let projection: Projection;
    try {
      // Decrypt, then decompress off the main thread, before the load steps (which then skip both).
      opened = await this.openNewestSnapshot();
      const ready = opened;
      projection = await this.cooperative('journal', (ctx) =>
        loadProjectionSteps(
          ctx,
          factory,
          onProgress,
          (w) => {
            warnings.push(w);
            onWarning?.(w);
          },
          ready,
        ),
      );
    } finally {
      opened?.plaintext.fill(0);
      opened?.bytes?.fill(0);
    }
    if (this.closed) {
      projection.close();
      this.open();
    }
    this.lastWarnings = warnings;
    this.projections.add(projection);
    return projection;
  }

  private async openNewestSnapshot(): Promise<OpenedSnapshot | null> {
    try {
      return await openNewestSnapshot(this.open());
    } catch (error) {
      throw mapSqliteError(error, 'snapshot');
    }
  }

  warnings(): readonly VaultWarning[] {
    return this.lastWarnings;
  }

  async verify(factory: ProjectionFactory | null, onProgress?: ProgressFn): Promise<VerifyReport> {
    let lost: Problem | null = null;
    try {
      this.open();
      this.checkFile();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'wallet_file_lost') throw error;
      lost = problem('file', 'file_lost', { path: this.path });
    }
    const report = await this.cooperative('file', (ctx) => verifySteps(ctx, factory, onProgress));
    return lost ? { ...report, ok: false, problems: [lost, ...report.problems] } : report;
  }

  /**
   * Writes everything this session's connection holds to a new wallet file at `destPath` (same
   * keyslots, so the same password and recovery key open it). Works when the wallet file was
   * deleted or replaced: the connection still reads the old inode and its -wal. Built under a
   * temporary name, checked (head agrees with the journal and is at least what this session
   * acknowledged), fsync'd, then renamed into place.
   */
  saveCopyAs(destPath: string): { seq: number } {
    const { db } = this.open();
    const head = this.guarded('head', () => readHead(db).seq);
    const temporary = `${destPath}.saving-${toHex(random(6))}`;
    try {
      this.guarded('file', () => db.prepare('VACUUM INTO ?').run(temporary));
      const copy = new Database(temporary, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = WAL');
        const problemFound = checkHeadAgainstJournal(copy);
        if (problemFound) throw toError(problemFound);
        if (readHead(copy).seq < head) throw toError(problem('head', 'journal_truncated', { head, last: readHead(copy).seq }));
      } finally {
        copy.close();
      }
      fsyncFile(temporary);
      renameSync(temporary, destPath);
      fsyncDirectory(dirname(destPath));
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temporary + suffix, { force: true });
      throw mapSqliteError(error, 'file');
    }
    return { seq: head };
  }

  /** Writes a sealed backup copy of this vault into `destPath` (an empty file); see copy.ts. */
  async writeBackupCopy(destPath: string, info: CopyInfo, onProgress?: CopyProgress): Promise<CopyResult> {
    try {
      return await writeCopy(this.open(), this.dataKey, destPath, info, onProgress);
    } catch (error) {
      // A lock (the panic lock does not wait for the job) closed the DB under SQLite's online
      // backup: that is the lock, not a disk error.
      if (this.closed) throw new DomainError('wallet_locked', 'errors.vault.locked');
      throw error;
    }
  }

  /**
   * Opens a backup copy of this same vault with the session's key: the data key never changes.
   * The file's hash is checked cooperatively; the key is copied first, so a lock meanwhile wipes
   * only the session's key, and the reader (its own subkeys) is handed out only while still open.
   */
  async openCopy(path: string, onProgress?: ProgressFn): Promise<CopyReader> {
    const { vaultId } = this.open();
    const key = new Uint8Array(this.dataKey);
    try {
      const reader = await openCopyWithKey(path, key, new Uint8Array(vaultId), onProgress);
      if (this.closed) {
        reader.close();
        this.open();
      }
      return reader;
    } finally {
      wipe(key);
    }
  }

  /** Appends security log rows (security-log.ts); not journal events, so the head does not move. */
  appendSecurityLog(records: readonly SecurityRecord[]): number[] {
    const { db, vaultId, keys } = this.writable();
    const ids = this.guarded('security_log', () => appendSecurityRecords(db, vaultId, keys.securityLog, records));
    this.checkFile();
    return ids;
  }

  securityLog(): { records: StoredSecurityRecord[]; damaged: number[] } {
    return this.guarded('security_log', ({ db, vaultId, keys }) => readSecurityRecords(db, vaultId, keys.securityLog));
  }

  /** Proof of the password (and key file) without changing anything; a wrong one counts like any failed attempt. */
  async confirmSecret(password: string, keyFile?: Uint8Array): Promise<void> {
    await this.reauth(password, keyFile);
  }

  hasKeyFile(): boolean {
    return this.guarded('keyslot:primary', ({ db, vaultId }) => readSlot(db, vaultId, 'primary').kind === 'passwordKeyFile');
  }

  /** Re-authentication for sensitive changes; also checks the slot really holds this session's key. */
  private async reauth(password: string, keyFile: Uint8Array | undefined): Promise<VaultContext> {
    const ctx = this.open();
    const key = await openPrimary(ctx.db, ctx.vaultId, keyFile ? { password, keyFile } : { password }, this.reauthGate);
    const same = equal(key, this.dataKey);
    wipe(key);
    if (!same) throw new DomainError('integrity', 'errors.vault.keyslot_damaged', { where: 'keyslot:primary', detail: 'holds another key' });
    return this.open();
  }

  async changePassword(oldPassword: string, newPassword: string, keyFile?: Uint8Array): Promise<void> {
    checkNewPassword(newPassword);
    const { db, vaultId } = await this.reauth(oldPassword, keyFile);
    // reauth already insisted on the key file if the slot needs one; the new slot keeps needing it.
    const keepsKeyFile = readSlot(db, vaultId, 'primary').kind === 'passwordKeyFile';
    await this.rewrapPrimary(keepsKeyFile && keyFile ? { password: newPassword, keyFile } : { password: newPassword });
  }

  async setKeyFile(password: string, keyFile: Uint8Array | null, currentKeyFile?: Uint8Array): Promise<void> {
    if (keyFile !== null) checkKeyFile(keyFile);
    await this.reauth(password, currentKeyFile);
    await this.rewrapPrimary(keyFile ? { password, keyFile } : { password });
  }

  /** Replaces the primary slot: same KDF parameters, new salt, new nonce. O(1) in the data size. */
  private async rewrapPrimary(secret: Secret): Promise<void> {
    const { db, vaultId } = this.writable();
    const current = readSlot(db, vaultId, 'primary');
    const kind = secret.keyFile ? 'passwordKeyFile' : 'password';
    const salt = newSalt();
    const kek = await passwordKek(kind, salt, current.kdf, secret);
    const slot = wrapSlot(vaultId, 'primary', kind, salt, current.kdf, kek, this.dataKey);
    wipe(kek);
    this.guarded('keyslot:primary', () => {
      writeSlot(db, vaultId, slot);
      flushReplacedSlots(db);
    });
  }

  /**
   * Step one of a new recovery key: generates it and returns its text, but the wallet keeps the old
   * one until `confirmRecoveryKey` gets the new key typed back. A key shown once must reach the
   * user before the wallet depends on it (the screen may close, stdout may be full or closed).
   */
  async regenerateRecoveryKey(password: string, keyFile?: Uint8Array): Promise<string> {
    this.writable();
    const { vaultId } = await this.reauth(password, keyFile);
    const secret = random(RECOVERY_SECRET_BYTES);
    const salt = newSalt();
    const kek = recoveryKek(vaultId, salt, secret);
    const slot = wrapSlot(vaultId, 'recovery', 'recovery', salt, RECOVERY_KDF, kek, this.dataKey);
    wipe(kek);
    this.dropPendingRecovery();
    this.pendingRecovery = { slot, secret };
    return encodeRecoveryKey(secret);
  }

  /** Step two: `typed` must be the pending key; only now is the old recovery key replaced. */
  confirmRecoveryKey(typed: string): void {
    const { db, vaultId } = this.open();
    const pending = this.pendingRecovery;
    if (!pending) throw new DomainError('rejected', 'errors.vault.recovery_key_not_pending');
    const secret = decodeRecoveryKey(typed);
    const same = equal(secret, pending.secret);
    wipe(secret);
    if (!same) throw new DomainError('invalid_input', 'errors.vault.recovery_key_mismatch');
    this.writable();
    this.guarded('keyslot:recovery', () => {
      writeSlot(db, vaultId, pending.slot);
      flushReplacedSlots(db);
    });
    this.dropPendingRecovery();
  }

  private dropPendingRecovery(): void {
    if (this.pendingRecovery) wipe(this.pendingRecovery.secret);
    this.pendingRecovery = null;
  }

  lock(): void {
    if (this.closed) return;
    this.closed = true;
    for (const projection of this.projections) {
      try {
        projection.close();
      } catch {
        // Closing is best effort; the keys below are wiped regardless.
      }
    }
    this.projections.clear();
    this.dropPendingRecovery();
    wipeSubkeys(this.ctx.keys as Subkeys);
    wipe(this.dataKey);
    try {
      this.ctx.db.close();
    } catch {
      // Already closed or the disk went away; nothing left to protect here.
    }
    this.writerLock?.release();
  }
}

interface FileIdentity {
  dev: bigint;
  ino: bigint;
  size: bigint;
}

function identityOf(path: string): FileIdentity | null {
  try {
    const { dev, ino, size } = statSync(path, { bigint: true });
    return { dev, ino, size };
  } catch {
    return null;
  }
}

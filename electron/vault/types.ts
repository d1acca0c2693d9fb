/** The vault's public types (re-exported by index.ts); the shell and the CLI program against these. */
import type { KdfParams } from './kdf';
import type { Problem } from './problems';
import type { CopyInfo, CopyProgress, CopyResult } from './copy';
import type { CopyReader } from './copy-reader';
import type { SecurityRecord, StoredSecurityRecord } from './security-log';

export type { KdfParams, Problem };

/** A state built from events. The ledger's real one is an in-memory SQLite (`db.serialize()`). */
export interface Projection {
  /** Must refuse any seq but the next one (last applied + 1): a gap means events it never saw. */
  apply(seq: number, payload: unknown): void;
  /**
   * Optional fast path for replaying the journal: the events (consecutive seqs, already
   * authenticated and decrypted by the vault) applied as one unit. On error nothing of the batch
   * may remain applied; the vault then discards the projection anyway.
   */
  applyBatch?(events: readonly { seq: number; payload: unknown }[]): void;
  /**
   * Optional: a replay of `events` events starts (e.g. pause index upkeep) / ended. `endReplay`
   * is resumable steps (yield between expensive parts) so the event loop keeps turning.
   */
  beginReplay?(events: number): void;
  endReplay?(): Generator<void, void, void>;
  /** Seq of the last event applied; when given, a snapshot is saved only if it equals what the snapshot covers. */
  lastSeq?(): number;
  /** Rule violations in the state (verify lists them), e.g. a balance under its account's floor. */
  audit?(): { messageKey: string; params: Record<string, string | number> }[];
  serialize(): Uint8Array;
  /** A stable digest of the state (hex), used by verify to compare the snapshot path with a full rebuild. */
  digest(): string;
  /** Optional: `digest()` in resumable steps (a yield every few thousand rows), for verify of a large wallet. Same result. */
  digestSteps?(): Generator<void, string, void>;
  /** Must tolerate being called twice: the session closes projections it handed out when it locks. */
  close(): void;
}

export interface ProjectionFactory {
  empty(): Projection;
  /** Throw if the bytes are not a snapshot this version understands; the vault then replays the journal. */
  fromSnapshot(bytes: Uint8Array): Projection;
}

export type VaultProgress = { phase: 'kdf' | 'snapshot' | 'replay' | 'verify'; done: number; total: number };
export type ProgressFn = (progress: VaultProgress) => void;

/** Something the vault worked around (e.g. an unreadable snapshot) that the user may want to know. */
export type VaultWarning = Problem;

export interface VerifyReport {
  ok: boolean;
  problems: Problem[];
  /** Events walked (= head seq when the journal is intact). */
  events: number;
  /** Things that are not damage, e.g. a snapshot from an older projection schema. */
  notes: Problem[];
}

export interface Secret {
  password: string;
  keyFile?: Uint8Array;
}

export interface UnlockResult {
  session: VaultSession;
  failedAttemptsSinceLastUnlock: { count: number; times: string[] };
  /** True when recovery replaced a password + key file slot with a password-only one. */
  keyFileRemoved?: boolean;
}

export interface LockedVault {
  readonly path: string;
  readonly vaultId: string;
  status(): { hasKeyFile: boolean; failures: number; retryAt: string | null };
  unlock(secret: Secret, onProgress?: ProgressFn): Promise<UnlockResult>;
  /** Resets the password (and drops a key-file requirement); no data is lost. */
  unlockWithRecoveryKey(recoveryKey: string, newPassword: string, onProgress?: ProgressFn): Promise<UnlockResult>;
  close(): void;
}

/**
 * 'lost': the path no longer is the file this session opened (deleted, replaced, truncated);
 * 'read_only': the file or its folder cannot be written. Writes are refused in both.
 */
export type FileState = 'ok' | 'lost' | 'read_only';

export interface VaultSession {
  readonly vaultId: string;
  readonly path: string;
  fileState(): FileState;
  /** Called once, when a write or a verify finds the wallet file gone (see Session.checkFile). */
  onFileLost(listener: () => void): () => void;
  /** Writes everything this session holds to a new wallet file (same password); works after the file was lost. */
  saveCopyAs(destPath: string): { seq: number };
  head(): { seq: number; tag: string };
  append(payloads: readonly unknown[]): { seq: number }[];
  /** All or none in one durable commit, like append, with the encryption done cooperatively (big batches). */
  appendCooperatively(payloads: readonly unknown[], slice?: number): Promise<{ seq: number }[]>;
  events(fromSeq?: number): IterableIterator<{ seq: number; payload: unknown }>;
  /** The stored chain tag of event `seq` (hex; 0 is genesis), null when there is none. */
  tagAt(seq: number): string | null;
  saveSnapshot(projection: Projection, coversSeq: number): void;
  /** Cooperative (yields to the event loop between slices of events); a lock meanwhile rejects with wallet_locked. */
  loadProjection(factory: ProjectionFactory, onProgress?: ProgressFn, onWarning?: (warning: VaultWarning) => void): Promise<Projection>;
  /** Warnings from the last loadProjection. */
  warnings(): readonly VaultWarning[];
  /** With factory null, checks everything but the projection comparison. Cooperative, as loadProjection. */
  verify(factory: ProjectionFactory | null, onProgress?: ProgressFn): Promise<VerifyReport>;
  changePassword(oldPassword: string, newPassword: string, keyFile?: Uint8Array): Promise<void>;
  /** keyFile null removes the requirement; currentKeyFile is needed when one is set now. */
  setKeyFile(password: string, keyFile: Uint8Array | null, currentKeyFile?: Uint8Array): Promise<void>;
  /** A new recovery key, pending: the old one stays valid until confirmRecoveryKey gets this one typed back. */
  regenerateRecoveryKey(password: string, keyFile?: Uint8Array): Promise<string>;
  confirmRecoveryKey(typed: string): void;
  /** Backup copies (electron/backup): write one sealed copy; open a copy of this vault without a password. */
  writeBackupCopy(destPath: string, info: CopyInfo, onProgress?: CopyProgress): Promise<CopyResult>;
  openCopy(path: string, onProgress?: ProgressFn): Promise<CopyReader>;
  hasKeyFile(): boolean;
  /** The security log (security-log.ts, FORMAT.md "Security log"): encrypted rows beside the journal. */
  appendSecurityLog(records: readonly SecurityRecord[]): number[];
  securityLog(): { records: StoredSecurityRecord[]; damaged: number[] };
  /** Proves the password (+ key file) again, e.g. before unfreezing an account. */
  confirmSecret(password: string, keyFile?: Uint8Array): Promise<void>;
  lock(): void;
  readonly locked: boolean;
}

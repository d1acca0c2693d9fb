/**
 * The encrypted vault engine: one SQLite file per wallet holding keyslots, an append-only journal
 * of encrypted, chained events, and encrypted projection snapshots. See FORMAT.md beside this file.
 * Plain Node only: nothing here imports `electron`.
 */
import { sodiumReady } from './crypto';
import { calibrateKdf as calibrate, type KdfParams } from './kdf';
import { openVault as open, type OpenOptions } from './locked-vault';
import type { LockedVault } from './types';

export { createVault, type CreateOptions } from './create';
export { nextTurn, SLICE } from './cooperative';
export { decodeRecoveryKey, encodeRecoveryKey } from './recovery-key';
export { FORMAT_NAME, FORMAT_VERSION } from './constants';
export { COPY_FORMAT_VERSION, type CopyInfo, type CopyProgress, type CopyResult } from './copy';
export { inspectCopy, unlockCopy, type CopyHeader, type CopyReader, type CopySecret } from './copy-reader';
export type { OpenOptions } from './locked-vault';
export type { AuthState, BackoffStore } from './backoff';
export { acquireWriterLock, type WriterLock } from './writer-lock';
export { carrySecurityLog, type SecurityRecord, type StoredSecurityRecord } from './security-log';
export type {
  KdfParams,
  LockedVault,
  Problem,
  ProgressFn,
  Projection,
  ProjectionFactory,
  Secret,
  UnlockResult,
  VaultProgress,
  VaultSession,
  VaultWarning,
  VerifyReport,
} from './types';

/** Argon2id parameters that take about `targetMs` on this machine; never below 64 MiB. */
export async function calibrateKdf(targetMs = 1000): Promise<KdfParams> {
  return calibrate(targetMs);
}

/**
 * Opens a vault file without unlocking it. Throws not_found, not_a_wallet, format_too_new or
 * integrity. libsodium must be loaded: call `await vaultReady()` once at start-up (createVault and
 * unlock await it themselves; openVault is synchronous by contract).
 */
export function openVault(path: string, options?: OpenOptions): LockedVault {
  return open(path, options);
}

/** Loads libsodium's WASM; idempotent. */
export function vaultReady(): Promise<void> {
  return sodiumReady();
}

/**
 * Failed-unlock accounting, kept in the vault file (table auth_state) so that quitting and
 * restarting does not reset it. It slows down guessing through OneWallet itself; someone with a
 * copy of the file is slowed down by Argon2id instead (FORMAT.md says so).
 */
import { DomainError } from '../../shared/errors';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, BACKOFF_FREE_ATTEMPTS, BACKOFF_MAX_TIMES } from './constants';
import type { Db } from './schema';

export interface AuthState {
  failures: number;
  times: string[];
  nextAllowedAt: string | null;
}

export type Clock = () => number;

/**
 * The same accounting kept outside the file, keyed by vault id (the app's data folder): copies of
 * one wallet (restored backups) share one secret, so they share one backoff. The larger of the
 * file's and the store's state applies; both are updated.
 */
export interface BackoffStore {
  get(vaultId: string): AuthState | undefined;
  set(vaultId: string, state: AuthState): void;
}

export interface SharedBackoff {
  store: BackoffStore;
  vaultId: string;
}

function later(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** The file's state merged with the shared one: more failures and the later wait win. */
export function effectiveAuthState(db: Db, shared?: SharedBackoff): AuthState {
  const own = readAuthState(db);
  const other = shared?.store.get(shared.vaultId);
  if (!other) return own;
  const base = other.failures > own.failures ? other : own;
  return { failures: base.failures, times: base.times, nextAllowedAt: later(own.nextAllowedAt, other.nextAllowedAt) };
}

export function readAuthState(db: Db): AuthState {
  const row = db.prepare('SELECT failures, failure_times, next_allowed_at FROM auth_state WHERE id = 1').get() as
    | { failures: number; failure_times: string; next_allowed_at: string | null }
    | undefined;
  if (!row) return { failures: 0, times: [], nextAllowedAt: null };
  let times: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.failure_times);
    if (Array.isArray(parsed)) times = parsed.filter((t): t is string => typeof t === 'string');
  } catch {
    // Advisory data only: a garbled list must not stop anyone from unlocking.
  }
  return { failures: Math.max(0, Number(row.failures) || 0), times, nextAllowedAt: row.next_allowed_at };
}

function writeAuthState(db: Db, state: AuthState): void {
  // A read-only wallet cannot record attempts in itself; the app's shared record still does.
  if (db.readonly) return;
  db.prepare(
    `INSERT INTO auth_state (id, failures, failure_times, next_allowed_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, failure_times = excluded.failure_times,
       next_allowed_at = excluded.next_allowed_at`,
  ).run(state.failures, JSON.stringify(state.times), state.nextAllowedAt);
}

/** Wait after the n-th consecutive failure: none for the free attempts, then 2 s, 4 s, 8 s… up to 15 min. */
export function waitAfter(failures: number): number {
  if (failures < BACKOFF_FREE_ATTEMPTS) return 0;
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(30, failures - BACKOFF_FREE_ATTEMPTS));
}

/** Throws locked_out (with how long to wait) while a wait is running. */
export function assertAllowed(db: Db, now: Clock, shared?: SharedBackoff): void {
  const { nextAllowedAt } = effectiveAuthState(db, shared);
  if (!nextAllowedAt) return;
  const until = Date.parse(nextAllowedAt);
  const remaining = until - now();
  if (Number.isFinite(until) && remaining > 0) {
    throw new DomainError('locked_out', 'errors.vault.locked_out', {
      waitSeconds: Math.ceil(remaining / 1000),
      until: new Date(until).toISOString(),
    });
  }
}

/** One immediate transaction; a read-only connection (which cannot begin one) just reads. */
function atomically<T>(db: Db, fn: () => T): T {
  return db.readonly ? fn() : db.transaction(fn).immediate();
}

export function recordFailure(db: Db, now: Clock, shared?: SharedBackoff): AuthState {
  const next = atomically(db, () => {
    const state = effectiveAuthState(db, shared);
    const at = now();
    const failures = state.failures + 1;
    const wait = waitAfter(failures);
    const next: AuthState = {
      failures,
      times: [...state.times, new Date(at).toISOString()].slice(-BACKOFF_MAX_TIMES),
      nextAllowedAt: wait > 0 ? new Date(at + wait).toISOString() : null,
    };
    writeAuthState(db, next);
    return next;
  });
  shared?.store.set(shared.vaultId, next);
  return next;
}

/** After a successful unlock: returns what happened since the last one and starts over. */
export function clearFailures(db: Db, shared?: SharedBackoff): { count: number; times: string[] } {
  const cleared = atomically(db, () => {
    const state = effectiveAuthState(db, shared);
    writeAuthState(db, { failures: 0, times: [], nextAllowedAt: null });
    return { count: state.failures, times: state.times };
  });
  shared?.store.set(shared.vaultId, { failures: 0, times: [], nextAllowedAt: null });
  return cleared;
}

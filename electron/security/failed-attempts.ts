/**
 * Failed unlocks are counted in the vault's public `auth_state` while the wallet is locked (there
 * is no key to encrypt them with). At the next successful unlock they are moved into the encrypted
 * log with their own times, and the public record is cleared (vault/backoff.ts clearFailures).
 */
import { waitAfter } from '../vault/backoff';
import type { SecurityEntryInput } from './security-log';

/**
 * One `unlock_failed` per attempt; an attempt that started a wait also leaves `locked_out` (with
 * the wait). A wrong password typed while the wallet was open (unfreeze, password change) counts
 * for the backoff as well, but was already logged as `auth_failed` when it happened: times within
 * `SAME_ATTEMPT_MS` of such an entry are not logged a second time.
 */
export function failedAttemptEntries(times: readonly string[], alreadyLogged: readonly string[], failuresBefore = 0): SecurityEntryInput[] {
  const logged = alreadyLogged.map((at) => Date.parse(at));
  const entries: SecurityEntryInput[] = [];
  let attempt = failuresBefore;
  for (const at of times) {
    attempt++;
    const time = Date.parse(at);
    if (logged.some((other) => Math.abs(other - time) <= SAME_ATTEMPT_MS)) continue;
    entries.push({ kind: 'unlock_failed', at, details: { attempt } });
    const wait = waitAfter(attempt);
    if (wait > 0) entries.push({ kind: 'locked_out', at, details: { waitSeconds: Math.round(wait / 1000) } });
  }
  return entries;
}

export const SAME_ATTEMPT_MS = 2_000;

/**
 * Cooperative long work (DESIGN.md: heavy work must not freeze the main process). A long loop is
 * written ONCE as a generator of `Steps`: it does a slice of work (about `SLICE` events or one
 * `HASH_CHUNK` of a file) and then `yield`s. `runCooperative` resumes it on the next turn of the
 * event loop (setImmediate), so IPC, WebSocket messages, timers and `task/progress` events get
 * through between slices; the results and errors are exactly those of the straight loop.
 *
 * Between two slices the world may change (the wallet may be locked, its DB closed, its keys
 * wiped). Before resuming, the driver asks `stillValid()`; when it says no, the generator is
 * resumed with `Interrupted` thrown at its `yield`, so its `finally`/`catch` blocks close what it
 * opened, and the caller gets `wallet_locked` — never a loop running on a closed DB or zeroed keys
 * (which would read as "damaged" events).
 */
import { DomainError } from '../../shared/errors';

/** A resumable computation: yields (nothing) wherever it is safe to let the event loop turn. */
export type Steps<T> = Generator<void, T, void>;

/** Events per slice: ~5–20 ms of decrypt + apply on a laptop at 100k events (npm run bench). */
export const SLICE = 1_000;

/** Thrown into a generator at its `yield` when the work must stop. Not a DomainError on purpose:
 * verify's per-problem guards turn DomainErrors into report lines, and this must not become one. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `steps` to completion in one go (tools that own the whole process, e.g. a child in a test). */
export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs `steps` one slice per event-loop turn. `stillValid` is checked before every resumption. */
export async function runCooperative<T>(steps: Steps<T>, stillValid: () => boolean = () => true): Promise<T> {
  try {
    let next = steps.next();
    while (!next.done) {
      await nextTurn();
      next = stillValid() ? steps.next() : steps.throw(new Interrupted());
    }
    return next.value;
  } catch (error) {
    if (error instanceof Interrupted) throw new DomainError('wallet_locked', 'errors.vault.locked');
    throw error;
  }
}

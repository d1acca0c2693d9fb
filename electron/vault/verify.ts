/**
 * verify: checks everything the file holds and reports every problem with where and which seq,
 * instead of stopping at the first (unlock stops at the first; verify is for finding out).
 * Walks the whole chain, decrypts every event, rebuilds the projection from scratch and compares
 * it with each snapshot + replay.
 */
import { isDomainError } from '../../shared/errors';
import { SLICE, type Steps } from './cooperative';
import { checkHeadAgainstJournal, readHead, walkJournal } from './journal';
import { readSlot } from './keyslots';
import { english, fromError, problem, type Problem } from './problems';
import { replaySteps, trySnapshot, type VaultContext } from './projection-loader';
import { listSnapshots } from './snapshots';
import type { ProgressFn, Projection, ProjectionFactory, VerifyReport } from './types';

const MAX_PROBLEMS = 10_000;
const PROGRESS_EVERY = SLICE;

/** The whole check as resumable steps (see cooperative.ts): it yields after every SLICE events and between snapshots. */
/** A projection's digest, in steps where it offers them. */
function* digestOf(projection: Projection): Generator<void, string, void> {
  return projection.digestSteps ? yield* projection.digestSteps() : projection.digest();
}

export function* verifySteps(ctx: VaultContext, factory: ProjectionFactory | null, onProgress?: ProgressFn): Steps<VerifyReport> {
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  const seen = new Set<string>();
  const add = (p: Problem) => {
    const key = `${p.messageKey}|${p.seq ?? ''}|${JSON.stringify(p.params)}`;
    if (seen.has(key) || problems.length >= MAX_PROBLEMS) return;
    seen.add(key);
    problems.push(p);
  };
  const guard = (where: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (!isDomainError(error)) throw error;
      add(fromError(error, where));
    }
  };

  for (const role of ['primary', 'recovery'] as const) guard(`keyslot:${role}`, () => void readSlot(ctx.db, ctx.vaultId, role));

  let headSeq = -1;
  guard('head', () => {
    const headProblem = checkHeadAgainstJournal(ctx.db);
    if (headProblem) add(headProblem);
    headSeq = readHead(ctx.db).seq;
  });
  if (headSeq < 0) return { ok: false, problems, events: 0, notes };

  const scratch = factory?.empty() ?? null;
  let events = 0;
  let journalOk = true;
  onProgress?.({ phase: 'verify', done: 0, total: headSeq });
  try {
    const walk = walkJournal(ctx.db, ctx.vaultId, ctx.keys, {
      onProblem: (p) => {
        journalOk = false;
        add(p);
      },
    });
    for (const event of walk) {
      // Past a problem the rebuild would have a gap, which a projection refuses: compare only whole histories.
      if (journalOk && scratch) {
        try {
          scratch.apply(event.seq, event.payload);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          journalOk = false;
          add(fromError(error, 'journal'));
        }
      }
      if (++events % PROGRESS_EVERY === 0) {
        onProgress?.({ phase: 'verify', done: events, total: headSeq });
        yield;
      }
    }
    onProgress?.({ phase: 'verify', done: events, total: headSeq });
    // Every derived balance against its account's rule (a second writer once took cash to −70.00 unnoticed).
    yield;
    if (journalOk && scratch?.audit) {
      for (const broken of scratch.audit()) add({ where: 'ledger', detail: english(broken.messageKey, broken.params), ...broken });
    }

    for (const { id } of listSnapshots(ctx.db)) {
      yield;
      const outcome = trySnapshot(ctx, id, headSeq, factory);
      if (outcome.kind === 'fatal') add(outcome.problem);
      else if (outcome.kind === 'skip') {
        if (outcome.warning.messageKey.endsWith('snapshot_incompatible')) notes.push(outcome.warning);
        else add(outcome.warning);
      } else {
        // Only comparable when the journal itself is whole: otherwise the rebuild is incomplete.
        if (journalOk && scratch) {
          try {
            yield* replaySteps(ctx, outcome.projection, outcome.coversSeq + 1, headSeq);
          } catch (error) {
            // As `guard`: a DomainError is a line of the report; anything else (Interrupted) propagates.
            if (!isDomainError(error)) throw error;
            add(fromError(error, 'snapshot'));
          }
          // Each of these reads a whole projection: a turn of the event loop between them, so no
          // single piece holds the host for more than one of them (tests/engine/responsive.test.ts).
          yield;
          const snapshotDigest = yield* digestOf(outcome.projection);
          yield;
          if (snapshotDigest !== (yield* digestOf(scratch))) {
            add(problem('snapshot', 'snapshot_state_differs', { covers: outcome.coversSeq }));
          }
          yield;
          // The digest compares facts; cached figures the rules read (the running balances) are
          // checked here, or a wrong one in a snapshot would steer the funds check after every unlock.
          for (const broken of outcome.projection.audit?.() ?? []) add({ where: 'snapshot', detail: english(broken.messageKey, broken.params), ...broken });
        }
        outcome.projection.close();
      }
    }
  } finally {
    scratch?.close();
  }
  return { ok: problems.length === 0, problems, events, notes };
}

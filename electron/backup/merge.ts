/**
 * Merge restore, the effectful part: read the backup's and the wallet's events, plan (pure, in
 * merge-plan.ts), then append the chosen events verbatim — same eventId, backup order — through
 * a sink, so the ledger projection applies them exactly as if they had been recorded here.
 */
import { DomainError } from '../../shared/errors';
import { nextTurn, SLICE, type CopyReader, type Projection, type ProjectionFactory, type VaultSession } from '../vault';
import { LedgerProjection } from '../ledger';
import { changesOver, walletChangesSince, type WalletChanges } from './merge-differences';
import { walletFacts } from './merge-facts';
import { planMerge, planMergeAgainst, selectEvents, type MergePlan } from './merge-plan';
import { openBackup, type BackupKey } from './open';
import type { ProgressReporter } from './progress';

/** Where recovered events go; the app's implementation makes them durable and applies them. */
export interface MergeSink {
  append(payloads: unknown[]): void;
}

export interface MergeResult {
  appended: number;
  transactions: number;
  accounts: number;
}

/**
 * Every payload of an event walk, letting the event loop turn after every SLICE events (each one
 * is authenticated and decrypted as it is read). A session's walk re-checks the lock before every
 * step, so locking meanwhile ends it with wallet_locked.
 */
export async function collectPayloads(events: Iterable<{ payload: unknown }>, onProgress?: (done: number) => void): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const { payload } of events) {
    out.push(payload);
    if (out.length % SLICE === 0) {
      onProgress?.(out.length);
      await nextTurn();
    }
  }
  onProgress?.(out.length);
  return out;
}

/** Reads a backup's events (authenticating every one of them). */
export async function readBackupEvents(path: string, key: BackupKey, onProgress?: ProgressReporter): Promise<unknown[]> {
  const reader = await openBackup(path, key, onProgress);
  try {
    const total = reader.head().seq;
    return await collectPayloads(reader.events(), (done) => onProgress?.('read', done, total));
  } finally {
    reader.close();
  }
}

/** A journal whose stored chain tags can be read by seq: the open wallet, a backup copy. */
interface TaggedJournal {
  head(): { seq: number };
  tagAt(seq: number): string | null;
}

/**
 * How many leading events two journals share: the last seq at which both store the same chain
 * tag. A tag chains every event before it, so equal tags at seq n mean equal histories up to n
 * and a binary search finds where they part. 0 when they share nothing (or are not one wallet's).
 */
export function sharedHistory(a: TaggedJournal, b: TaggedJournal): number {
  let low = 0;
  let high = Math.min(a.head().seq, b.head().seq);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const tag = a.tagAt(mid);
    if (tag !== null && tag === b.tagAt(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Both event lists for a preview, decrypting the history they share once: the wallet's events
 * in full (its walk authenticates them), the backup's only after the shared prefix (its stored
 * tag there is covered by the backup's MAC, and its walk chains from it), the prefix taken from
 * the wallet's copy.
 */
async function readBoth(reader: CopyReader, session: VaultSession, shared: number, onProgress?: ProgressReporter): Promise<{ backup: unknown[]; wallet: unknown[] }> {
  const total = reader.head().seq;
  const wallet = await collectPayloads(session.events(), (done) => onProgress?.('read', Math.min(done, shared), total));
  const tail = await collectPayloads(reader.events(shared + 1), (done) => onProgress?.('read', shared + done, total));
  return { backup: wallet.slice(0, shared).concat(tail), wallet };
}

/**
 * What the backup has that the wallet lacks and what the wallet changed since. With the open
 * wallet's projection (at the head of its journal) and a history both share, only the two tails
 * after it are decrypted and the shared history is asked of the projection (merge-facts.ts):
 * at 100k events that is the difference between reading a few thousand events and all of them.
 * Otherwise (no projection, nothing shared, a rate only the events can tell about) both journals
 * are read as before; the results are the same either way (tests/backup/merge-facts.test.ts).
 */
async function planBoth(
  path: string,
  session: VaultSession,
  key: BackupKey,
  projection: Projection | undefined,
  onProgress?: ProgressReporter,
): Promise<{ plan: () => MergePlan; changes: WalletChanges }> {
  const reader = await openBackup(path, { session, ...key }, onProgress);
  try {
    const shared = sharedHistory(reader, session);
    const ledger = projection instanceof LedgerProjection && projection.lastSeq() === session.head().seq ? projection : null;
    if (shared > 0 && ledger) {
      const total = reader.head().seq;
      const walletTail = await collectPayloads(session.events(shared + 1));
      const backupTail = await collectPayloads(reader.events(shared + 1), (done) => onProgress?.('read', shared + done, total));
      onProgress?.('read', total, total);
      const facts = walletFacts(ledger, walletTail, backupTail);
      if (facts) return { plan: () => planMergeAgainst(backupTail, facts.knowledge), changes: changesOver(facts.shared, backupTail, walletTail) };
    }
    const { backup, wallet } = await readBoth(reader, session, shared, onProgress);
    return { plan: () => planMerge(backup, wallet), changes: walletChangesSince(backup, wallet, shared) };
  } finally {
    reader.close();
  }
}

/**
 * The preview: what the backup has that the open wallet lacks, and what the wallet changed since.
 * Nothing is written. `projection`: the open wallet's, so the history both share need not be
 * decrypted (planBoth).
 */
export async function previewMerge(
  path: string,
  session: VaultSession,
  key: BackupKey = {},
  onProgress?: ProgressReporter,
  projection?: Projection,
): Promise<MergePlan & { changes: WalletChanges }> {
  const { plan, changes } = await planBoth(path, session, key, projection, onProgress);
  return Object.assign(plan(), { changes });
}

/** Before a full restore: what the wallet recorded or changed after the backup, i.e. what replacing it loses. */
export async function previewReplace(path: string, session: VaultSession, onProgress?: ProgressReporter, projection?: Projection): Promise<WalletChanges> {
  return (await planBoth(path, session, {}, projection, onProgress)).changes;
}

/** Appends the picked items' events (all when omitted). Running it again with a fresh plan appends nothing. */
export function applyMerge(plan: MergePlan, sink: MergeSink, picked?: readonly string[], onProgress?: ProgressReporter): MergeResult {
  const events = selectEvents(plan, picked);
  if (picked && picked.length > 0 && events.length === 0) throw new DomainError('invalid_input', 'errors.backup.unknown_events');
  onProgress?.('merge', 0, events.length);
  if (events.length > 0) sink.append(events);
  onProgress?.('merge', events.length, events.length);
  const accounts = events.filter((event) => event.type === 'AccountOpened').length;
  const transactions = events.filter((event) => event.type === 'TransactionRecorded' || event.type === 'TransferRecorded').length;
  return { appended: events.length, transactions, accounts };
}

/**
 * A sink over the vault session and the open projection. The events are first applied to a
 * scratch copy of the projection: if the ledger would refuse any of them, nothing is written, so
 * a merge can never leave the journal and the projection disagreeing.
 */
export function journalSink(session: VaultSession, projection: Projection, factory: ProjectionFactory): MergeSink {
  return {
    append(payloads) {
      const scratch = factory.fromSnapshot(projection.serialize());
      try {
        const head = session.head().seq;
        payloads.forEach((payload, index) => scratch.apply(head + index + 1, payload));
      } finally {
        scratch.close();
      }
      const seqs = session.append(payloads);
      payloads.forEach((payload, index) => projection.apply(seqs[index]!.seq, payload));
    },
  };
}

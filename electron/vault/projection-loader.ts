/**
 * Building a projection: start from the newest snapshot that authenticates and agrees with the
 * journal, then replay the later events. The journal is the truth; a snapshot is only a cache, so
 * one that fails is skipped (with a warning) — unless it proves the journal lost events.
 */
import { blob } from './bytes';
import { TAG_BYTES } from './constants';
import { SLICE, type Steps } from './cooperative';
import { equal, type Subkeys } from './crypto';
import { checkHeadAgainstJournal, GENESIS_TAG, readHead, walkJournal } from './journal';
import { problem, toError, type Problem } from './problems';
import type { Db } from './schema';
import { decompressSnapshot, decompressSnapshotAsync, listSnapshots, openSnapshot, readSnapshot, snapshotAd, type SnapshotRow } from './snapshots';
import { openSnapshotInWorker } from './snapshot-worker';
import type { ProgressFn, Projection, ProjectionFactory } from './types';

export interface VaultContext {
  db: Db;
  vaultId: Uint8Array;
  keys: Subkeys;
}

const PROGRESS_EVERY = SLICE;

export function storedTag(db: Db, seq: number): Uint8Array | null {
  if (seq === 0) return GENESIS_TAG;
  const row = db.prepare('SELECT tag FROM journal WHERE seq = ?').get(seq) as { tag: unknown } | undefined;
  return blob(row?.tag, TAG_BYTES);
}

export type SnapshotOutcome =
  | { kind: 'ok'; coversSeq: number; projection: Projection }
  | { kind: 'skip'; warning: Problem }
  | { kind: 'fatal'; problem: Problem };

/** A snapshot decrypted and decompressed ahead of the (synchronous) load steps. */
export interface OpenedSnapshot {
  id: number;
  row: SnapshotRow;
  plaintext: Uint8Array;
  bytes: Uint8Array | null;
}

/**
 * The newest snapshot, decrypted and decompressed in a worker (snapshot-worker.ts) while the
 * event loop keeps turning: after the KDF these are the longest steps of an unlock (a 100k
 * wallet's projection is ~90 MiB). Only reading the sealed row stays on this thread. When no
 * worker can run, decrypted here and decompressed on zlib's thread pool, as before. null when
 * there is none or it does not authenticate: trySnapshot then reports why, as before.
 * The caller zeroes both buffers when done (trySnapshot does too once it has used them).
 */
export async function openNewestSnapshot(ctx: VaultContext): Promise<OpenedSnapshot | null> {
  const newest = listSnapshots(ctx.db)[0];
  const row = newest ? readSnapshot(ctx.db, newest.id) : null;
  if (!newest || !row) return null;
  if (row.coversTag && row.nonce && row.ciphertext && Number.isSafeInteger(row.coversSeq) && row.coversSeq >= 0) {
    const sealed = { nonce: row.nonce, ad: snapshotAd(ctx.vaultId, row.coversSeq, row.coversTag), ciphertext: row.ciphertext };
    const opened = await openSnapshotInWorker(ctx.keys.snapshot, sealed).catch(() => undefined);
    // The ciphertext may have been handed to the worker: the row keeps only what trySnapshot reads.
    const header: SnapshotRow = { ...row, ciphertext: null };
    if (opened && !opened.authentic) return null;
    // Its plaintext never came back (only the projection's bytes did): an empty stand-in to zero.
    if (opened) return { id: newest.id, row: header, plaintext: new Uint8Array(0), bytes: opened.bytes };
  }
  const again = readSnapshot(ctx.db, newest.id);
  const plaintext = again ? openSnapshot(ctx.vaultId, ctx.keys.snapshot, again) : null;
  if (!again || !plaintext) return null;
  return { id: newest.id, row: again, plaintext, bytes: await decompressSnapshotAsync(plaintext) };
}

/**
 * Tries one snapshot: authenticates it, checks it against the journal and hands it to the factory.
 * `opened`, when it is this snapshot, saves decrypting and decompressing it again.
 */
export function trySnapshot(ctx: VaultContext, id: number, headSeq: number, factory: ProjectionFactory | null, opened?: OpenedSnapshot | null): SnapshotOutcome {
  const ready = opened?.id === id ? opened : null;
  const row = ready?.row ?? readSnapshot(ctx.db, id);
  const covers = row?.coversSeq ?? -1;
  const plaintext = ready?.plaintext ?? (row ? openSnapshot(ctx.vaultId, ctx.keys.snapshot, row) : null);
  let bytes: Uint8Array | null = null;
  if (!row || !plaintext) return { kind: 'skip', warning: problem('snapshot', 'snapshot_unreadable', { covers }) };
  try {
    // Authentic, so its (seq, tag) really was a point of this vault's history.
    if (covers > headSeq) return { kind: 'fatal', problem: problem('snapshot', 'snapshot_ahead', { covers, head: headSeq }) };
    const tag = storedTag(ctx.db, covers);
    if (!tag || !row.coversTag || !equal(tag, row.coversTag)) {
      return { kind: 'fatal', problem: problem('journal', 'snapshot_disagrees', {}, covers) };
    }
    if (!factory) return { kind: 'skip', warning: problem('snapshot', 'snapshot_incompatible', { covers }) };
    let projection: Projection;
    // Authentic but not decodable here (a codec this build lacks): a cache we cannot use, so replay.
    bytes = ready ? ready.bytes : decompressSnapshot(plaintext);
    try {
      if (!bytes) throw new Error('snapshot codec unavailable');
      projection = factory.fromSnapshot(bytes);
    } catch {
      return { kind: 'skip', warning: problem('snapshot', 'snapshot_incompatible', { covers }) };
    }
    // A state that says it holds another number of events than the snapshot covers is not the
    // journal's state at `covers`: never take it for the truth, replay instead.
    const applied = projection.lastSeq?.();
    if (applied !== undefined && applied !== covers) {
      projection.close();
      return { kind: 'skip', warning: problem('snapshot', 'snapshot_stale', { covers, applied }) };
    }
    return { kind: 'ok', coversSeq: covers, projection };
  } finally {
    plaintext.fill(0);
    if (bytes && bytes !== plaintext) bytes.fill(0);
  }
}

/**
 * Applies events fromSeq..head to `projection`, yielding after every SLICE events (cooperative.ts);
 * integrity problems — and an interruption — throw (the projection is closed first).
 */
export function* replaySteps(ctx: VaultContext, projection: Projection, fromSeq: number, headSeq: number, onProgress?: ProgressFn): Steps<void> {
  const total = Math.max(0, headSeq - fromSeq + 1);
  let done = 0;
  onProgress?.({ phase: 'replay', done, total });
  // A projection that can take a slice at once gets one (one SQLite transaction, not one per event).
  const applySlice = projection.applyBatch
    ? (slice: { seq: number; payload: unknown }[]) => projection.applyBatch!(slice)
    : (slice: { seq: number; payload: unknown }[]) => slice.forEach((event) => projection.apply(event.seq, event.payload));
  try {
    if (total > 0) projection.beginReplay?.(total);
    let slice: { seq: number; payload: unknown }[] = [];
    for (const event of walkJournal(ctx.db, ctx.vaultId, ctx.keys, { fromSeq })) {
      slice.push(event);
      if (slice.length === PROGRESS_EVERY) {
        applySlice(slice);
        done += slice.length;
        slice = [];
        onProgress?.({ phase: 'replay', done, total });
        yield;
      }
    }
    if (slice.length > 0) applySlice(slice);
    done += slice.length;
    if (total > 0 && projection.endReplay) yield* projection.endReplay();
  } catch (error) {
    projection.close();
    throw error;
  }
  onProgress?.({ phase: 'replay', done, total });
}

export function* loadProjectionSteps(
  ctx: VaultContext,
  factory: ProjectionFactory,
  onProgress?: ProgressFn,
  onWarning?: (w: Problem) => void,
  opened?: OpenedSnapshot | null,
): Steps<Projection> {
  const headProblem = checkHeadAgainstJournal(ctx.db);
  if (headProblem) throw toError(headProblem);
  const head = readHead(ctx.db);
  const snapshots = listSnapshots(ctx.db);
  onProgress?.({ phase: 'snapshot', done: 0, total: 1 });
  let start: { coversSeq: number; projection: Projection } | null = null;
  for (const { id } of snapshots) {
    const outcome = trySnapshot(ctx, id, head.seq, factory, opened);
    if (outcome.kind === 'fatal') throw toError(outcome.problem);
    // Each snapshot tried is one decrypt + deserialize: let the event loop turn after it.
    if (outcome.kind === 'skip') yield;
    if (outcome.kind === 'skip') {
      onWarning?.(outcome.warning);
      continue;
    }
    start = outcome;
    break;
  }
  onProgress?.({ phase: 'snapshot', done: 1, total: 1 });
  const projection = start?.projection ?? factory.empty();
  yield* replaySteps(ctx, projection, (start?.coversSeq ?? 0) + 1, head.seq, onProgress);
  return projection;
}

/**
 * The append-only journal: one encrypted row per event, chained by keyed BLAKE2b tags, with the
 * head (seq, tag) updated in the same transaction. Reading re-computes the chain and decrypts every
 * row; any mismatch is an integrity problem at that seq, never a silently skipped event.
 */
import { DomainError } from '../../shared/errors';
import { blob, utf8 } from './bytes';
import { JOURNAL_PAGE, MAC_BYTES, NONCE_BYTES, TAG_BYTES } from './constants';
import { chainTag, equal, eventAd, newNonce, rowOpener, seal, type Subkeys } from './crypto';
import { problem, toError, type Problem } from './problems';
import type { Db } from './schema';

export interface Head {
  seq: number;
  tag: Uint8Array;
}

/** The chain starts from 32 zero bytes at seq 0. */
export const GENESIS_TAG = new Uint8Array(TAG_BYTES);

// The event's AD and chain tag are computed beside the opener that checks them (crypto.ts).
export { chainTag, eventAd };

export function readHead(db: Db): Head {
  const row = db.prepare('SELECT seq, tag FROM head WHERE id = 1').get() as { seq: unknown; tag: unknown } | undefined;
  const tag = blob(row?.tag, TAG_BYTES);
  if (!row || !tag || typeof row.seq !== 'number' || !Number.isSafeInteger(row.seq) || row.seq < 0) {
    throw toError(problem('head', 'head_damaged'));
  }
  return { seq: row.seq, tag: new Uint8Array(tag) };
}

/** Cheap structural check done on every unlock: the last row is the head, and nothing lies beyond it. */
export function checkHeadAgainstJournal(db: Db): Problem | null {
  const head = readHead(db);
  const row = db.prepare('SELECT max(seq) AS last FROM journal').get() as { last: number | null };
  const last = row.last ?? 0;
  if (last > head.seq) return problem('head', 'rows_past_head', { head: head.seq, last });
  if (last < head.seq) return problem('head', 'journal_truncated', { head: head.seq, last });
  if (head.seq === 0) return equal(head.tag, GENESIS_TAG) ? null : problem('head', 'head_mismatch', {}, 0);
  const tagRow = db.prepare('SELECT tag FROM journal WHERE seq = ?').get(head.seq) as { tag: unknown };
  const tag = blob(tagRow.tag, TAG_BYTES);
  return tag && equal(tag, head.tag) ? null : problem('head', 'head_mismatch', {}, head.seq);
}

export function serializePayload(payload: unknown): Uint8Array {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    throw new DomainError('invalid_input', 'errors.vault.payload_not_json', { detail: 'payload is not JSON-serializable' });
  }
  return utf8(json);
}

/** Appends in ONE immediate transaction; returns after the commit is durable (WAL + synchronous=FULL). */
export function appendEvents(db: Db, vaultId: Uint8Array, keys: Subkeys, payloads: readonly unknown[]): { seq: number; tag: Uint8Array }[] {
  const plaintexts = payloads.map(serializePayload);
  const insert = db.prepare('INSERT INTO journal (seq, nonce, ciphertext, tag) VALUES (?, ?, ?, ?)');
  const setHead = db.prepare('UPDATE head SET seq = ?, tag = ? WHERE id = 1');
  return db.transaction(() => {
    // Read the head inside the write transaction: another connection may have appended meanwhile.
    let { seq, tag } = readHead(db);
    const out: { seq: number; tag: Uint8Array }[] = [];
    for (const plaintext of plaintexts) {
      seq += 1;
      const nonce = newNonce();
      const ciphertext = seal(keys.journal, nonce, eventAd(vaultId, seq, tag), plaintext);
      plaintext.fill(0);
      tag = chainTag(keys.chain, tag, seq, nonce, ciphertext);
      insert.run(seq, nonce, ciphertext, tag);
      out.push({ seq, tag });
    }
    if (out.length > 0) setHead.run(seq, tag);
    return out;
  }).immediate();
}

/** Events sealed ahead of their commit (prepareEvents), chained from `from`. */
export interface SealedEvents {
  from: Head;
  rows: { seq: number; nonce: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array }[];
}

/**
 * Seals `payloads` as the events after `from`, yielding every `slice` payloads (cooperative.ts), so
 * a big batch is serialized and encrypted without blocking the event loop. Nothing is written:
 * `commitSealed` writes them all in one transaction.
 */
export function* prepareEvents(vaultId: Uint8Array, keys: Subkeys, from: Head, payloads: readonly unknown[], slice: number): Generator<void, SealedEvents, void> {
  const rows: SealedEvents['rows'] = [];
  let { seq, tag } = from;
  for (let i = 0; i < payloads.length; i++) {
    if (i > 0 && i % slice === 0) yield;
    const plaintext = serializePayload(payloads[i]);
    seq += 1;
    const nonce = newNonce();
    const ciphertext = seal(keys.journal, nonce, eventAd(vaultId, seq, tag), plaintext);
    plaintext.fill(0);
    tag = chainTag(keys.chain, tag, seq, nonce, ciphertext);
    rows.push({ seq, nonce, ciphertext, tag });
  }
  return { from: { seq: from.seq, tag: new Uint8Array(from.tag) }, rows };
}

/**
 * `commitSealed` for a big batch on a WAL connection, minus the two slow parts the caller then does
 * off the event loop: the commit is made with synchronous=NORMAL and without the automatic
 * checkpoint (a 100k-row import is ~40 MB of WAL: its fsync and the checkpoint's copy + fsync held
 * the loop ~0.4 s at load), and `walPath` is returned for the caller to fsync before it reports
 * the batch written (then it is as durable as a synchronous=FULL commit; until then a power loss
 * can only roll the whole transaction back — WAL frames are checksummed — never keep part of it).
 * Null `walPath`: not a WAL connection, committed as `commitSealed` does.
 */
export function commitSealedSyncLater(db: Db, sealed: SealedEvents): { appended: { seq: number }[] | null; walPath: string | null } {
  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return { appended: commitSealed(db, sealed), walPath: null };
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  const autoCheckpoint = Number(db.pragma('wal_autocheckpoint', { simple: true }));
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  try {
    return { appended: commitSealed(db, sealed), walPath: `${db.name}-wal` };
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
}

/**
 * Writes sealed events in ONE immediate transaction (one durable commit), if the head is still
 * the one they were chained from; otherwise nothing is written and the caller seals again.
 */
export function commitSealed(db: Db, sealed: SealedEvents): { seq: number }[] | null {
  const insert = db.prepare('INSERT INTO journal (seq, nonce, ciphertext, tag) VALUES (?, ?, ?, ?)');
  const setHead = db.prepare('UPDATE head SET seq = ?, tag = ? WHERE id = 1');
  return db.transaction(() => {
    const head = readHead(db);
    if (head.seq !== sealed.from.seq || !equal(head.tag, sealed.from.tag)) return null;
    for (const row of sealed.rows) insert.run(row.seq, row.nonce, row.ciphertext, row.tag);
    const last = sealed.rows.at(-1);
    if (last) setHead.run(last.seq, last.tag);
    return sealed.rows.map(({ seq }) => ({ seq }));
  }).immediate();
}

export interface WalkOptions {
  fromSeq?: number;
  /** With a sink, problems are reported and the walk goes on (verify); without, the first one throws (unlock). */
  onProblem?: (p: Problem) => void;
}

/** A row whose three columns have the shapes FORMAT.md gives them (anything else is `event_malformed`). */
const WELL_FORMED = `typeof(nonce) = 'blob' AND length(nonce) = ${NONCE_BYTES} AND typeof(tag) = 'blob' AND length(tag) = ${TAG_BYTES}
  AND typeof(ciphertext) = 'blob' AND length(ciphertext) >= ${MAC_BYTES}`;
/**
 * One page of rows. A well-formed row comes back as ONE blob, nonce ‖ ciphertext ‖ tag (SQLite's
 * `||` copies blob bytes as they are in a UTF-8 database), because each blob better-sqlite3 hands
 * back is a Buffer of its own — three per event was a fifth of a walk. Any other row comes back
 * column by column, exactly as stored, for the checks below to name what is wrong with it.
 */
const PAGE_PACKED = `SELECT seq,
  CASE WHEN ${WELL_FORMED} THEN CAST(nonce || ciphertext || tag AS BLOB) END AS packed,
  CASE WHEN ${WELL_FORMED} THEN NULL ELSE nonce END AS nonce,
  CASE WHEN ${WELL_FORMED} THEN NULL ELSE ciphertext END AS ciphertext,
  CASE WHEN ${WELL_FORMED} THEN NULL ELSE tag END AS tag
FROM journal WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`;
/** The same page column by column (a database whose text encoding is not UTF-8, which we never write). */
const PAGE_COLUMNS = 'SELECT seq, NULL AS packed, nonce, ciphertext, tag FROM journal WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?';

type PageRow = { seq: number; packed: unknown; nonce: unknown; ciphertext: unknown; tag: unknown };
type PageItem = { seq: number; payload: unknown } | { problem: Problem };

function view(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start);
}

/**
 * Walks events fromSeq..head, checking seq continuity, chain tags and AEAD, and yields decrypted
 * payloads. Reads in pages with no statement left open, so callers may write between items. Each
 * page is checked and opened in one go (rowOpener: the keys sit in libsodium's heap only while a
 * page is worked on), then its events and problems are handed out in seq order as before.
 */
export function* walkJournal(db: Db, vaultId: Uint8Array, keys: Subkeys, options: WalkOptions = {}): Generator<{ seq: number; payload: unknown }> {
  const report = (p: Problem) => {
    if (!options.onProblem) throw toError(p);
    options.onProblem(p);
  };
  const head = readHead(db);
  const fromSeq = options.fromSeq ?? 1;
  if (!Number.isSafeInteger(fromSeq) || fromSeq < 1 || fromSeq > head.seq + 1) {
    throw new DomainError('invalid_input', 'errors.vault.bad_seq', { detail: `fromSeq ${fromSeq}` });
  }
  let prevTag: Uint8Array = GENESIS_TAG;
  if (fromSeq > 1) {
    const row = db.prepare('SELECT tag FROM journal WHERE seq = ?').get(fromSeq - 1) as { tag: unknown } | undefined;
    const tag = blob(row?.tag, TAG_BYTES);
    if (!tag) report(problem('journal', 'event_missing', {}, fromSeq - 1));
    prevTag = tag ?? GENESIS_TAG;
  }
  const utf8Db = db.pragma('encoding', { simple: true }) === 'UTF-8';
  const page = db.prepare(utf8Db ? PAGE_PACKED : PAGE_COLUMNS);
  let expected = fromSeq;
  let lastSeen = fromSeq - 1;
  let altPrev: Uint8Array | null = null;
  let afterGap = false;

  const openPage = (rows: readonly PageRow[]): PageItem[] => {
    const items: PageItem[] = [];
    const opener = rowOpener(keys, vaultId);
    try {
      for (const row of rows) {
        if (row.seq !== expected) {
          items.push({ problem: problem('journal', row.seq - expected === 1 ? 'event_missing' : 'events_missing', { to: row.seq - 1 }, expected) });
          expected = row.seq;
          afterGap = true;
        }
        const seq = row.seq;
        expected = seq + 1;
        lastSeen = seq;
        let tag: Uint8Array | null;
        if (row.packed instanceof Uint8Array) {
          // Well-formed by the page query's own test: nonce ‖ ciphertext ‖ tag.
          tag = view(row.packed, row.packed.length - TAG_BYTES, row.packed.length);
          opener.loadPacked(seq, row.packed);
        } else {
          const nonce = blob(row.nonce, NONCE_BYTES);
          const ciphertext = blob(row.ciphertext);
          tag = blob(row.tag, TAG_BYTES);
          if (!nonce || !ciphertext || ciphertext.length < MAC_BYTES || !tag) {
            items.push({ problem: problem('journal', 'event_malformed', {}, seq) });
            prevTag = tag ?? prevTag;
            continue;
          }
          opener.load(seq, nonce, ciphertext);
        }
        let chainOk = opener.chainMatches(prevTag, tag);
        const computed = chainOk ? null : opener.lastTag();
        // After a broken row, the next row may chain from the stored tag (the row's data was hit) or
        // from the recomputed one (the stored tag was hit): accept either so one flip is one problem.
        if (!chainOk && altPrev && opener.chainMatches(altPrev, tag)) [chainOk, prevTag] = [true, altPrev];
        const text = chainOk ? opener.openText(prevTag) : null;
        altPrev = chainOk ? null : computed;
        prevTag = tag;
        const gapBefore = afterGap;
        afterGap = false;
        if (!chainOk) {
          // The row right after a gap cannot chain (its predecessor is gone); the gap is the problem.
          if (!gapBefore) items.push({ problem: problem('journal', 'chain_broken', {}, seq) });
          continue;
        }
        let payload: unknown;
        try {
          if (text === null) throw new Error('undecryptable');
          payload = JSON.parse(text);
        } catch {
          items.push({ problem: problem('journal', 'event_undecryptable', {}, seq) });
          continue;
        }
        items.push({ seq, payload });
      }
    } finally {
      opener.dispose();
    }
    return items;
  };

  while (expected <= head.seq) {
    const rows = page.all(expected, head.seq, JOURNAL_PAGE) as PageRow[];
    if (rows.length === 0) break;
    for (const item of openPage(rows)) {
      if ('problem' in item) report(item.problem);
      else yield item;
    }
  }
  if (lastSeen < head.seq) {
    report(problem('head', 'journal_truncated', { head: head.seq, last: lastSeen }));
  } else if (!equal(prevTag, head.tag) && !(altPrev && equal(altPrev, head.tag))) {
    report(problem('head', 'head_mismatch', {}, head.seq));
  }
}

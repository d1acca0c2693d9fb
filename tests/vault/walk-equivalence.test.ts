/**
 * The journal walk reads each well-formed row as one packed blob and checks it inside libsodium's
 * heap (journal.ts, crypto.ts rowOpener). What it reports must be exactly what the plain walk
 * reported: the same events, the same problems in the same order, the same first error. The plain
 * walk is kept here verbatim as the reference, and both run over a journal damaged in every way
 * the format knows (flipped bytes in any column, two flips in a row, wrong types and lengths,
 * missing and swapped rows, a wrong head, authentic events that are not UTF-8 or not JSON, an
 * event larger than the opener's first scratch space), from the start and from later seqs, in a
 * UTF-8 database and in a UTF-16 one (which the walk reads column by column).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { blob } from '../../electron/vault/bytes';
import { MAC_BYTES, NONCE_BYTES, TAG_BYTES } from '../../electron/vault/constants';
import { deriveSubkeys, equal, newNonce, open, rowOpener, seal, sodiumReady, type Subkeys } from '../../electron/vault/crypto';
import { appendEvents, chainTag, eventAd, GENESIS_TAG, readHead, walkJournal, type WalkOptions } from '../../electron/vault/journal';
import { problem, toError, type Problem } from '../../electron/vault/problems';
import { seededRandom, testSeed } from './support/rng';

type Db = Database.Database;
type Event = { seq: number; payload: unknown };

/** The walk as it was before rows were packed (83f3b24), with its page size. */
function* referenceWalk(db: Db, vaultId: Uint8Array, keys: Subkeys, options: WalkOptions = {}): Generator<Event> {
  const report = (p: Problem) => {
    if (!options.onProblem) throw toError(p);
    options.onProblem(p);
  };
  const head = readHead(db);
  const fromSeq = options.fromSeq ?? 1;
  let prevTag: Uint8Array = GENESIS_TAG;
  if (fromSeq > 1) {
    const row = db.prepare('SELECT tag FROM journal WHERE seq = ?').get(fromSeq - 1) as { tag: unknown } | undefined;
    const tag = blob(row?.tag, TAG_BYTES);
    if (!tag) report(problem('journal', 'event_missing', {}, fromSeq - 1));
    prevTag = tag ?? GENESIS_TAG;
  }
  const page = db.prepare('SELECT seq, nonce, ciphertext, tag FROM journal WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let expected = fromSeq;
  let lastSeen = fromSeq - 1;
  let altPrev: Uint8Array | null = null;
  let afterGap = false;
  while (expected <= head.seq) {
    const rows = page.all(expected, head.seq, 1000) as { seq: number; nonce: unknown; ciphertext: unknown; tag: unknown }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expected) {
        report(problem('journal', row.seq - expected === 1 ? 'event_missing' : 'events_missing', { to: row.seq - 1 }, expected));
        expected = row.seq;
        afterGap = true;
      }
      const seq = row.seq;
      expected = seq + 1;
      lastSeen = seq;
      const nonce = blob(row.nonce, NONCE_BYTES);
      const ciphertext = blob(row.ciphertext);
      const tag = blob(row.tag, TAG_BYTES);
      if (!nonce || !ciphertext || ciphertext.length < MAC_BYTES || !tag) {
        report(problem('journal', 'event_malformed', {}, seq));
        prevTag = tag ?? prevTag;
        continue;
      }
      let computed = chainTag(keys.chain, prevTag, seq, nonce, ciphertext);
      let chainOk = equal(computed, tag);
      if (!chainOk && altPrev) {
        const alt = chainTag(keys.chain, altPrev, seq, nonce, ciphertext);
        if (equal(alt, tag)) [chainOk, prevTag, computed] = [true, altPrev, alt];
      }
      const plaintext = chainOk ? open(keys.journal, nonce, eventAd(vaultId, seq, prevTag), ciphertext) : null;
      altPrev = chainOk ? null : computed;
      prevTag = new Uint8Array(tag);
      const gapBefore = afterGap;
      afterGap = false;
      if (!chainOk) {
        if (!gapBefore) report(problem('journal', 'chain_broken', {}, seq));
        continue;
      }
      if (!plaintext) {
        report(problem('journal', 'event_undecryptable', {}, seq));
        continue;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(decoder.decode(plaintext));
      } catch {
        report(problem('journal', 'event_undecryptable', {}, seq));
        continue;
      } finally {
        plaintext.fill(0);
      }
      yield { seq, payload };
    }
  }
  if (lastSeen < head.seq) {
    report(problem('head', 'journal_truncated', { head: head.seq, last: lastSeen }));
  } else if (!equal(prevTag, head.tag) && !(altPrev && equal(altPrev, head.tag))) {
    report(problem('head', 'head_mismatch', {}, head.seq));
  }
}

type Walk = typeof referenceWalk;

/** Everything a walk says: with a problem sink (verify), and without one (unlock: the first problem throws). */
function outcome(walk: Walk, db: Db, vaultId: Uint8Array, keys: Subkeys, fromSeq: number) {
  const problems: Problem[] = [];
  const events = [...walk(db, vaultId, keys, { fromSeq, onProblem: (p) => problems.push(p) })];
  const before: number[] = [];
  let thrown: unknown = null;
  try {
    for (const event of walk(db, vaultId, keys, { fromSeq })) before.push(event.seq);
  } catch (error) {
    thrown = error;
  }
  return { events, problems, before, thrown: thrown && { message: (thrown as Error).message, params: (thrown as { params?: unknown }).params } };
}

const EVENTS = 60;
let keys: Subkeys;
const vaultId = new Uint8Array(randomBytes(16));

function createJournal(encoding: 'UTF-8' | 'UTF-16le'): Db {
  const db = new Database(':memory:');
  db.pragma(`encoding = '${encoding}'`);
  db.exec(`CREATE TABLE journal (seq INTEGER PRIMARY KEY, nonce BLOB NOT NULL, ciphertext BLOB NOT NULL, tag BLOB NOT NULL);
    CREATE TABLE head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, tag BLOB NOT NULL);`);
  db.prepare('INSERT INTO head (id, seq, tag) VALUES (1, 0, ?)').run(GENESIS_TAG);
  return db;
}

/** An authentic event whose plaintext is whatever bytes we say (not what appendEvents would write). */
function appendRaw(db: Db, plaintext: Uint8Array): void {
  const head = readHead(db);
  const seq = head.seq + 1;
  const nonce = newNonce();
  const ciphertext = seal(keys.journal, nonce, eventAd(vaultId, seq, head.tag), plaintext);
  const tag = chainTag(keys.chain, head.tag, seq, nonce, ciphertext);
  db.prepare('INSERT INTO journal (seq, nonce, ciphertext, tag) VALUES (?, ?, ?, ?)').run(seq, nonce, ciphertext, tag);
  db.prepare('UPDATE head SET seq = ?, tag = ? WHERE id = 1').run(seq, tag);
}

function pristine(encoding: 'UTF-8' | 'UTF-16le'): Db {
  const db = createJournal(encoding);
  for (let i = 1; i <= EVENTS; i += 1) {
    if (i === 17) appendRaw(db, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])); // authentic, not UTF-8
    else if (i === 23) appendRaw(db, new TextEncoder().encode('{"kind": "payee", ')); // authentic, not JSON
    else if (i === 31) appendEvents(db, vaultId, keys, [{ kind: 'note', text: '一钱包 '.repeat(3000) }]); // ~15 KiB: past the first scratch space
    else appendEvents(db, vaultId, keys, [{ kind: 'payee', i, name: `商户 ${i}`, amount: i * 101 }]);
  }
  return db;
}

type Damage = { name: string; apply: (db: Db) => void };

function flipByte(db: Db, column: 'nonce' | 'ciphertext' | 'tag', seq: number, offset: number): void {
  const row = db.prepare(`SELECT ${column} AS v FROM journal WHERE seq = ?`).get(seq) as { v: Buffer };
  const bytes = Buffer.from(row.v);
  const at = offset % bytes.length;
  bytes[at] = (bytes[at] ?? 0) ^ (1 + (offset % 255));
  db.prepare(`UPDATE journal SET ${column} = ? WHERE seq = ?`).run(bytes, seq);
}

function damages(random: () => number): Damage[] {
  const pick = (n: number) => Math.floor(random() * n);
  const set = (column: string, seq: number, value: unknown) => (db: Db) => void db.prepare(`UPDATE journal SET ${column} = ? WHERE seq = ?`).run(value, seq);
  const list: Damage[] = [
    { name: 'none', apply: () => {} },
    { name: 'nonce as text', apply: set('nonce', 5, 'x'.repeat(NONCE_BYTES)) },
    { name: 'nonce as integer', apply: set('nonce', 6, 42) },
    { name: 'tag 31 bytes', apply: set('tag', 7, Buffer.alloc(31, 1)) },
    { name: 'tag as text', apply: set('tag', 8, 'y'.repeat(TAG_BYTES)) },
    { name: 'ciphertext 15 bytes', apply: set('ciphertext', 9, Buffer.alloc(15, 2)) },
    { name: 'ciphertext empty', apply: set('ciphertext', 10, Buffer.alloc(0)) },
    { name: 'ciphertext as text', apply: set('ciphertext', 11, 'z'.repeat(40)) },
    { name: 'nonce 25 bytes', apply: set('nonce', 12, Buffer.alloc(25, 3)) },
    { name: 'last row tag damaged', apply: (db) => flipByte(db, 'tag', EVENTS, 3) },
    { name: 'head tag flipped', apply: (db) => void db.prepare('UPDATE head SET tag = ? WHERE id = 1').run(Buffer.alloc(TAG_BYTES, 9)) },
    { name: 'one row deleted', apply: (db) => void db.prepare('DELETE FROM journal WHERE seq = 20').run() },
    { name: 'three rows deleted', apply: (db) => void db.prepare('DELETE FROM journal WHERE seq BETWEEN 40 AND 42').run() },
    { name: 'tail deleted', apply: (db) => void db.prepare('DELETE FROM journal WHERE seq > 55').run() },
    { name: 'first row deleted', apply: (db) => void db.prepare('DELETE FROM journal WHERE seq = 1').run() },
    { name: 'tag and data of one row', apply: (db) => (flipByte(db, 'tag', 26, 1), flipByte(db, 'ciphertext', 26, 9)) },
    { name: 'tag of one row, data of the next', apply: (db) => (flipByte(db, 'tag', 27, 4), flipByte(db, 'ciphertext', 28, 4)) },
    { name: 'big event flipped', apply: (db) => flipByte(db, 'ciphertext', 31, 12_345) },
    {
      name: 'two rows swapped',
      apply: (db) => {
        const get = db.prepare('SELECT nonce, ciphertext, tag FROM journal WHERE seq = ?');
        const a = get.get(34) as Record<string, Buffer>;
        const b = get.get(36) as Record<string, Buffer>;
        const put = db.prepare('UPDATE journal SET nonce = @nonce, ciphertext = @ciphertext, tag = @tag WHERE seq = @seq');
        put.run({ ...b, seq: 34 });
        put.run({ ...a, seq: 36 });
      },
    },
  ];
  for (let i = 0; i < 40; i += 1) {
    const column = (['nonce', 'ciphertext', 'tag'] as const)[pick(3)]!;
    const seq = 1 + pick(EVENTS);
    const offset = pick(100_000);
    const second = random() < 0.4 ? { column: (['nonce', 'ciphertext', 'tag'] as const)[pick(3)]!, seq: Math.min(EVENTS, seq + pick(3)), offset: pick(100_000) } : null;
    list.push({
      name: `flip ${column}@${seq}+${offset}${second ? ` and ${second.column}@${second.seq}+${second.offset}` : ''}`,
      apply: (db) => {
        flipByte(db, column, seq, offset);
        if (second) flipByte(db, second.column, second.seq, second.offset);
      },
    });
  }
  return list;
}

beforeAll(async () => {
  await sodiumReady();
  keys = deriveSubkeys(new Uint8Array(randomBytes(32)));
});

describe('journal walk', () => {
  for (const encoding of ['UTF-8', 'UTF-16le'] as const) {
    test(`reports exactly what the plain walk reported, for every kind of damage (${encoding} database)`, () => {
      const random = seededRandom(testSeed(`walk-equivalence ${encoding}`));
      const image = pristine(encoding).serialize();
      let damaged = 0;
      for (const damage of damages(random)) {
        const db = new Database(image);
        damage.apply(db);
        for (const fromSeq of [1, 2, 24, 41, EVENTS]) {
          const context = `${damage.name}, from ${fromSeq}`;
          const expected = outcome(referenceWalk, db, vaultId, keys, fromSeq);
          expect(outcome(walkJournal, db, vaultId, keys, fromSeq), context).toEqual(expected);
          if (expected.problems.length > 2) damaged += 1;
        }
        db.close();
      }
      // The authentic-but-malformed events alone are two problems; the damage adds to them.
      expect(damaged).toBeGreaterThan(50);
    });
  }

  test('the heap opener and the portable one agree on tags and plaintexts, right and wrong', () => {
    const db = pristine('UTF-8');
    const rows = db.prepare('SELECT seq, nonce, ciphertext, tag FROM journal ORDER BY seq').all() as { seq: number; nonce: Buffer; ciphertext: Buffer; tag: Buffer }[];
    const fast = rowOpener(keys, vaultId);
    const portable = rowOpener(keys, vaultId, { portable: true });
    let prev: Uint8Array = GENESIS_TAG;
    let opened = 0;
    for (const row of rows) {
      for (const [previous, ciphertext] of [[prev, row.ciphertext], [row.tag, row.ciphertext], [prev, Buffer.concat([row.ciphertext.subarray(1), Buffer.from([0])])]] as const) {
        const packed = Buffer.concat([row.nonce, ciphertext, row.tag]);
        const results = [fast, portable].flatMap((opener) =>
          [false, true].map((fromPacked) => {
            if (fromPacked) opener.loadPacked(row.seq, packed);
            else opener.load(row.seq, row.nonce, ciphertext);
            return { matches: opener.chainMatches(previous, row.tag), tag: Buffer.from(opener.lastTag()).toString('hex'), text: opener.openText(previous) };
          }),
        );
        for (const other of results.slice(1)) expect(other, `seq ${row.seq}`).toEqual(results[0]);
        if (results[0]!.text !== null) opened += 1;
      }
      prev = row.tag;
    }
    fast.dispose();
    fast.dispose();
    portable.dispose();
    expect(opened).toBe(EVENTS - 1); // the one not UTF-8 opens to null
    db.close();
  });
});

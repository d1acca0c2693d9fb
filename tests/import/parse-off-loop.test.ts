/**
 * A big statement is parsed in a worker thread (electron/import/parse-off-loop.ts), built here
 * from the same entry build/scripts/build-node.mjs bundles (out/main/import-parse-worker.cjs):
 * the answer is the in-place parser's, the host's loop turns while the rows come back (one chunk
 * per turn), and a worker that cannot run leaves the in-place parser to answer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseStatement } from '../../electron/import/parse/detect';
import { PARSE_WORKER_CHUNK_ROWS, PARSE_WORKER_MIN_BYTES, lastParseInWorker, parseStatementOffLoop, setParseWorkerSource } from '../../electron/import/parse-off-loop';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'onewallet-parse-worker-'));
let source = '';

/** A bank CSV with ids, a footer the parser skips and one unreadable amount (a located error). */
function statement(rows: number): Uint8Array {
  const lines = ['Date,Payee,Memo,Amount,Transaction ID'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`2024-05-${day},Payee ${i % 50},row ${i},${i === 7 ? 'twelve' : (-(100 + i) / 100).toFixed(2)},T${i}`);
  }
  lines.push('Total,,,,');
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

beforeAll(async () => {
  const outfile = join(dir, 'import-parse-worker.cjs');
  await build({ absWorkingDir: ROOT, entryPoints: ['electron/import/parse-worker.ts'], outfile, bundle: true, platform: 'node', target: 'node22', format: 'cjs', logLevel: 'warning' });
  source = readFileSync(outfile, 'utf8');
}, 120_000);

afterAll(() => {
  setParseWorkerSource(undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('statement parsing off the event loop', () => {
  test('a big CSV parsed in the worker equals the in-place parse, and the loop turns between its chunks', async () => {
    const bytes = statement(12_000);
    expect(bytes.length).toBeGreaterThanOrEqual(PARSE_WORKER_MIN_BYTES);
    const options = { fileName: 'big.csv', currency: 'CNY' };
    const inPlace = await parseStatement(bytes, options);
    expect(inPlace.accounts[0]!.rows.length).toBe(11_999);
    expect(inPlace.errors.length).toBe(1);

    setParseWorkerSource(source);
    let turns = 0;
    let parsing = true;
    const tick = () => {
      if (!parsing) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const inWorker = await parseStatementOffLoop(bytes, options);
    parsing = false;
    expect(lastParseInWorker).toBe(true);
    expect(inWorker).toEqual(inPlace);
    // Each chunk of rows is parsed on a turn of its own, so the loop went round at least once per chunk.
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(11_999 / PARSE_WORKER_CHUNK_ROWS));
    // The same worker serves the next parse, with a mapping this time.
    const mapped = await parseStatementOffLoop(bytes, { ...options, mapping: { date: 'Date', amount: 'Amount', payee: 'Memo', externalId: 'Transaction ID' } });
    expect(lastParseInWorker).toBe(true);
    expect(mapped).toEqual(await parseStatement(bytes, { ...options, mapping: { date: 'Date', amount: 'Amount', payee: 'Memo', externalId: 'Transaction ID' } }));
  }, 120_000);

  test('a worker that cannot run leaves the answer to the in-place parser; small files never start one', async () => {
    const bytes = statement(12_000);
    setParseWorkerSource('throw new Error("no worker today")');
    const answered = await parseStatementOffLoop(bytes, { currency: 'CNY' });
    expect(lastParseInWorker).toBe(false);
    expect(answered).toEqual(await parseStatement(bytes, { currency: 'CNY' }));

    setParseWorkerSource(source);
    const small = statement(20);
    expect(await parseStatementOffLoop(small, { currency: 'CNY' })).toEqual(await parseStatement(small, { currency: 'CNY' }));
    expect(lastParseInWorker).toBe(false);
  }, 120_000);
});

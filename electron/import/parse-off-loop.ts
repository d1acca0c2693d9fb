/**
 * `parseStatement` off the host's event loop (issue #12: a 100k-row statement held the engine's
 * thread for seconds). A file of PARSE_WORKER_MIN_BYTES or more is parsed in a worker_threads
 * worker (parse-worker.ts, bundled beside the engine as out/main/import-parse-worker.cjs). It
 * answers with one message holding the rows as JSON text in chunks of PARSE_WORKER_CHUNK_ROWS
 * (strings are copied across as bytes, so receiving it is cheap), and the host parses one chunk
 * per turn of its loop. The worker's code is read by the host and started as source text (`eval`),
 * so it also runs from inside app.asar, which a worker thread cannot be relied on to read by itself
 * (see vault/kdf.ts). One worker serves the parses one after another and ends after
 * PARSE_WORKER_IDLE_MS without work; it keeps the process alive only while it parses.
 *
 * Same answer as `parseStatement` in every case: small files, a run from the TypeScript sources
 * (vitest: there is no bundle) and a worker that fails to start or dies fall back to parsing here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseStatement, type ParseOptions } from './parse/detect';
import type { ParsedStatement, StatementRow } from './statement';
import { fromColumns, type RowColumns } from './row-columns';
import { nextTurn } from '../vault/cooperative';

/** Smaller files are parsed in place: a few milliseconds, less than handing them to the worker. */
export const PARSE_WORKER_MIN_BYTES = 256 * 1024;
/** Rows per JSON chunk of the worker's answer: the host parses one per turn, a few milliseconds each. */
export const PARSE_WORKER_CHUNK_ROWS = 1_000;
export const PARSE_WORKER_FILE = 'import-parse-worker.cjs';
const PARSE_WORKER_IDLE_MS = 60_000;

/** The worker's one message per job (parse-worker.ts). */
export type ParseWorkerAnswer =
  | { done: ParsedStatement; counts: number[]; chunks: { account: number; json: string }[]; error?: undefined }
  | { error: string; done?: undefined };

let workerSource: string | null | undefined;

/**
 * The bundled worker's code, or null where there is none (running from the sources). Every bundle
 * lives in out/<entry>/ and the worker in out/main/, so it is found beside main.cjs and from the
 * web host, the CLI and the bench one folder over.
 */
export async function parseWorkerSource(): Promise<string | null> {
  if (workerSource !== undefined) return workerSource;
  let found: string | null = null;
  for (const path of [join(__dirname, PARSE_WORKER_FILE), join(__dirname, '..', 'main', PARSE_WORKER_FILE)]) {
    if (existsSync(path)) {
      // Read on libuv's thread pool: 3 MB read at once held a loaded machine's loop for ~0.1 s.
      found = await readFile(path, 'utf8');
      break;
    }
  }
  workerSource ??= found;
  return workerSource;
}

/** For a test that points the parser at a freshly built worker (or at none: null; undefined: look again). */
export function setParseWorkerSource(source: string | null | undefined): void {
  workerSource = source;
  stopParseWorker();
}

/** Whether the last parse of a big file ran in the worker (a test's way to see which path answered). */
export let lastParseInWorker = false;

export async function parseStatementOffLoop(bytes: Uint8Array, options: ParseOptions): Promise<ParsedStatement> {
  const source = bytes.length >= PARSE_WORKER_MIN_BYTES ? await parseWorkerSource() : null;
  lastParseInWorker = false;
  if (source === null) return parseStatement(bytes, options);
  try {
    const statement = await queued(() => inWorker(source, bytes, options));
    lastParseInWorker = true;
    return statement;
  } catch {
    stopParseWorker();
    return parseStatement(bytes, options);
  }
}

let worker: Worker | null = null;
let idle: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();

function queued<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => {});
  return run;
}

export function stopParseWorker(): void {
  if (idle) clearTimeout(idle);
  idle = null;
  const stopping = worker;
  worker = null;
  if (stopping) void stopping.terminate();
}

/** The worker's answer → the statement, its rows parsed from JSON one chunk per turn of the loop. */
async function rowsFromChunks(answer: ParseWorkerAnswer): Promise<ParsedStatement> {
  if (!answer.done) throw new Error(`parse worker: ${answer.error ?? 'no answer'}`);
  const statement = answer.done;
  const rows: StatementRow[][] = statement.accounts.map(() => []);
  for (const [index, chunk] of answer.chunks.entries()) {
    if (index > 0) await nextTurn();
    const list = rows[chunk.account];
    if (!list) throw new Error('parse worker: rows for an account it did not name');
    for (const row of fromColumns(JSON.parse(chunk.json) as RowColumns)) list.push(row);
  }
  statement.accounts.forEach((account, index) => (account.rows = rows[index]!));
  if (statement.accounts.some((account, index) => account.rows.length !== answer.counts[index])) throw new Error('parse worker: rows lost on the way');
  return statement;
}

function inWorker(source: string, bytes: Uint8Array, options: ParseOptions): Promise<ParsedStatement> {
  if (idle) clearTimeout(idle);
  idle = null;
  if (!worker) {
    const started = new Worker(source, { eval: true });
    // A worker that dies between two parses is simply started again by the next one (an 'error'
    // with no listener would take the host down).
    const forget = () => {
      if (worker === started) worker = null;
    };
    started.on('error', forget);
    started.once('exit', forget);
    worker = started;
  }
  const current = worker;
  // Held while it works (a CLI run has nothing else keeping the process alive), let go when idle.
  current.ref();
  return new Promise<ParseWorkerAnswer>((resolve, reject) => {
    const cleanup = () => {
      current.off('message', onMessage);
      current.off('error', onFailure);
      current.off('exit', onFailure);
    };
    const onFailure = (error: unknown) => {
      cleanup();
      reject(error instanceof Error ? error : new Error(`parse worker exited with code ${String(error)}`));
    };
    const onMessage = (answer: ParseWorkerAnswer) => {
      cleanup();
      resolve(answer);
    };
    current.on('message', onMessage);
    current.once('error', onFailure);
    current.once('exit', onFailure);
    // A copy moved to the worker: the caller keeps its bytes.
    const copy = bytes.slice();
    current.postMessage({ job: { bytes: copy, options } }, [copy.buffer as ArrayBuffer]);
  })
    .finally(() => {
      current.unref();
      if (worker === current) {
        idle = setTimeout(stopParseWorker, PARSE_WORKER_IDLE_MS);
        idle.unref();
      }
    })
    .then(rowsFromChunks);
}

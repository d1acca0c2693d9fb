/**
 * `parseStatement` off the host's event loop (issue #12: a 100k-row statement held the engine's
 * thread for seconds). A file of PARSE_WORKER_MIN_BYTES or more is parsed in a worker_threads
 * worker (parse-worker.ts, bundled beside the engine as out/main/import-parse-worker.cjs); its
 * rows come back in chunks of PARSE_WORKER_CHUNK_ROWS, each asked for on the host's next turn, so
 * each is one short task (sent ahead, they would all be delivered in one task). The worker's code is
 * read by the host and started as source text (`eval`), so it also runs from inside app.asar, which
 * a worker thread cannot be relied on to read by itself (see vault/kdf.ts). One worker serves the
 * parses one after another and ends after PARSE_WORKER_IDLE_MS without work; it keeps the process
 * alive only while it parses.
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

/** Smaller files are parsed in place: a few milliseconds, less than handing them to the worker. */
export const PARSE_WORKER_MIN_BYTES = 256 * 1024;
/** Rows per message from the worker: deserializing one chunk is a few milliseconds of the host's loop. */
export const PARSE_WORKER_CHUNK_ROWS = 1_000;
export const PARSE_WORKER_FILE = 'import-parse-worker.cjs';
const PARSE_WORKER_IDLE_MS = 60_000;

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
  return new Promise<ParsedStatement>((resolve, reject) => {
    const rows: StatementRow[][] = [];
    const cleanup = () => {
      current.off('message', onMessage);
      current.off('error', onFailure);
      current.off('exit', onFailure);
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onFailure = (error: unknown) => fail(error instanceof Error ? error : new Error(`parse worker exited with code ${String(error)}`));
    // The next chunk is asked for as one arrives: one in flight at a time, so each is a task of its own.
    const next = () => current.postMessage('next');
    const onMessage = (message: { parsed?: true; rows?: { account: number; json: string }; done?: ParsedStatement; counts?: number[]; error?: string }) => {
      if (message.parsed) next();
      else if (message.rows) {
        const list = (rows[message.rows.account] ??= []);
        for (const row of JSON.parse(message.rows.json) as StatementRow[]) list.push(row);
        next();
      } else if (message.done) {
        cleanup();
        const statement = message.done;
        const counts = message.counts ?? [];
        statement.accounts.forEach((account, index) => (account.rows = rows[index] ?? []));
        if (statement.accounts.some((account, index) => account.rows.length !== counts[index])) reject(new Error('parse worker: rows lost on the way'));
        else resolve(statement);
      } else fail(new Error(`parse worker: ${message.error ?? 'no answer'}`));
    };
    current.on('message', onMessage);
    current.once('error', onFailure);
    current.once('exit', onFailure);
    // A copy moved to the worker: the caller keeps its bytes.
    const copy = bytes.slice();
    current.postMessage({ job: { bytes: copy, options } }, [copy.buffer as ArrayBuffer]);
  }).finally(() => {
    current.unref();
    if (worker === current) {
      idle = setTimeout(stopParseWorker, PARSE_WORKER_IDLE_MS);
      idle.unref();
    }
  });
}

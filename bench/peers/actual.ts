/**
 * Actual Budget (`@actual-app/api`, its local-only Node API) as a peer in the bench, driven in a
 * CHILD process so its memory and event loop never pollute ours: each call is timed inside the
 * child (IPC excluded) and reports the child's RSS and VmHWM. The package is installed on first
 * use into a temp folder outside the project (npm-peer.ts); without it the peer is skipped.
 *
 * Usage: `const peer = await ActualPeer.start(dir)` (null + printed note when unavailable), then
 * `open(seedRows)` creates a budget in `dir` with one on-budget account holding `seedRows`, and
 * `addTransactions`, `importTransactions`, `getTransactions`, `shutdown`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNpmPeer, type InstalledPeer } from './npm-peer';

/** A row as Actual's API takes it: amount in integer minor units (cents), date 'YYYY-MM-DD'. */
export interface ActualRow {
  date: string;
  amount: number;
  payee_name?: string;
  notes?: string;
  /** importTransactions de-duplicates on this (a bank's transaction id). */
  imported_id?: string;
  cleared?: boolean;
}

/** One call's result: `ms` measured in the child around the API call alone. */
export interface PeerCall<T> {
  ms: number;
  value: T;
  /** The child's RSS after the call and its peak (VmHWM) so far, bytes. */
  rssBytes: number;
  peakRssBytes: number;
}

export interface ImportResult {
  added: number;
  updated: number;
  errors: number;
}

export interface ListResult {
  rows: number;
  /** Sum of the amounts returned: a cross-check that both sides saw the same data. */
  sum: number;
}

/**
 * The child's program. It is written to a file beside the peer's node_modules (so `require` finds
 * the package) from this function's source: it must not reference anything outside itself.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- serialized from source to run beside the peer's node_modules: it can only `require` */
function actualChildMain(): void {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const { performance } = require('node:perf_hooks') as typeof import('node:perf_hooks');
  const apiName = '@actual-app/api';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the peer's API is untyped here (it lives outside the project)
  const api: any = require(apiName);
  let accountId = '';
  const peak = (): number => {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  };
  const quiet = { learnCategories: false, runTransfers: false };
  const ops: Record<string, (...args: never[]) => Promise<unknown>> = {
    async open(dataDir: string, seedRows: unknown[]) {
      await api.init({ dataDir });
      // runImport creates a local budget (no server) and is the API's bulk path; the budget is loaded afterwards.
      await api.runImport('OneWallet bench', async () => {
        accountId = await api.createAccount({ name: 'Bench', offbudget: false }, 0);
        if (seedRows.length) await api.addTransactions(accountId, seedRows, quiet);
      });
      const budgets = (await api.getBudgets()) as { id?: string; name: string }[];
      const accounts = (await api.getAccounts()) as { id: string; name: string }[];
      accountId = accounts.find((account) => account.name === 'Bench')?.id ?? accountId;
      return { budgets: budgets.length, accountId };
    },
    async add(rows: unknown[]) {
      await api.addTransactions(accountId, rows, quiet);
      return rows.length;
    },
    async importRows(rows: unknown[]) {
      const result = await api.importTransactions(accountId, rows);
      return { added: result.added?.length ?? 0, updated: result.updated?.length ?? 0, errors: result.errors?.length ?? 0 };
    },
    async list(start: string, end: string) {
      const rows = (await api.getTransactions(accountId, start, end)) as { amount: number }[];
      return { rows: rows.length, sum: rows.reduce((sum, row) => sum + row.amount, 0) };
    },
    async shutdown() {
      await api.shutdown();
      return true;
    },
  };
  process.on('message', (message: { id: number; op: string; args: never[] }) => {
    const start = performance.now();
    const op = ops[message.op];
    const run = op ? op(...message.args) : Promise.reject(new Error(`unknown op ${message.op}`));
    run.then(
      (value) => {
        const ms = performance.now() - start;
        process.send?.({ id: message.id, ok: true, value, ms, rssBytes: process.memoryUsage().rss, peakRssBytes: peak() });
      },
      (error: unknown) => process.send?.({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  ms: number;
  rssBytes: number;
  peakRssBytes: number;
  error?: string;
}

export class ActualPeer {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  private exited: Error | null = null;

  private constructor(
    private readonly child: ChildProcess,
    private readonly dataDir: string,
    readonly version: string,
  ) {
    child.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!waiter) return;
      if (reply.ok) waiter.resolve(reply);
      else waiter.reject(new Error(`Actual peer: ${reply.error ?? 'failed'}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`Actual peer exited (${signal ?? code})`);
      for (const waiter of this.waiting.values()) waiter.reject(this.exited);
      this.waiting.clear();
    });
  }

  /** Installs the package when missing; null (with `note` called) when it cannot be had. */
  static install(note: (line: string) => void = console.log): InstalledPeer | null {
    const installed = ensureNpmPeer('actual', '@actual-app/api', note);
    if ('skipped' in installed) {
      note(`Actual: ${installed.skipped}`);
      return null;
    }
    return installed;
  }

  /** Starts the child (Node from the PATH, like the user's own) with its budget folder in `dataDir`. */
  static start(dataDir: string, note: (line: string) => void = console.log): ActualPeer | null {
    const installed = ActualPeer.install(note);
    if (!installed) return null;
    const script = join(installed.dir, 'onewallet-actual-child.cjs');
    writeFileSync(script, `'use strict';\n(${actualChildMain.toString()})();\n`);
    const child = fork(script, [], {
      cwd: installed.dir,
      execPath: 'node',
      // Actual logs every sync step to the console; the bench prints tables.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.stderr?.resume();
    return new ActualPeer(child, dataDir, installed.version);
  }

  private call<T>(op: string, ...args: unknown[]): Promise<PeerCall<T>> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, op, args });
    }).then((reply) => ({ ms: reply.ms, value: reply.value as T, rssBytes: reply.rssBytes, peakRssBytes: reply.peakRssBytes }));
  }

  /** Creates the budget and its account, holding `seedRows` (bulk-added in import mode). */
  open(seedRows: readonly ActualRow[] = []): Promise<PeerCall<{ budgets: number; accountId: string }>> {
    return this.call('open', this.dataDir, seedRows);
  }

  addTransactions(rows: readonly ActualRow[]): Promise<PeerCall<number>> {
    return this.call('add', rows);
  }

  importTransactions(rows: readonly ActualRow[]): Promise<PeerCall<ImportResult>> {
    return this.call('importRows', rows);
  }

  getTransactions(startDate: string, endDate: string): Promise<PeerCall<ListResult>> {
    return this.call('list', startDate, endDate);
  }

  /** Ends the child at once (a call that runs past the bench's cap); pending calls reject. */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Closes the budget and ends the child; safe to call twice. */
  async shutdown(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.call('shutdown');
    } finally {
      this.child.disconnect();
      await exited;
    }
  }
}

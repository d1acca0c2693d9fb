/**
 * Scenarios that run in a child process of the bench (the same bundle, `--child <name> <args>`),
 * so the peak RSS (VmHWM) reported is that scenario's alone and the parent's caches do not hide
 * it: unlocking a wallet (KDF + load from its snapshot, with the event-loop delay sampled while
 * it runs), and a replay without any snapshot.
 */
import { fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openVault, vaultReady } from '../electron/vault';
import { asLedgerProjection, ledgerProjectionFactory } from '../electron/ledger';
import { PASSWORD } from './dataset';
import { peakRssBytes, rssBytes } from './memory';
import { timedAsync } from './stats';

export interface ChildResult {
  kdfMs: number;
  loadMs: number;
  /** Event-loop delay p99 / max while unlocking and loading (monitorEventLoopDelay, 10 ms resolution). */
  loopP99Ms: number;
  loopMaxMs: number;
  rssBytes: number;
  peakRssBytes: number;
  transactions: number;
}

/** A factory whose snapshots are "from another schema version": the vault must replay everything. */
const replayOnly = {
  empty: ledgerProjectionFactory.empty,
  fromSnapshot(): never {
    throw new Error('bench: snapshot refused to force a full replay');
  },
};

async function unlockScenario(path: string, replay: boolean): Promise<ChildResult> {
  await vaultReady();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const locked = openVault(path);
  const unlock = await timedAsync(() => locked.unlock({ password: PASSWORD }));
  locked.close();
  const session = unlock.value.session;
  const load = await timedAsync(() => session.loadProjection(replay ? replayOnly : ledgerProjectionFactory));
  loop.disable();
  const projection = asLedgerProjection(load.value);
  const transactions = projection.sql.get<{ n: number }>('SELECT count(*) AS n FROM transactions')?.n ?? 0;
  // Measured with the wallet unlocked and its projection loaded: what the app holds while open.
  const result = {
    kdfMs: unlock.ms, loadMs: load.ms, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6,
    rssBytes: rssBytes(), peakRssBytes: peakRssBytes(), transactions,
  };
  projection.close();
  session.lock();
  return result;
}

export const CHILD_FLAG = '--child';

/** Called by bench.ts's entry when started with CHILD_FLAG; prints one JSON line. */
export async function runChild(argv: readonly string[]): Promise<void> {
  const [name, path] = argv;
  if ((name !== 'unlock' && name !== 'replay') || !path) throw new Error(`bench child: unknown scenario ${argv.join(' ')}`);
  process.send?.(await unlockScenario(path, name === 'replay'));
}

/** Runs a scenario in a fresh Node process (this bundle again) and returns its result. */
export function inChild(name: 'unlock' | 'replay', path: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, [CHILD_FLAG, name, path], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: ChildResult | null = null;
    child.on('message', (message: ChildResult) => (result = message));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`bench child ${name} exited ${code}`))));
  });
}

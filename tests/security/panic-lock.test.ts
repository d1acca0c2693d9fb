/**
 * Panic lock during a long job (issue 14): a verify and a backup of a 100k-event wallet are
 * running; the panic lock locks at once (not after the job), the job stops at its next slice with
 * wallet_locked, and nothing is damaged (the wallet verifies in full after the next unlock). The
 * times are measured and printed, never asserted: the proof is the order of events.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';
import { seedWallet } from '../e2e/support/seed-wallet';
import { callOk, PASSWORD, TEST_KDF } from '../engine/support';

const EVENTS = 100_000;
let dataDir: string;
let engine: Engine;
let walletId: string;
const timeline: { at: number; what: string; detail?: unknown }[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ow-panic-'));
  await seedWallet(dataDir, { name: 'Big', password: PASSWORD, transactions: EVENTS - 1 });
  const bus = new EventBus();
  bus.subscribe((name, payload) => {
    if (name === 'wallet/changed') timeline.push({ at: performance.now(), what: (payload as { unlocked: unknown }).unlocked ? 'unlocked' : 'locked' });
    if (name === 'task/progress') timeline.push({ at: performance.now(), what: 'progress', detail: payload });
  });
  engine = await startEngine(
    { dataDir, bus, log: { info() {}, warn() {}, error: console.error }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF } },
  );
  walletId = (await callOk(engine, 'wallet/status')).wallets[0].id;
}, 600_000);

afterAll(async () => {
  await engine?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves once the job of `kind` has reported progress past its first slice (it is really running). */
function runningJob(kind: string): Promise<{ done: number; total: number }> {
  return new Promise((resolve) => {
    const poll = () => {
      const seen = timeline.filter((entry) => entry.what === 'progress' && (entry.detail as { kind: string }).kind === kind);
      const last = seen.at(-1)?.detail as { done: number; total: number; phase: string } | undefined;
      if (last && last.done > 0 && last.done < last.total) resolve(last);
      else setImmediate(poll);
    };
    poll();
  });
}

async function panicDuring(kind: 'verify' | 'backup', start: () => Promise<{ ok: boolean; code?: string }>) {
  await callOk(engine, 'wallet/unlock', { walletId, password: PASSWORD });
  timeline.length = 0;
  let settledAt = 0;
  const job = start().then((result) => {
    settledAt = performance.now();
    timeline.push({ at: settledAt, what: 'job settled' });
    return result;
  });
  const progress = await runningJob(kind);
  const panicAt = performance.now();
  timeline.push({ at: panicAt, what: 'panic' });
  await callOk(engine, 'security/panicLock', { freezeAll: false });
  const lockedAt = timeline.find((entry) => entry.what === 'locked')?.at;
  const result = await job;
  const lastProgress = timeline.filter((entry) => entry.what === 'progress').at(-1)?.detail as { done: number; total: number };
  console.log(
    `panic during ${kind} of ${EVENTS} events: job at ${progress.done}/${progress.total} when panic pressed; ` +
      `locked after ${((lockedAt ?? NaN) - panicAt).toFixed(1)} ms, job stopped after ${(settledAt - panicAt).toFixed(1)} ms at ${lastProgress.done}/${lastProgress.total}`,
  );
  // The lock came first, before the job finished; the job ended interrupted, not finished and not "damaged".
  expect(lockedAt).toBeDefined();
  const order = timeline.filter((entry) => ['panic', 'locked', 'job settled'].includes(entry.what)).map((entry) => entry.what);
  expect(order).toEqual(['panic', 'locked', 'job settled']);
  expect(result).toMatchObject({ ok: false, code: 'wallet_locked' });
  expect(lastProgress.done).toBeLessThan(lastProgress.total);
  expect((await callOk(engine, 'wallet/status')).unlocked).toBeNull();
}

describe(`panic lock during a long job (${EVENTS} events)`, () => {
  test('during wallet verify: locked at once, verify stopped, the wallet intact', async () => {
    await panicDuring('verify', () => engine.router.call('wallet/verify', {}, { transport: 'test' }));
    await callOk(engine, 'wallet/unlock', { walletId, password: PASSWORD });
    const report = await callOk(engine, 'wallet/verify');
    expect(report).toMatchObject({ ok: true, problems: [], events: EVENTS });
    const log = await callOk(engine, 'security/log', { kinds: ['panic_locked'] });
    expect(log.total).toBe(1);
  }, 600_000);

  test('during a backup: locked at once, no backup counted, the wallet intact', async () => {
    await panicDuring('backup', () => engine.router.call('backup/create', {}, { transport: 'test' }));
    await callOk(engine, 'wallet/unlock', { walletId, password: PASSWORD });
    const overview = await callOk(engine, 'backup/overview');
    expect(overview.backups.filter((backup: { status: string }) => backup.status === 'verified')).toEqual([]);
    // No half-written file is left to be taken for a backup.
    expect(readdirSync(join(dataDir, 'backups')).filter((name) => !name.startsWith('.'))).toEqual([]);
    expect(await callOk(engine, 'wallet/verify')).toMatchObject({ ok: true, events: EVENTS });
  }, 600_000);
});

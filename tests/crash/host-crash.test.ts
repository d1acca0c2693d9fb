/**
 * The browser-mode host as a real child process (the built test host): an unhandled rejection is
 * reported and the host keeps serving; an uncaught exception is reported and the host stops with
 * 1; SIGKILL mid-use loses nothing acknowledged and the next start says so and asks for the
 * integrity check; three unclean starts in a row offer a safe start; a clean quit resets it all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../e2e/support/host';
import { connect } from './ws-client';

const PASSWORD = 'correct horse battery staple';
let dir: string;
let host: RunningHost | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ow-host-crash-'));
});
afterEach(async () => {
  await host?.stop();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Waits for a condition the host reaches by itself (a report written from its own event loop). */
async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

it('an unhandled rejection is reported and the host keeps serving; an uncaught exception is reported and the host stops', async () => {
  host = await startHost({ dataDir: dir });
  let client = await connect(host);
  expect(await client.ok('crash/startup')).toMatchObject({ uncleanExit: false, uncleanStreak: 0 });
  await client.ok('crash/test', { target: 'rejection' });
  const rejection = await until(async () => ((await client.ok('crash/list')) as any[]).find((r) => r.kind === 'unhandledRejection'));
  expect(rejection).toMatchObject({ process: 'engine', name: 'Error' });
  expect((await client.ok('app/info')).name).toBe('OneWallet'); // still serving

  await client.ok('crash/test', { target: 'exception' });
  expect(await host.exit()).toBe(1);
  client.close();

  host = await startHost({ dataDir: dir });
  client = await connect(host);
  expect(await client.ok('crash/startup')).toMatchObject({ uncleanExit: true, uncleanStreak: 1, checkPending: true, offerSafeStart: false });
  const kinds = ((await client.ok('crash/list')) as any[]).map((r) => r.kind).sort();
  expect(kinds).toEqual(['uncaughtException', 'unhandledRejection']);
  client.close();
});

it('SIGKILL mid-use: every acknowledged transaction is there, the integrity check passes, three in a row offer a safe start', async () => {
  host = await startHost({ dataDir: dir });
  let client = await connect(host);
  const { walletId } = await client.ok('wallet/create', { name: 'Home', password: PASSWORD });
  const accountId = (await client.ok('ledger/openAccount', { requestId: 'a', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1000' })).ids[0];
  const acknowledged: string[] = [];
  for (let i = 0; i < 20; i++) {
    const outcome = await client.ok('ledger/recordTransaction', { requestId: `t${i}`, kind: 'expense', accountId, amount: `${i + 1}`, currency: 'CNY', date: '2026-11-20' });
    acknowledged.push(...outcome.ids);
  }
  // One more in flight when the process dies: it may or may not land, but nothing before it may go.
  void client.call('ledger/recordTransaction', { requestId: 'in-flight', kind: 'expense', accountId, amount: '1', currency: 'CNY', date: '2026-11-21' });
  expect(await host.exit('SIGKILL')).toBe(null);
  client.close();

  for (let streak = 1; streak <= 3; streak++) {
    host = await startHost({ dataDir: dir });
    client = await connect(host);
    const startup = await client.ok('crash/startup');
    expect(startup).toMatchObject({ uncleanExit: true, uncleanStreak: streak, checkPending: true, offerSafeStart: streak >= 3 });
    if (streak === 1) {
      await client.ok('wallet/unlock', { walletId, password: PASSWORD });
      const verify = await client.ok('wallet/verify');
      expect(verify.ok).toBe(true);
      const page = await client.ok('ledger/transactions', { limit: 1000 });
      const ids = new Set(page.rows.map((row: { id: string }) => row.id));
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    }
    client.close();
    await host.exit('SIGKILL');
  }

  host = await startHost({ dataDir: dir });
  client = await connect(host);
  await client.ok('crash/safeStart');
  expect(await client.ok('crash/startup')).toMatchObject({ uncleanStreak: 4, offerSafeStart: false, safeMode: true });
  client.close();
  await host.stop(); // a clean quit
  host = await startHost({ dataDir: dir });
  client = await connect(host);
  expect(await client.ok('crash/startup')).toMatchObject({ uncleanExit: false, uncleanStreak: 0 });
  client.close();
});

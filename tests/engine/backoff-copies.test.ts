/**
 * Backoff follows the secret, not the file: three wallets restored from one wallet's backup share
 * one password, so wrong guesses across them share one backoff (the engine through the router,
 * real files and real Argon2id at the test cost).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';

const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
const PASSWORD = 'correct horse battery staple';
let dir: string;
let engine: Engine | null = null;

afterEach(async () => {
  await engine?.dispose();
  engine = null;
  rmSync(dir, { recursive: true, force: true });
});

it('three copies of one wallet give three wrong guesses in all, not three each', async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-backoff-copies-'));
  engine = await startEngine(
    { dataDir: dir, bus: new EventBus(), log: { info() {}, warn() {}, error() {} }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF } },
  );
  const call = (method: MethodName, input: unknown = {}) => engine!.router.call(method, input, { transport: 'test' });
  const value = async (method: MethodName, input: unknown = {}) => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.code}`);
    return result.value as any;
  };
  await value('wallet/create', { name: 'Home', password: PASSWORD });
  const backup = await value('backup/create');
  await value('wallet/lock');
  const copies: string[] = [];
  for (const name of ['Copy A', 'Copy B', 'Copy C']) copies.push((await value('backup/restoreAsNew', { path: join(backup.dir, backup.file), name })).walletId);

  const guess = (walletId: string) => call('wallet/unlock', { walletId, password: 'wrong guess' });
  for (const walletId of copies) expect(await guess(walletId)).toMatchObject({ ok: false, code: 'auth_failed' });
  // The fourth guess, on any copy, waits: the three free ones are used up.
  for (const walletId of copies) expect(await guess(walletId)).toMatchObject({ ok: false, code: 'locked_out' });
  const status = await value('wallet/status');
  for (const walletId of copies) expect(status.wallets.find((w: { id: string }) => w.id === walletId)).toMatchObject({ failures: 3, retryAt: expect.any(String) });
});

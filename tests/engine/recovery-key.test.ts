/**
 * The two-step recovery key and the key file set after creation, through the router (browser
 * mode's engine, real files): regenerate alone changes nothing — the old key still recovers the
 * wallet — and only confirmRecoveryKey with the new key typed back replaces it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';

const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
const PASSWORD = 'correct horse battery staple';
let dir: string;
let engine: Engine;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-recovery-key-'));
  engine = await startEngine(
    { dataDir: dir, bus: new EventBus(), log: { info() {}, warn() {}, error() {} }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF } },
  );
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: MethodName, input: unknown = {}) => engine.router.call(method, input, { transport: 'test' });
async function value(method: MethodName, input: unknown = {}): Promise<any> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.code} ${result.messageKey}`);
  return result.value;
}

it('regenerate without confirm leaves the old key valid; a wrong confirmation changes nothing; the right one replaces it', async () => {
  const { walletId, recoveryKey: first } = await value('wallet/create', { name: 'Home', password: PASSWORD });
  const { recoveryKey: unconfirmed } = await value('wallet/regenerateRecoveryKey', { password: PASSWORD });
  await value('wallet/lock');
  expect(await call('wallet/recover', { walletId, recoveryKey: unconfirmed, newPassword: PASSWORD })).toMatchObject({ ok: false, code: 'auth_failed' });
  await value('wallet/recover', { walletId, recoveryKey: first, newPassword: PASSWORD });

  const { recoveryKey: second } = await value('wallet/regenerateRecoveryKey', { password: PASSWORD });
  expect(await call('wallet/confirmRecoveryKey', { recoveryKey: first })).toMatchObject({ ok: false, code: 'invalid_input', messageKey: 'errors.vault.recovery_key_mismatch' });
  await value('wallet/confirmRecoveryKey', { recoveryKey: second });
  expect(await call('wallet/confirmRecoveryKey', { recoveryKey: second })).toMatchObject({ ok: false, messageKey: 'errors.vault.recovery_key_not_pending' });
  await value('wallet/lock');
  expect(await call('wallet/recover', { walletId, recoveryKey: first, newPassword: PASSWORD })).toMatchObject({ ok: false, code: 'auth_failed' });
  await value('wallet/recover', { walletId, recoveryKey: second, newPassword: PASSWORD });
});

it('a key file set after creation is required to unlock from then on', async () => {
  const { walletId } = await value('wallet/create', { name: 'Home', password: PASSWORD });
  const keyFile = Buffer.alloc(64, 7).toString('base64');
  await value('wallet/setKeyFile', { password: PASSWORD, keyFile });
  await value('wallet/lock');
  expect(await call('wallet/unlock', { walletId, password: PASSWORD })).toMatchObject({ ok: false, code: 'auth_failed', messageKey: 'errors.vault.key_file_required' });
  await value('wallet/unlock', { walletId, password: PASSWORD, keyFile });
  expect((await value('wallet/status')).wallets[0]).toMatchObject({ hasKeyFile: true });
});

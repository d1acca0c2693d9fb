/**
 * The golden v1 file: a vault written by this version and committed, so every later version must
 * still open it (password and recovery key) and read the same events. Regenerate only when the
 * format version changes, with ONEWALLET_REGEN_FIXTURES=1 (and add a new file, do not replace).
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from './support/helpers';
import { testProjections } from './support/projection';

const FIXTURE = resolve(__dirname, '../fixtures/vault/v1-golden.onewallet');
const KEY_FILE = resolve(__dirname, '../fixtures/vault/v1-golden.recovery.txt');
const PASSWORD = 'golden-v1 密码';
const EVENTS = [
  { kind: 'account_opened', name: 'Wallet 钱包', currency: 'CNY' },
  { kind: 'expense', payee: 'Golden Noodle House', amount: -3850 },
  { kind: 'income', payee: 'Salary', amount: 1200000 },
  { kind: 'note', text: 'line\nbreak and "quotes"' },
];

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-golden-');
  if (process.env.ONEWALLET_REGEN_FIXTURES === '1' && !existsSync(FIXTURE)) {
    const { session, recoveryKey } = await createVault(FIXTURE, { password: PASSWORD, testOnlyKdf: TEST_KDF });
    session.append(EVENTS.slice(0, 2));
    session.saveSnapshot(await session.loadProjection(testProjections), 2);
    session.append(EVENTS.slice(2));
    session.lock();
    writeFileSync(KEY_FILE, `${recoveryKey}\n`);
  }
});
afterAll(() => tmp.cleanup());

describe('golden v1 vault', () => {
  test('opens with its password, reads the same events, verifies, and opens with its recovery key', async () => {
    const path = tmp.file('golden.onewallet');
    copyFileSync(FIXTURE, path);
    const locked = openVault(path);
    expect(locked.status()).toEqual({ hasKeyFile: false, failures: 0, retryAt: null });
    const { session } = await locked.unlock({ password: PASSWORD });
    expect([...session.events()].map((e) => e.payload)).toEqual(EVENTS);
    expect(await session.verify(testProjections)).toMatchObject({ ok: true, events: 4 });
    session.lock();
    const recoveryKey = (await import('node:fs')).readFileSync(KEY_FILE, 'utf8').trim();
    const recovered = await locked.unlockWithRecoveryKey(recoveryKey, 'new');
    expect(recovered.session.head().seq).toBe(4);
    recovered.session.lock();
    locked.close();
  });
});

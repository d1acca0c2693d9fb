/**
 * A wrong current password while the wallet is open ("Change password", key file, new recovery key)
 * is not a failed unlock: it must not appear at the next unlock as "someone may have tried to open
 * your wallet", nor start the unlock backoff. Re-authentication still slows down a guesser in the
 * session: after the free attempts it waits like unlock does.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { codeOf, errorOf, tempDir, TEST_KDF } from './support/helpers';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
});
afterEach(() => tmp?.cleanup());

/** An open session of a fresh vault (password 'right') on a clock the test moves. */
async function openSession() {
  tmp = tempDir();
  const path = tmp.file('w.onewallet');
  const clock = { now: Date.parse('2030-01-01T00:00:00Z') };
  (await createVault(path, { password: 'right', testOnlyKdf: TEST_KDF })).session.lock();
  const locked = openVault(path, { now: () => clock.now });
  const { session } = await locked.unlock({ password: 'right' });
  return { clock, locked, session };
}

describe('re-authentication failures', () => {
  test('are not counted as failed unlocks', async () => {
    const { locked, session } = await openSession();
    for (let i = 0; i < 2; i++) expect(await codeOf(() => session.changePassword(`wrong ${i}`, 'new password 1'))).toBe('auth_failed');
    expect(locked.status()).toEqual({ hasKeyFile: false, failures: 0, retryAt: null });
    session.lock();
    const again = await locked.unlock({ password: 'right' });
    expect(again.failedAttemptsSinceLastUnlock.count).toBe(0);
    again.session.lock();
    locked.close();
  });

  test('still wait after the free attempts within the session', async () => {
    const { clock, locked, session } = await openSession();
    for (let i = 0; i < 3; i++) expect(await codeOf(() => session.changePassword(`wrong ${i}`, 'new password 1'))).toBe('auth_failed');
    expect(await errorOf(() => session.changePassword('right', 'new password 1'))).toMatchObject({ code: 'locked_out', params: { waitSeconds: 2 } });
    clock.now += 2_000;
    await session.changePassword('right', 'new password 1');
    expect(locked.status().failures).toBe(0);
    session.lock();
    locked.close();
  });
});

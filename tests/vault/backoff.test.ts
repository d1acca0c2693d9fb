/**
 * Failed unlocks: three free attempts, then doubling waits, kept in the file so a new process (or
 * a new openVault) sees them; and a wrong password is never confused with a damaged file.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { codeOf, errorOf, tempDir, TEST_KDF } from './support/helpers';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
});
afterEach(() => tmp?.cleanup());

describe('failed-unlock backoff', () => {
  test('3 free attempts, then 2 s, 4 s, 8 s … capped at 15 min; persisted across openVault; cleared and reported on success', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    (await createVault(path, { password: 'right', testOnlyKdf: TEST_KDF })).session.lock();
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const now = () => clock;
    let locked = openVault(path, { now });
    for (let i = 0; i < 3; i++) expect(await codeOf(() => locked.unlock({ password: `wrong ${i}` }))).toBe('auth_failed');
    expect(locked.status()).toMatchObject({ failures: 3, retryAt: '2030-01-01T00:00:02.000Z' });
    // Even the right password waits: otherwise the wait would tell a guesser nothing.
    expect(await errorOf(() => locked.unlock({ password: 'right' }))).toMatchObject({
      code: 'locked_out',
      params: { waitSeconds: 2, until: '2030-01-01T00:00:02.000Z' },
    });
    locked.close();

    // A new openVault (as after a restart) sees the same state.
    locked = openVault(path, { now });
    expect(locked.status().failures).toBe(3);
    clock += 2_000;
    expect(await codeOf(() => locked.unlock({ password: 'wrong 3' }))).toBe('auth_failed');
    expect(await errorOf(() => locked.unlock({ password: 'right' }))).toMatchObject({ code: 'locked_out', params: { waitSeconds: 4 } });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      clock += 60 * 60_000;
      await codeOf(() => locked.unlock({ password: 'still wrong' }));
      waits.push(Date.parse(locked.status().retryAt ?? '') - clock);
    }
    expect(waits.slice(0, 4)).toEqual([8_000, 16_000, 32_000, 64_000]);
    expect(Math.max(...waits)).toBe(15 * 60_000);
    clock += 15 * 60_000;
    const { session, failedAttemptsSinceLastUnlock } = await locked.unlock({ password: 'right' });
    expect(failedAttemptsSinceLastUnlock.count).toBe(16);
    expect(failedAttemptsSinceLastUnlock.times[0]).toBe('2030-01-01T00:00:00.000Z');
    expect(locked.status()).toEqual({ hasKeyFile: false, failures: 0, retryAt: null });
    session.lock();
    locked.close();
  });

  test('the wait survives a process restart: another Node process sees it in the file', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    (await createVault(path, { password: 'right', testOnlyKdf: TEST_KDF })).session.lock();
    const locked = openVault(path);
    for (let i = 0; i < 3; i++) expect(await codeOf(() => locked.unlock({ password: 'nope' }))).toBe('auth_failed');
    expect(await codeOf(() => locked.unlock({ password: 'nope' }))).toBe('locked_out');
    locked.close();
    // A plain SQLite reader in a separate process: the state lives in the file, not in memory.
    const script = `const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});console.log(JSON.stringify(d.prepare('SELECT failures, next_allowed_at FROM auth_state').get()))`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script, path], { encoding: 'utf8' })) as { failures: number; next_allowed_at: string };
    expect(out.failures).toBe(3);
    expect(Date.parse(out.next_allowed_at)).toBeGreaterThan(Date.now());
    expect(await codeOf(() => openVault(path).unlock({ password: 'right' }))).toBe('locked_out');
  });

  test('wrong password → auth_failed; damaged slot → integrity; damaged file → not_a_wallet/integrity', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    (await createVault(path, { password: 'right', testOnlyKdf: TEST_KDF })).session.lock();
    expect(await codeOf(() => openVault(path).unlock({ password: 'wrong' }))).toBe('auth_failed');
    const raw = new Database(path);
    const wrapped = (raw.prepare("SELECT wrapped FROM keyslots WHERE role = 'primary'").get() as { wrapped: Buffer }).wrapped;
    wrapped[5] = (wrapped[5] ?? 0) ^ 0x40;
    raw.prepare("UPDATE keyslots SET wrapped = ? WHERE role = 'primary'").run(wrapped);
    raw.close();
    expect(await codeOf(() => openVault(path).unlock({ password: 'right' }))).toBe('integrity');
    expect(await codeOf(() => openVault(path).unlock({ password: 'wrong' }))).toBe('integrity');
  });
});

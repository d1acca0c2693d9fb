import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady, type VaultSession } from '../../electron/vault';
import { codeOf, errorOf, payee, tempDir, TEST_KDF } from './support/helpers';
import { testProjections } from './support/projection';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
});
afterEach(() => tmp?.cleanup());

function collect(session: VaultSession, fromSeq?: number) {
  return [...session.events(fromSeq)];
}

describe('vault round trips', () => {
  test('create → append → lock → unlock gives the same events and state', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session, recoveryKey } = await createVault(path, { password: 'correct horse', testOnlyKdf: TEST_KDF });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{8}-){7}[0-9A-Z]{8}$/);
    const written = Array.from({ length: 25 }, (_, i) => payee(i));
    expect(session.append(written.slice(0, 10)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(session.append(written.slice(10)).at(-1)).toEqual({ seq: 25 });
    const headBefore = session.head();
    const stateBefore = (await session.loadProjection(testProjections)).digest();
    session.lock();
    expect(session.locked).toBe(true);
    expect(await codeOf(() => session.head())).toBe('wallet_locked');

    const locked = openVault(path);
    expect(locked.vaultId).toBe(session.vaultId);
    expect(locked.status()).toEqual({ hasKeyFile: false, failures: 0, retryAt: null });
    const { session: again, failedAttemptsSinceLastUnlock } = await locked.unlock({ password: 'correct horse' });
    expect(failedAttemptsSinceLastUnlock).toEqual({ count: 0, times: [] });
    expect(again.head()).toEqual(headBefore);
    expect(collect(again).map((e) => e.payload)).toEqual(written);
    expect(collect(again, 20).map((e) => e.seq)).toEqual([20, 21, 22, 23, 24, 25]);
    expect((await again.loadProjection(testProjections)).digest()).toBe(stateBefore);
    again.lock();
    locked.close();
  });

  test('snapshots: unlock loads the newest snapshot and replays only later events', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
    session.append(Array.from({ length: 50 }, (_, i) => payee(i)));
    const projection = await session.loadProjection(testProjections);
    session.saveSnapshot(projection, 50);
    session.append(Array.from({ length: 5 }, (_, i) => payee(100 + i)));
    const progress: { phase: string; done: number; total: number }[] = [];
    const loaded = await session.loadProjection(testProjections, (p) => progress.push(p));
    const replayed = progress.filter((p) => p.phase === 'replay').at(-1);
    expect(replayed).toEqual({ phase: 'replay', done: 5, total: 5 });
    const full = testProjections.empty();
    for (const e of session.events()) full.apply(e.seq, e.payload);
    expect(loaded.digest()).toBe(full.digest());
    expect(await session.verify(testProjections)).toMatchObject({ ok: true, problems: [], events: 55 });
    full.close();
    session.lock();
    expect((loaded as unknown as { closed: boolean }).closed).toBe(true);
  });

  test('change password: old fails with auth_failed, new works, data untouched', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session } = await createVault(path, { password: 'old pw', testOnlyKdf: TEST_KDF });
    session.append([payee(1), payee(2)]);
    expect(await codeOf(() => session.changePassword('not it', 'new pw'))).toBe('auth_failed');
    await session.changePassword('old pw', 'new pw');
    session.lock();
    const locked = openVault(path);
    expect(await codeOf(() => locked.unlock({ password: 'old pw' }))).toBe('auth_failed');
    const { session: s2, failedAttemptsSinceLastUnlock } = await locked.unlock({ password: 'new pw' });
    // Only the failed unlock counts; the wrong current password in the open session was not an unlock.
    expect(failedAttemptsSinceLastUnlock.count).toBe(1);
    expect(failedAttemptsSinceLastUnlock.times).toHaveLength(1);
    expect(collect(s2).map((e) => e.payload)).toEqual([payee(1), payee(2)]);
    s2.lock();
    locked.close();
  });

  test('recovery key resets the password without losing data; mistyped group is named', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session, recoveryKey } = await createVault(path, { password: 'forgotten', testOnlyKdf: TEST_KDF });
    session.append([payee(7)]);
    session.lock();
    const locked = openVault(path);
    const groups = recoveryKey.split('-');
    const typo = [...groups];
    const g3 = typo[2] ?? '';
    typo[2] = (g3[0] === 'A' ? 'B' : 'A') + g3.slice(1);
    expect(await errorOf(() => locked.unlockWithRecoveryKey(typo.join('-'), 'fresh'))).toMatchObject({
      code: 'invalid_input',
      messageKey: 'errors.vault.recovery_key_group',
      params: { group: 3 },
    });
    // Lower case, spaces instead of dashes and O for 0 are all accepted.
    const sloppy = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const { session: s2 } = await locked.unlockWithRecoveryKey(sloppy, 'fresh');
    expect(collect(s2).map((e) => e.payload)).toEqual([payee(7)]);
    s2.lock();
    expect(await codeOf(() => locked.unlock({ password: 'forgotten' }))).toBe('auth_failed');
    (await locked.unlock({ password: 'fresh' })).session.lock();
    locked.close();
  });

  test('regenerated recovery key works and the old one stops working', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session, recoveryKey: first } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
    const second = await session.regenerateRecoveryKey('pw');
    expect(second).not.toBe(first);
    // Pending until typed back: a mistyped confirmation changes nothing.
    expect(await errorOf(() => session.confirmRecoveryKey(first))).toMatchObject({ code: 'invalid_input', messageKey: 'errors.vault.recovery_key_mismatch' });
    session.confirmRecoveryKey(second.toLowerCase());
    session.lock();
    const locked = openVault(path);
    expect(await errorOf(() => locked.unlockWithRecoveryKey(first, 'x'))).toMatchObject({
      code: 'auth_failed',
      messageKey: 'errors.vault.recovery_key_wrong',
    });
    (await locked.unlockWithRecoveryKey(second, 'x')).session.lock();
    locked.close();
  });

  test('a regenerated recovery key that is never confirmed leaves the old one working', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session, recoveryKey: first } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
    const unconfirmed = await session.regenerateRecoveryKey('pw');
    session.lock();
    expect(await errorOf(() => session.confirmRecoveryKey(unconfirmed))).toMatchObject({ code: 'wallet_locked' });
    const locked = openVault(path);
    expect(await errorOf(() => locked.unlockWithRecoveryKey(unconfirmed, 'x'))).toMatchObject({ code: 'auth_failed' });
    (await locked.unlockWithRecoveryKey(first, 'x')).session.lock();
    locked.close();
  });

  test('key file: required once set, replaceable, removable; recovery drops it', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const keyA = new Uint8Array(64).fill(7);
    const keyB = new Uint8Array(64).fill(9);
    const { session, recoveryKey } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
    session.append([payee(1)]);
    expect(await codeOf(() => session.setKeyFile('pw', new Uint8Array(8)))).toBe('invalid_input');
    await session.setKeyFile('pw', keyA);
    expect(session.hasKeyFile()).toBe(true);
    session.lock();

    const locked = openVault(path);
    expect(locked.status().hasKeyFile).toBe(true);
    expect(await errorOf(() => locked.unlock({ password: 'pw' }))).toMatchObject({ code: 'auth_failed', messageKey: 'errors.vault.key_file_required' });
    expect(await codeOf(() => locked.unlock({ password: 'pw', keyFile: keyB }))).toBe('auth_failed');
    expect(await codeOf(() => locked.unlock({ password: 'nope', keyFile: keyA }))).toBe('auth_failed');
    const { session: s2 } = await locked.unlock({ password: 'pw', keyFile: keyA });
    await s2.changePassword('pw', 'pw2', keyA);
    await s2.setKeyFile('pw2', keyB, keyA);
    s2.lock();
    expect(await codeOf(() => locked.unlock({ password: 'pw2', keyFile: keyA }))).toBe('auth_failed');
    const { session: s3 } = await locked.unlock({ password: 'pw2', keyFile: keyB });
    await s3.setKeyFile('pw2', null, keyB);
    s3.lock();
    const { session: s4 } = await locked.unlock({ password: 'pw2' });
    await s4.setKeyFile('pw2', keyA);
    s4.lock();
    const recovered = await locked.unlockWithRecoveryKey(recoveryKey, 'pw3');
    expect(recovered.keyFileRemoved).toBe(true);
    expect(collect(recovered.session).map((e) => e.payload)).toEqual([payee(1)]);
    recovered.session.lock();
    expect(locked.status().hasKeyFile).toBe(false);
    (await locked.unlock({ password: 'pw3' })).session.lock();
    locked.close();
  });

  test('openVault tells apart a missing file, a foreign file and a newer format', async () => {
    tmp = tempDir();
    expect(await codeOf(() => openVault(tmp.file('nope')))).toBe('not_found');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(tmp.file('text'), 'hello, this is not a database at all'.repeat(30));
    expect(await codeOf(() => openVault(tmp.file('text')))).toBe('not_a_wallet');
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(tmp.file('other.db'));
    other.exec('CREATE TABLE meta (x)');
    other.close();
    expect(await codeOf(() => openVault(tmp.file('other.db')))).toBe('not_a_wallet');
    const path = tmp.file('w.onewallet');
    (await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF })).session.lock();
    const db = new Database(path);
    db.prepare('UPDATE meta SET format_version = 2').run();
    db.close();
    expect(await errorOf(() => openVault(path))).toMatchObject({ code: 'format_too_new', params: { version: 2, supported: 1 } });
    expect(await codeOf(() => createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF }))).toBe('already_exists');
  });
});

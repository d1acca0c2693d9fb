/**
 * The `onewallet` CLI, run as a real process from an esbuild bundle. Vaults are created through the
 * engine with the test-only KDF (the CLI itself has no way to weaken it); `init` is run once with
 * the real calibrated KDF.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { bundleCli, runBundled, seedLedger } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;
let n = 0;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-cli-');
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => tmp.cleanup());

async function makeVault(password = 'pw', events = 5): Promise<{ path: string; recoveryKey: string }> {
  const path = tmp.file(`v${n++}.onewallet`);
  const { session, recoveryKey } = await createVault(path, { password, testOnlyKdf: TEST_KDF });
  await seedLedger(session, events);
  session.lock();
  return { path, recoveryKey };
}

const cli = (args: string[], stdin?: string, env?: Record<string, string>) =>
  runBundled(bundle, args, { ...(stdin === undefined ? {} : { stdin }), ...(env ? { env } : {}) });

describe('onewallet CLI', () => {
  test('--help lists every command; usage mistakes exit 2; secrets are never arguments', async () => {
    const helpRun = await cli(['--help']);
    expect(helpRun.code).toBe(0);
    for (const word of ['init', 'verify', 'passwd', 'recover', 'keyfile add|remove', 'recovery-key regenerate', 'ONEWALLET_PASSWORD']) {
      expect(helpRun.stdout).toContain(word);
    }
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['verify', '--password', 'x'])).code).toBe(2);
    const noVault = await cli(['verify', '--password-stdin'], 'pw\n');
    expect(noVault).toMatchObject({ code: 2, stderr: 'No wallet given: use --vault PATH or set ONEWALLET_VAULT.\n' });
    const { path } = await makeVault();
    const noSecret = await cli(['--vault', path, 'verify']);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('--password-stdin');
  });

  test('init with the real KDF prints the recovery key once; --json gives {vault, recoveryKey}', async () => {
    const path = tmp.file('real.onewallet');
    const run = await cli(['--vault', path, '--json', 'init', '--password-stdin'], 'a real password\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { vault: string; recoveryKey: string };
    expect(out.vault).toBe(path);
    expect(out.recoveryKey).toMatch(/^([0-9A-Z]{8}-){7}[0-9A-Z]{8}$/);
    const db = new Database(path, { readonly: true });
    const slot = db.prepare("SELECT ops_limit, mem_limit FROM keyslots WHERE role = 'primary'").get() as { ops_limit: number; mem_limit: number };
    db.close();
    expect(slot.mem_limit).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect((await cli(['--vault', path, 'init', '--password-stdin'], 'a real password\n')).code).toBe(5); // already exists
    const { session } = await openVault(path).unlockWithRecoveryKey(out.recoveryKey, 'reset');
    session.lock();
  }, 120_000);

  test('verify: 0 and {"ok":true} when intact, 4 with the problem when an event is changed', async () => {
    const { path } = await makeVault('pw', 12);
    const ok = await cli(['--vault', path, '--json', 'verify', '--password-stdin'], 'pw\n');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, problems: [], events: 12 });
    expect((await cli(['--vault', path, 'verify'], undefined, { ONEWALLET_PASSWORD: 'pw' })).stdout).toBe('The wallet is intact: 12 events checked.\n');

    const raw = new Database(path);
    const ct = (raw.prepare('SELECT ciphertext FROM journal WHERE seq = 7').get() as { ciphertext: Buffer }).ciphertext;
    ct[3] = (ct[3] ?? 0) ^ 1;
    raw.prepare('UPDATE journal SET ciphertext = ? WHERE seq = 7').run(ct);
    raw.close();
    const bad = await cli(['--vault', path, '--json', 'verify', '--password-stdin'], 'pw\n');
    expect(bad.code).toBe(4);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: [{ where: 'journal', seq: 7 }] });
    expect(bad.stderr).toBe('Event 7 does not fit the chain: it was changed, moved or replaced.\n');
  });

  test('verify exits 4 when unlocking already shows damage (truncated journal, damaged keyslot)', async () => {
    const { path } = await makeVault('pw', 6);
    const raw = new Database(path);
    raw.prepare('DELETE FROM journal WHERE seq > 4').run();
    raw.close();
    const run = await cli(['--vault', path, '--json', 'verify', '--password-stdin'], 'pw\n');
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, problems: [{ where: 'head' }] });
    expect(run.stderr).toContain('events are missing at the end');

    const other = await makeVault('pw', 1);
    const raw2 = new Database(other.path);
    raw2.prepare("UPDATE keyslots SET salt = zeroblob(16) WHERE role = 'primary'").run();
    raw2.close();
    expect((await cli(['--vault', other.path, 'verify', '--password-stdin'], 'pw\n')).code).toBe(4);
    // …whereas a wrong password on an intact file is 3.
    expect((await cli(['--vault', (await makeVault()).path, 'verify', '--password-stdin'], 'nope\n')).code).toBe(3);
  });

  test('passwd reads old and new from stdin; wrong old → 3; locked out → 3 with the wait', async () => {
    const { path } = await makeVault('old');
    const wrong = await cli(['--vault', path, 'passwd', '--password-stdin'], 'bad\nnew password\n');
    expect(wrong).toMatchObject({ code: 3, stderr: 'The password is not right.\n' });
    const done = await cli(['--vault', path, 'passwd', '--password-stdin'], 'old\nnew password\n');
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('1 failed attempts');
    expect((await cli(['--vault', path, 'verify', '--password-stdin'], 'new password\n')).code).toBe(0);
    // Three free attempts, then waits that double (2 s, 4 s, …). A CLI start on a busy machine can
    // outlast the first waits, so keep failing until an attempt meets a wait still running: the gate
    // refuses before any password is tried (exit 3, with the wait), whatever the password.
    let lockedOut = { code: 0, stderr: '' };
    for (let attempt = 0; attempt < 10 && !lockedOut.stderr.startsWith('Too many'); attempt++) {
      lockedOut = await cli(['--vault', path, 'verify', '--password-stdin'], 'old\n');
      expect(lockedOut.code).toBe(3);
    }
    expect(lockedOut.stderr).toMatch(/^Too many wrong attempts\. Please wait \d+ seconds \(until .+\) and try again\.\n$/);
  });

  test('recover resets the password; a mistyped group is named (exit 5)', async () => {
    const { path, recoveryKey } = await makeVault('lost');
    const groups = recoveryKey.split('-');
    groups[4] = `${groups[4]?.[0] === 'Z' ? 'Y' : 'Z'}${groups[4]?.slice(1) ?? ''}`;
    const typo = await cli(['--vault', path, 'recover', '--password-stdin'], `${groups.join('-')}\nfound again\n`);
    expect(typo).toMatchObject({ code: 5, stderr: 'Group 5 of the recovery key looks mistyped.\n' });
    const run = await cli(['--vault', path, 'recover', '--password-stdin'], `${recoveryKey}\nfound again\n`);
    expect(run).toMatchObject({ code: 0, stdout: 'The password was reset with the recovery key.\n' });
    expect((await cli(['--vault', path, 'verify', '--password-stdin'], 'found again\n')).code).toBe(0);
  });

  test('keyfile add then remove; recovery-key regenerate invalidates the old key', async () => {
    const { path, recoveryKey } = await makeVault('pw');
    const keyPath = tmp.file('key.bin');
    writeFileSync(keyPath, Buffer.alloc(64, 3));
    expect((await cli(['--vault', path, 'keyfile', 'add', keyPath, '--password-stdin'], 'pw\n')).code).toBe(0);
    const without = await cli(['--vault', path, 'verify', '--password-stdin'], 'pw\n');
    expect(without).toMatchObject({ code: 3, stderr: 'This wallet also needs its key file to open.\n' });
    expect((await cli(['--vault', path, '--key-file', keyPath, 'verify', '--password-stdin'], 'pw\n')).code).toBe(0);
    expect((await cli(['--vault', path, 'keyfile', 'remove', keyPath, '--password-stdin'], 'pw\n')).code).toBe(0);
    expect((await cli(['--vault', path, 'verify', '--password-stdin'], 'pw\n')).code).toBe(0);
    expect((await cli(['--vault', path, 'keyfile', 'frob', '--password-stdin'], 'pw\n')).code).toBe(2);

    const regen = await cli(['--vault', path, '--json', 'recovery-key', 'regenerate', '--password-stdin'], 'pw\n');
    expect(regen.code).toBe(0);
    const fresh = (JSON.parse(regen.stdout) as { recoveryKey: string }).recoveryKey;
    expect(fresh).not.toBe(recoveryKey);
    expect((await cli(['--vault', path, 'recover', '--password-stdin'], `${recoveryKey}\nnew password\n`)).code).toBe(3);
    expect((await cli(['--vault', path, 'recover', '--password-stdin'], `${fresh}\nnew password\n`)).code).toBe(0);
  });

  test('a foreign file is exit 4 with a clear sentence; a missing one is 5', async () => {
    const foreign = tmp.file('notes.txt');
    writeFileSync(foreign, 'just some notes, not a wallet'.repeat(40));
    expect(await cli(['--vault', foreign, 'verify', '--password-stdin'], 'pw\n')).toMatchObject({
      code: 4,
      stderr: 'This file is not a OneWallet wallet.\n',
    });
    expect((await cli(['--vault', tmp.file('missing'), 'verify', '--password-stdin'], 'pw\n')).code).toBe(5);
  });
});

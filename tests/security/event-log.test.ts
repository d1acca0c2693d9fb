/**
 * The security log (issue 14): every action leaves exactly one entry, through the router like the
 * app calls it; failed unlocks made while locked appear after the next unlock with their times and
 * leave the public record; the entries are encrypted at rest.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { CrashReporter } from '../../electron/crash/reporter';
import { callOk, callRefused } from '../engine/support';
import { entriesAddedBy, kinds, logEntries, PASSWORD, walletHarness, type Harness } from './support';

let h: Harness;
afterEach(async () => h?.cleanup());

const rid = () => `r-${Math.random().toString(36).slice(2)}`;
const unlock = (password = PASSWORD) => callOk(h.engine, 'wallet/unlock', { walletId: h.walletId, password });
const lockAndUnlock = async (lock: () => Promise<unknown>) => {
  await lock();
  await unlock();
};
async function openAccount(name = 'Cash'): Promise<string> {
  return (await callOk(h.engine, 'ledger/openAccount', { requestId: rid(), name, kind: 'cash', currency: 'CNY' })).ids[0];
}

describe('every action leaves exactly one entry', () => {
  test('wallet created', async () => {
    h = await walletHarness();
    expect(kinds(await logEntries(h.engine))).toEqual(['wallet_created']);
  });

  test('lock and unlock', async () => {
    h = await walletHarness();
    const added = await entriesAddedBy(h.engine, () => lockAndUnlock(() => callOk(h.engine, 'wallet/lock')));
    expect(kinds(added)).toEqual(['locked', 'unlocked']);
    expect(added[0]?.details).toEqual({ reason: 'user' });
    expect(added[1]?.details).toEqual({ failedAttempts: 0 });
  });

  test('password, key file and recovery key changes; a wrong password there is auth_failed', async () => {
    h = await walletHarness();
    const e = h.engine;
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'wallet/changePassword', { oldPassword: PASSWORD, newPassword: `${PASSWORD} 2` })))).toEqual(['password_changed']);
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'wallet/changePassword', { oldPassword: `${PASSWORD} 2`, newPassword: PASSWORD })))).toEqual(['password_changed']);
    const keyFile = Buffer.alloc(64, 7).toString('base64');
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'wallet/setKeyFile', { password: PASSWORD, keyFile })))).toEqual(['key_file_changed']);
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'wallet/setKeyFile', { password: PASSWORD, currentKeyFile: keyFile, keyFile: null })))).toEqual(['key_file_changed']);
    const added = await entriesAddedBy(e, async () => {
      const { recoveryKey } = await callOk(e, 'wallet/regenerateRecoveryKey', { password: PASSWORD });
      await callOk(e, 'wallet/confirmRecoveryKey', { recoveryKey });
    });
    expect(kinds(added)).toEqual(['recovery_key_changed']);
    const wrong = await entriesAddedBy(e, () => callRefused(e, 'wallet/changePassword', { oldPassword: 'not it', newPassword: 'whatever new one' }));
    expect(kinds(wrong)).toEqual(['auth_failed']);
    expect(wrong[0]?.details).toEqual({ action: 'change_password' });
    // …and it is not reported a second time as a failed unlock at the next unlock.
    expect(kinds(await entriesAddedBy(e, () => lockAndUnlock(() => callOk(e, 'wallet/lock'))))).toEqual(['locked', 'unlocked']);
  });

  test('recovery used', async () => {
    h = await walletHarness();
    await callOk(h.engine, 'wallet/lock');
    await callOk(h.engine, 'wallet/recover', { walletId: h.walletId, recoveryKey: h.recoveryKey, newPassword: PASSWORD });
    expect(kinds(await logEntries(h.engine)).slice(-1)).toEqual(['recovery_used']);
    expect(kinds(await logEntries(h.engine)).filter((k) => k === 'recovery_used')).toHaveLength(1);
  });

  test('panic lock, with and without freezing every account', async () => {
    h = await walletHarness();
    const e = h.engine;
    const accounts = [await openAccount('Cash'), await openAccount('Card')];
    expect(kinds(await entriesAddedBy(e, () => lockAndUnlock(() => callOk(e, 'security/panicLock', { freezeAll: false }))))).toEqual(['panic_locked', 'unlocked']);
    let frozen = 0;
    const added = await entriesAddedBy(e, () => lockAndUnlock(async () => ({ frozen } = await callOk(e, 'security/panicLock', { freezeAll: true }))));
    expect(frozen).toBe(2);
    expect(kinds(added)).toEqual(['all_frozen', 'panic_locked', 'unlocked']);
    expect(added[0]?.details).toEqual({ accounts: 2 });
    const view = await callOk(e, 'ledger/accounts');
    expect(view.accounts.filter((a: { id: string; frozen: boolean }) => accounts.includes(a.id) && a.frozen)).toHaveLength(2);
  });

  test('auto-lock (idle, measured on an injected clock)', async () => {
    let wall = Date.now();
    let mono = 0;
    h = await walletHarness({ autoLock: { idleMs: 60_000, clock: { wall: () => wall, monotonic: () => mono } } });
    h.engine.security.autoLock.activity();
    wall += 30_000;
    mono += 30_000;
    expect(h.engine.security.autoLock.check()).toBeNull();
    wall += 31_000;
    mono += 31_000;
    const added = await entriesAddedBy(h.engine, () => lockAndUnlock(async () => expect(h.engine.security.autoLock.check()).toBe('idle')));
    expect(kinds(added)).toEqual(['auto_locked', 'unlocked']);
    expect(added[0]?.details).toEqual({ reason: 'idle' });
  });

  test('freeze, unfreeze with proof; a wrong proof is auth_failed and changes nothing', async () => {
    h = await walletHarness();
    const e = h.engine;
    const cash = await openAccount();
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'ledger/freezeAccount', { requestId: rid(), accountId: cash })))).toEqual(['account_frozen']);
    const refused = await entriesAddedBy(e, async () => {
      const failure = await callRefused(e, 'security/unfreezeAccount', { requestId: rid(), accountId: cash, password: 'wrong one' });
      expect(failure.code).toBe('auth_failed');
    });
    expect(kinds(refused)).toEqual(['auth_failed']);
    expect((await callOk(e, 'ledger/accounts')).accounts[0].frozen).toBe(true);
    const done = await entriesAddedBy(e, () => callOk(e, 'security/unfreezeAccount', { requestId: rid(), accountId: cash, password: PASSWORD }));
    expect(kinds(done)).toEqual(['account_unfrozen']);
    expect(done[0]?.details).toEqual({ accountId: cash });
    expect((await callOk(e, 'ledger/accounts')).accounts[0].frozen).toBe(false);
    // There is no way around the proof: the plain ledger method is gone from the contract.
    await callOk(e, 'ledger/freezeAccount', { requestId: rid(), accountId: cash });
    expect((await callRefused(e, 'ledger/unfreezeAccount' as MethodName, { requestId: rid(), accountId: cash })).code).toBe('unknown_method');
    expect((await callOk(e, 'ledger/accounts')).accounts[0].frozen).toBe(true);
  });

  test('backups made, verified and failed; export; merge; full restore and its revert', async () => {
    h = await walletHarness();
    const e = h.engine;
    await openAccount();
    const made = await entriesAddedBy(e, () => callOk(e, 'backup/create'));
    expect(kinds(made)).toEqual(['backup_made']);
    expect(made[0]?.details).toMatchObject({ trigger: 'manual', verified: true, failedDestinations: 0 });
    const { backups } = await callOk(e, 'backup/overview');
    const { dir, file } = backups[0];
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'backup/verify', { dir, file })))).toEqual(['backup_verified']);
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'backup/export', { format: 'csv' })))).toEqual(['exported']);
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'backup/export', { format: 'json' })))).toEqual(['exported']);
    const plan = await callOk(e, 'backup/previewMerge', { dir, file });
    expect(kinds(await entriesAddedBy(e, () => callOk(e, 'backup/applyMerge', { planId: plan.planId, picked: null })))).toEqual(['merged']);

    // A full restore swaps in the backup's older file: the entries written since are carried over.
    const beforeRestore = (await logEntries(e)).length;
    await openAccount('After the backup');
    const { revertFile } = await callOk(e, 'backup/restoreFull', { dir, file });
    await unlock();
    const afterRestore = await logEntries(e);
    expect(kinds(afterRestore.slice(beforeRestore))).toEqual(['restored', 'unlocked']);
    expect(kinds(await entriesAddedBy(e, async () => (await callOk(e, 'backup/revert', { revertFile }), await unlock())))).toEqual(['restore_reverted', 'unlocked']);

    const missing = join(h.dataDir, 'no-such-folder');
    await callOk(e, 'backup/updateSettings', { primaryDir: missing });
    expect(kinds(await entriesAddedBy(e, () => callRefused(e, 'backup/create')))).toEqual(['backup_failed']);
    mkdirSync(missing);
  });

  test('crash report written', async () => {
    const dataDirHolder: { reporter?: CrashReporter } = {};
    h = await walletHarness();
    // The engine's own reporter writes into the data folder; one capture = one entry.
    const reporter = new CrashReporter({ dataDir: h.dataDir, appVersion: '1.0.0' });
    dataDirHolder.reporter = reporter;
    await h.cleanup();
    h = await walletHarness({ crashReporter: reporter });
    const added = await entriesAddedBy(h.engine, async () => void reporter.capture({ process: 'main', kind: 'uncaughtException', error: new Error('boom') }));
    expect(kinds(added)).toEqual(['crash_report_written']);
    expect(added[0]?.details).toEqual({ process: 'main', kind: 'uncaughtException' });
  });
});

describe('failed unlocks while locked', () => {
  test('appear after the next unlock with their times, lockouts included, and leave the public record', async () => {
    h = await walletHarness();
    const e = h.engine;
    await callOk(e, 'wallet/lock');
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect((await callRefused(e, 'wallet/unlock', { walletId: h.walletId, password: `guess ${i}` })).code).toBe('auth_failed');
    // The third failure starts a wait: wait for the state (retryAt passed), not for a fixed time.
    const retryAt = (await callOk(e, 'wallet/status')).wallets[0].retryAt as string;
    expect(retryAt).not.toBeNull();
    while (Date.now() <= Date.parse(retryAt)) await new Promise((resolve) => setTimeout(resolve, 50));
    const outcome = await unlock();
    expect(outcome.failedAttemptsSinceLastUnlock.count).toBe(3);
    const entries = await logEntries(e);
    const moved = entries.filter((entry) => entry.kind === 'unlock_failed');
    expect(moved.map((entry) => entry.details.attempt)).toEqual([1, 2, 3]);
    expect(moved.map((entry) => entry.at)).toEqual(outcome.failedAttemptsSinceLastUnlock.times);
    for (const entry of moved) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started - 1000);
    expect(entries.filter((entry) => entry.kind === 'locked_out')).toEqual([expect.objectContaining({ at: moved[2]?.at, details: { waitSeconds: 2 } })]);
    expect(kinds(entries).slice(-1)).toEqual(['unlocked']);
    expect(entries.at(-1)?.details).toEqual({ failedAttempts: 3 });

    // The public record is empty again, in the file and in the app's shared backoff record.
    const file = join(h.dataDir, 'wallets', readdirSync(join(h.dataDir, 'wallets')).find((name) => name.endsWith('.onewallet'))!);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT failures, failure_times FROM auth_state').get()).toEqual({ failures: 0, failure_times: '[]' });
    db.close();
    const shared = join(h.dataDir, 'unlock-backoff.json');
    if (existsSync(shared)) expect(JSON.parse(readFileSync(shared, 'utf8'))).toEqual({});
  });
});

describe('at rest', () => {
  test('the log is encrypted: no kind, detail or file name of an entry appears in any file of the data folder', async () => {
    h = await walletHarness();
    const e = h.engine;
    const cash = await openAccount();
    await callOk(e, 'ledger/freezeAccount', { requestId: rid(), accountId: cash });
    await callOk(e, 'backup/create');
    await callOk(e, 'security/panicLock', { freezeAll: true });
    await callRefused(e, 'wallet/unlock', { walletId: h.walletId, password: 'a wrong guess' });
    await unlock();
    const entries = await logEntries(e);
    expect(kinds(entries)).toEqual(expect.arrayContaining(['account_frozen', 'backup_made', 'all_frozen', 'panic_locked', 'unlock_failed', 'unlocked']));
    const needles = ['account_frozen', 'backup_made', 'all_frozen', 'panic_locked', 'unlock_failed', 'failedAttempts', cash];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(h.dataDir);
    // Open and closed: the -wal holds the newest rows while the wallet is open.
    for (const phase of ['open', 'locked'] as const) {
      for (const path of files.filter(existsSync)) {
        const bytes = readFileSync(path);
        for (const needle of needles) expect(bytes.includes(Buffer.from(needle)), `${needle} in ${path} (${phase})`).toBe(false);
      }
      if (phase === 'open') await callOk(e, 'wallet/lock');
    }
    expect(files.some((path) => path.endsWith('.onewallet'))).toBe(true);
  });
});

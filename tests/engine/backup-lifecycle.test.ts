/**
 * Backup paths no other test drove through the router: undoing a full restore (`backup/revert`),
 * the second backup folder, and the backup on quit that runs inside the engine's dispose time
 * limit. Real engine, real files, real backups.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import type { Engine } from '../../electron/engine';
import { callOk, callRefused, PASSWORD, startTestEngine } from './support';

let dir: string;
let engine: Engine;
let disposed = false;

const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const fails = (method: MethodName, input: unknown = {}) => callRefused(engine, method, input);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-backup-life-'));
  engine = await startTestEngine(dir);
  disposed = false;
});
afterEach(async () => {
  if (!disposed) await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function walletWithCash() {
  const { walletId } = await call('wallet/create', { name: 'Home', password: PASSWORD });
  const cashId = (await call('ledger/openAccount', { requestId: 'open-cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' })).ids[0] as string;
  return { walletId, cashId };
}
const pay = (cashId: string, requestId: string, amount: string) =>
  call('ledger/recordTransaction', { requestId, kind: 'expense', accountId: cashId, amount, currency: 'CNY', date: '2026-11-20' });
const cashBalance = async () => (await call('ledger/accounts')).accounts.find((a: any) => a.name === 'Cash').balanceMinor as number;
const backupFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.owbackup')).sort() : []);

describe('backup/revert through the router', () => {
  it('puts the wallet from before a full restore back, and the restored one becomes a revert copy', async () => {
    const { walletId, cashId } = await walletWithCash();
    await pay(cashId, 'a', '10.00');
    const b1 = await call('backup/create');
    await pay(cashId, 'b', '20.00');
    expect(await cashBalance()).toBe(7000);

    const { revertFile } = await call('backup/restoreFull', { dir: b1.dir, file: b1.file });
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await cashBalance()).toBe(9000);
    expect((await call('backup/overview')).revertCopies).toEqual([revertFile]);

    expect(await call('backup/revert', { revertFile })).toEqual({ ok: true });
    // Like a restore, the swap happens with the wallet locked; it opens with its own password.
    expect((await call('wallet/status')).unlocked).toBeNull();
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await cashBalance()).toBe(7000);
    expect(await call('wallet/verify')).toMatchObject({ ok: true, problems: [], events: 3 });
    // The restored (older) wallet was kept in turn, so the undo can itself be undone.
    const copies = (await call('backup/overview')).revertCopies as string[];
    expect(copies).toHaveLength(1);
    expect(copies[0]).not.toBe(revertFile);
  });

  it('refuses a revert copy that does not exist or lies outside the wallet folder, changing nothing', async () => {
    const { cashId } = await walletWithCash();
    await pay(cashId, 'a', '10.00');
    expect(await fails('backup/revert', { revertFile: 'home-before-restore-20260101T000000000Z.onewallet' })).toMatchObject({ code: 'not_found', messageKey: 'errors.backup.revert_missing' });
    const outside = await fails('backup/revert', { revertFile: '../settings.json' });
    expect(['not_found', 'invalid_input']).toContain(outside.code);
    expect((await call('wallet/status')).unlocked).not.toBeNull();
    expect(await cashBalance()).toBe(9000);
  });
});

describe('the second backup folder', () => {
  it('gets its own verified copy; a missing second folder is reported while the first still backs up', async () => {
    const { cashId } = await walletWithCash();
    await pay(cashId, 'a', '10.00');
    const second = join(dir, 'usb-stick');
    mkdirSync(second);
    expect((await call('backup/updateSettings', { secondaryDir: second })).secondaryDir).toBe(second);

    const both = await call('backup/create');
    expect(both.failures).toEqual([]);
    const copies = backupFiles(second);
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    expect(await call('backup/verify', { dir: second, file: copy })).toMatchObject({ ok: true, problems: [], events: 2 });
    const listed = (await call('backup/overview')).backups.filter((b: any) => b.mine && b.status === 'verified');
    expect(listed.map((b: any) => b.dir).sort()).toEqual([join(dir, 'backups'), second].sort());

    // The stick is pulled out: the backup still lands in the first folder, and the failure is named.
    rmSync(second, { recursive: true });
    await pay(cashId, 'b', '5.00');
    const one = await call('backup/create');
    expect(one).toMatchObject({ dir: join(dir, 'backups'), verified: true });
    expect(one.failures).toEqual([expect.objectContaining({ dir: second, code: 'io_error', messageKey: expect.stringMatching(/^errors\.backup\./) })]);
    expect(existsSync(second)).toBe(false); // a folder the user chose is never created for them

    // Turned off again: one destination.
    expect((await call('backup/updateSettings', { secondaryDir: null })).secondaryDir).toBeNull();
    expect((await call('backup/create')).failures).toEqual([]);
  });
});

describe('the backup on quit', () => {
  it('is written and verified before dispose returns (inside its time limit) when something changed', async () => {
    const { walletId, cashId } = await walletWithCash();
    await call('backup/create');
    await pay(cashId, 'after-last-backup', '10.00');
    const before = backupFiles(join(dir, 'backups'));
    await engine.dispose(5000);
    disposed = true;
    const quit = backupFiles(join(dir, 'backups')).filter((name) => !before.includes(name));
    expect(quit).toHaveLength(1);
    expect(quit[0]).toMatch(/-quit\.owbackup$/);

    // The quit backup holds the last payment: a fresh engine sees it verified, at the head.
    engine = await startTestEngine(dir);
    disposed = false;
    await call('wallet/unlock', { walletId, password: PASSWORD });
    const entry = (await call('backup/overview')).backups.find((b: any) => b.file === quit[0]);
    expect(entry).toMatchObject({ status: 'verified', trigger: 'quit', headSeq: 2, mine: true });
    expect(await call('backup/verify', { dir: join(dir, 'backups'), file: quit[0] })).toMatchObject({ ok: true, events: 2 });
  });

  it('is skipped when nothing changed since the last backup, or when turned off', async () => {
    const { walletId, cashId } = await walletWithCash();
    await call('backup/create');
    const before = backupFiles(join(dir, 'backups'));
    await engine.dispose();
    expect(backupFiles(join(dir, 'backups'))).toEqual(before);

    engine = await startTestEngine(dir);
    await call('wallet/unlock', { walletId, password: PASSWORD });
    await call('backup/updateSettings', { onQuit: false });
    await pay(cashId, 'changed', '1.00');
    await engine.dispose();
    disposed = true;
    expect(backupFiles(join(dir, 'backups'))).toEqual(before);
  });
});

/**
 * The engine as the renderer sees it: every call goes through the router with real files, real
 * Argon2id (at a test cost), the real ledger projection and real backups. Checks the wiring
 * between capabilities that unit tests of each part cannot see.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import type { Engine } from '../../electron/engine';
import { callOk, callRefused, PASSWORD, startTestEngine, type BusEvent } from './support';

let dir: string;
let engine: Engine;
let events: BusEvent[];

const start = () => startTestEngine(dir, events);
const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const fails = (method: MethodName, input: unknown = {}) => callRefused(engine, method, input);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-flow-'));
  events = [];
  engine = await start();
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function walletWithCash() {
  const { walletId, recoveryKey } = await call('wallet/create', { name: 'Home', password: PASSWORD });
  const opened = await call('ledger/openAccount', { requestId: 'open-cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' });
  return { walletId, recoveryKey, cashId: opened.ids[0] as string };
}

const pay = (cashId: string, requestId: string, amount: string, payee = 'Noodles') =>
  call('ledger/recordTransaction', { requestId, kind: 'expense', accountId: cashId, amount, currency: 'CNY', date: '2026-11-20', payee });

const cashBalance = async () => (await call('ledger/accounts')).accounts.find((a: any) => a.name === 'Cash').balanceMinor as number;

describe('engine flow through the router', () => {
  it('refuses ledger calls while locked, and records a retried request once', async () => {
    expect((await fails('ledger/accounts')).code).toBe('wallet_locked');
    const { cashId } = await walletWithCash();
    const first = await pay(cashId, 'pay-1', '12.50');
    const again = await pay(cashId, 'pay-1', '12.50');
    expect(again.ids).toEqual(first.ids);
    expect(again.replayed).toBe(true);
    expect(await cashBalance()).toBe(8750);
    expect(events.filter((e) => e.name === 'ledger/changed')).toHaveLength(2); // open + first payment, not the retry
  });

  it('a rejected payment writes nothing and says why', async () => {
    const { cashId } = await walletWithCash();
    const seqBefore = (await call('wallet/verify')).events;
    expect(await fails('ledger/recordTransaction', { requestId: 'big', kind: 'expense', accountId: cashId, amount: '100.01', currency: 'CNY', date: '2026-11-20' })).toMatchObject({ code: 'rejected', messageKey: 'errors.insufficient_funds' });
    expect(await fails('ledger/recordTransaction', { requestId: 'fine', kind: 'expense', accountId: cashId, amount: '0.001', currency: 'CNY', date: '2026-11-20' })).toMatchObject({ messageKey: 'errors.amount_precision' });
    expect((await call('wallet/verify')).events).toBe(seqBefore);
    expect(await cashBalance()).toBe(10000);
  });

  it('lock → unlock (and an engine restart) keeps the balance; verify is clean', async () => {
    const { walletId, cashId } = await walletWithCash();
    for (let i = 0; i < 20; i++) await pay(cashId, `p${i}`, '1.25');
    await call('wallet/lock');
    expect((await fails('ledger/accounts')).code).toBe('wallet_locked');
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await cashBalance()).toBe(10000 - 2500);
    await engine.dispose();
    engine = await start();
    expect((await call('wallet/status')).unlocked).toBeNull();
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await cashBalance()).toBe(7500);
    expect(await call('wallet/verify')).toMatchObject({ ok: true, problems: [] });
  });

  it('backs up, loses history to a full restore, and merges it back exactly once', async () => {
    const { walletId, cashId } = await walletWithCash();
    await pay(cashId, 'a', '10.00', 'Before B1');
    const b1 = await call('backup/create');
    expect(b1).toMatchObject({ verified: true });
    await pay(cashId, 'b', '20.00', 'Lost 1');
    await pay(cashId, 'c', '30.00', 'Lost 2');
    const b2 = await call('backup/create');
    expect((await call('backup/overview')).backups.filter((b: any) => b.mine && b.status === 'verified')).toHaveLength(2);

    const { revertFile } = await call('backup/restoreFull', { dir: b1.dir, file: b1.file });
    expect(revertFile).toContain('before-restore');
    expect((await call('wallet/status')).unlocked).toBeNull();
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await cashBalance()).toBe(9000);
    await pay(cashId, 'd', '1.00', 'After restore');

    const preview = await call('backup/previewMerge', { dir: b2.dir, file: b2.file });
    expect(preview).toMatchObject({ missingTransactions: 2, missingAccounts: 0 });
    expect(await call('backup/applyMerge', { planId: preview.planId, picked: null })).toMatchObject({ transactions: 2 });
    expect(await cashBalance()).toBe(10000 - 1000 - 2000 - 3000 - 100);
    const again = await call('backup/previewMerge', { dir: b2.dir, file: b2.file });
    expect(again.missingEvents).toBe(0);
    expect((await fails('backup/applyMerge', { planId: preview.planId, picked: null })).code).toBe('not_found');
    expect(await call('wallet/verify')).toMatchObject({ ok: true });
  });

  it('a damaged backup is refused for full restore and the open wallet stays as it was', async () => {
    const { cashId } = await walletWithCash();
    await pay(cashId, 'x', '5.00');
    const backup = await call('backup/create');
    const path = join(backup.dir, backup.file);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 0x01; // inside the trailer's MAC: only a keyed check sees it
    writeFileSync(path, bytes);
    const failure = await fails('backup/restoreFull', { dir: backup.dir, file: backup.file });
    expect(failure.code).toBe('integrity');
    expect((await call('wallet/status')).unlocked).not.toBeNull();
    expect(await cashBalance()).toBe(9500);
  });

  it('keeps as many backups as the retention settings say, and never the only verified one away', async () => {
    const { cashId } = await walletWithCash();
    expect((await call('backup/overview')).settings.retention).toEqual({ today: 5, days: 7, weeks: 4, months: 12 });
    const saved = await call('backup/updateSettings', { retention: { today: 2, days: 0, weeks: 0, months: 0 } });
    expect(saved.retention).toEqual({ today: 2, days: 0, weeks: 0, months: 0 });
    for (let i = 0; i < 4; i++) {
      await pay(cashId, `r${i}`, '1.00');
      await call('backup/create');
    }
    const mine = (await call('backup/overview')).backups.filter((b: any) => b.mine && b.status === 'verified');
    expect(mine).toHaveLength(2);
    expect(mine[0].headSeq).toBe((await call('wallet/verify')).events);
    expect((await fails('backup/updateSettings', { retention: { today: 0, days: 0, weeks: 0, months: 0 } })).code).toBe('invalid_input');
  });

  it('a backup folder that cannot be written is a clear error and leaves the wallet as it was', async () => {
    const { cashId } = await walletWithCash();
    await pay(cashId, 'x', '5.00');
    await call('backup/updateSettings', { primaryDir: join(dir, 'gone', 'nowhere') });
    rmSync(join(dir, 'gone'), { recursive: true, force: true });
    const failure = await fails('backup/create');
    expect(failure.code).toBe('io_error');
    expect(failure.messageKey).toMatch(/^errors\.backup\./);
    expect(await cashBalance()).toBe(9500);
    expect(await call('wallet/verify')).toMatchObject({ ok: true });
  });
});

/**
 * Updating and closing accounts through the router, as the Accounts view and the CLI do: what
 * changes, what is refused (with its translated key), and that a refusal writes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import type { Engine } from '../../electron/engine';
import { callOk, callRefused, PASSWORD, startTestEngine } from './support';

let dir: string;
let engine: Engine;
let n = 0;

const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const requestId = () => `req-${++n}`;
const accounts = async () => (await call('ledger/accounts')).accounts as { id: string; name: string; creditLimitMinor: number; balanceMinor: number; availableMinor: number; closed: boolean; kind: string; note: string }[];
const events = async () => (await call('wallet/verify')).events as number;

/** A refusal with its key, after which the journal holds exactly as many events as before. */
async function refused(method: MethodName, input: unknown, messageKey: string) {
  const before = await events();
  const failure = await callRefused(engine, method, input);
  expect(failure.messageKey).toBe(messageKey);
  expect(await events()).toBe(before);
  return failure;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-accounts-'));
  engine = await startTestEngine(dir);
  await call('wallet/create', { name: 'Home', password: PASSWORD });
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const open = async (name: string, extra: Record<string, unknown> = {}) =>
  (await call('ledger/openAccount', { requestId: requestId(), name, kind: 'bank', currency: 'CNY', ...extra })).ids[0] as string;

describe('ledger/updateAccount', () => {
  it('renames and changes the credit limit; the balance and what may be spent follow', async () => {
    const card = await open('Card', { kind: 'credit', creditLimit: '500' });
    await call('ledger/recordTransaction', { requestId: requestId(), kind: 'expense', accountId: card, amount: '200', currency: 'CNY', date: '2026-11-20' });
    await call('ledger/updateAccount', { requestId: requestId(), accountId: card, name: 'Visa', creditLimit: '1000' });
    expect((await accounts()).find((a) => a.id === card)).toMatchObject({ name: 'Visa', creditLimitMinor: 100000, balanceMinor: -20000, availableMinor: 80000 });
    // The new limit is what the funds check uses.
    await call('ledger/recordTransaction', { requestId: requestId(), kind: 'expense', accountId: card, amount: '800', currency: 'CNY', date: '2026-11-20' });
    expect((await accounts()).find((a) => a.id === card)).toMatchObject({ balanceMinor: -100000, availableMinor: 0 });
  });

  it('refuses a taken name, no change, a negative limit and an unknown account, writing nothing', async () => {
    const cash = await open('Cash');
    await open('Bank');
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: cash, name: 'bank' }, 'errors.account_exists');
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: cash, name: 'Cash' }, 'errors.nothing_to_change');
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: cash, creditLimit: '-1' }, 'errors.amount_negative');
    const unknown = await callRefused(engine, 'ledger/updateAccount', { requestId: requestId(), accountId: 'no-such-account', name: 'X' });
    expect(unknown.code).toBe('not_found');
    expect((await accounts()).map((a) => a.name)).toEqual(['Cash', 'Bank']);
  });
});

describe('ledger/closeAccount', () => {
  it('closes an empty account: it is marked closed (history kept), frees its name and takes no new transactions', async () => {
    const old = await open('Old', { openingBalance: '30' });
    const cash = await open('Cash');
    await refused('ledger/closeAccount', { requestId: requestId(), accountId: old }, 'errors.account_not_empty');
    await call('ledger/recordTransfer', { requestId: requestId(), fromAccountId: old, toAccountId: cash, amount: '30', currency: 'CNY', date: '2026-11-20' });
    await call('ledger/closeAccount', { requestId: requestId(), accountId: old });
    expect((await accounts()).map((a) => [a.name, a.closed])).toEqual([['Old', true], ['Cash', false]]);
    expect((await accounts()).find((a) => a.id === cash)?.balanceMinor).toBe(3000);
    await refused('ledger/recordTransaction', { requestId: requestId(), kind: 'income', accountId: old, amount: '1', currency: 'CNY', date: '2026-11-20' }, 'errors.account_closed');
    await refused('ledger/closeAccount', { requestId: requestId(), accountId: old }, 'errors.account_closed');
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: old, name: 'Older' }, 'errors.account_closed');
    // A closed account's name may be used again.
    await open('Old');
    expect((await accounts()).map((a) => [a.name, a.closed])).toEqual([['Old', true], ['Cash', false], ['Old', false]]);
  });

  it('refuses to close a frozen account until it is unfrozen', async () => {
    const ewallet = await open('Alipay');
    await call('ledger/freezeAccount', { requestId: requestId(), accountId: ewallet });
    await refused('ledger/closeAccount', { requestId: requestId(), accountId: ewallet }, 'errors.account_frozen');
    await call('security/unfreezeAccount', { requestId: requestId(), accountId: ewallet, password: PASSWORD });
    await call('ledger/closeAccount', { requestId: requestId(), accountId: ewallet });
    expect((await accounts()).map((a) => a.closed)).toEqual([true]);
  });
});

type Listed = { id: string; name: string; kind: string; note: string };
const listed = async () => (await call('ledger/accounts')).accounts as Listed[];

describe('ledger/updateAccount: type and note', () => {
  it('retypes an account and gives it a note; neither moves money', async () => {
    const bank = await open('Bank', { openingBalance: '100' });
    await call('ledger/updateAccount', { requestId: requestId(), accountId: bank, kind: 'savings', note: '  定期 3 months  ' });
    expect((await accounts()).find((a) => a.id === bank)).toMatchObject({ kind: 'savings', note: '定期 3 months', balanceMinor: 10000 });
    // An empty note clears it; the same type again is nothing to change.
    await call('ledger/updateAccount', { requestId: requestId(), accountId: bank, note: '' });
    expect((await listed()).find((a) => a.id === bank)?.note).toBe('');
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: bank, kind: 'savings' }, 'errors.nothing_to_change');
  });

  it('refuses a type change that would break a rule, writing nothing', async () => {
    const card = await open('Card', { kind: 'credit', creditLimit: '500' });
    await call('ledger/recordTransaction', { requestId: requestId(), kind: 'expense', accountId: card, amount: '20', currency: 'CNY', date: '2026-11-20' });
    // A card in debt is not an asset: the debt would turn into an overdraft nobody agreed to.
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: card, kind: 'bank' }, 'errors.account_retype_in_debt');
    // Cash, e-wallets and savings cannot go below zero: a limit must go first (it may go in the same change).
    const bank = await open('Bank', { creditLimit: '300' });
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: bank, kind: 'cash' }, 'errors.account_retype_limit');
    await call('ledger/updateAccount', { requestId: requestId(), accountId: bank, kind: 'cash', creditLimit: '0' });
    expect((await accounts()).find((a) => a.id === bank)).toMatchObject({ kind: 'cash', creditLimitMinor: 0 });
    // A frozen account keeps its type until it is unfrozen.
    await call('ledger/freezeAccount', { requestId: requestId(), accountId: bank });
    await refused('ledger/updateAccount', { requestId: requestId(), accountId: bank, kind: 'ewallet' }, 'errors.account_retype_frozen');
    expect((await listed()).map((a) => a.kind)).toEqual(['credit', 'cash']);
  });
});

describe('ledger/reorderAccounts', () => {
  it('lists accounts in the order given; an account opened later comes last', async () => {
    const a = await open('A');
    const b = await open('B');
    const c = await open('C');
    await call('ledger/reorderAccounts', { requestId: requestId(), accountIds: [c, a, b] });
    expect((await listed()).map((x) => x.name)).toEqual(['C', 'A', 'B']);
    await open('D');
    expect((await listed()).map((x) => x.name)).toEqual(['C', 'A', 'B', 'D']);
  });

  it('refuses an order that is not exactly the open accounts, writing nothing', async () => {
    const a = await open('A');
    const b = await open('B');
    await refused('ledger/reorderAccounts', { requestId: requestId(), accountIds: [b] }, 'errors.account_order_mismatch');
    await refused('ledger/reorderAccounts', { requestId: requestId(), accountIds: [b, a, a] }, 'errors.account_order_mismatch');
    await refused('ledger/reorderAccounts', { requestId: requestId(), accountIds: [b, 'nope'] }, 'errors.account_order_mismatch');
    await refused('ledger/reorderAccounts', { requestId: requestId(), accountIds: [a, b] }, 'errors.nothing_to_change');
    expect((await listed()).map((x) => x.name)).toEqual(['A', 'B']);
  });
});

describe('ledger/adjustBalance (reconcile adjustment)', () => {
  it('records one marked line of the difference, after which the reconcile finishes; it undoes like any line', async () => {
    const cash = await open('Wallet', { kind: 'cash', openingBalance: '100', openedOn: '2026-11-01' });
    const lunch = (await call('ledger/recordTransaction', { requestId: requestId(), kind: 'expense', accountId: cash, amount: '30', currency: 'CNY', date: '2026-11-10' })).ids[0] as string;
    // Counted cash: 62.50, not the 70.00 the books say.
    const statement = { accountId: cash, statementDate: '2026-11-20', statementBalance: '62.50', clearedTransactionIds: [lunch] };
    const before = await call<{ differenceMinor: number }>('ledger/reconcilePreview', statement);
    expect(before.differenceMinor).toBe(-750);
    const adjustment = (await call('ledger/adjustBalance', { requestId: requestId(), ...statement })).ids[0] as string;
    const page = await call<{ rows: { id: string; amountMinor: number; adjustment: boolean; date: string; status: string; kind: string }[] }>('ledger/register', { accountId: cash });
    expect(page.rows.find((r) => r.id === adjustment)).toMatchObject({ amountMinor: -750, adjustment: true, date: '2026-11-20', status: 'cleared', kind: 'expense' });
    expect(page.rows.find((r) => r.id === lunch)?.adjustment).toBe(false);
    const after = await call<{ differenceMinor: number }>('ledger/reconcilePreview', { ...statement, clearedTransactionIds: [lunch, adjustment] });
    expect(after.differenceMinor).toBe(0);
    // Undoable like any transaction: voiding it brings the difference back.
    await call('ledger/voidTransaction', { requestId: requestId(), transactionId: adjustment });
    expect((await accounts()).find((a) => a.id === cash)?.balanceMinor).toBe(7000);
    await call('ledger/restoreTransaction', { requestId: requestId(), transactionId: adjustment });
    await call('ledger/reconcile', { requestId: requestId(), ...statement, clearedTransactionIds: [lunch, adjustment] });
    expect((await accounts()).find((a) => a.id === cash)?.balanceMinor).toBe(6250);
  });

  it('refuses when there is no difference and when the account is frozen, writing nothing', async () => {
    const bank = await open('Bank', { openingBalance: '100', openedOn: '2026-11-01' });
    const statement = { accountId: bank, statementDate: '2026-11-20', clearedTransactionIds: [] };
    await refused('ledger/adjustBalance', { requestId: requestId(), ...statement, statementBalance: '100' }, 'errors.adjustment_nothing');
    await call('ledger/freezeAccount', { requestId: requestId(), accountId: bank });
    await refused('ledger/adjustBalance', { requestId: requestId(), ...statement, statementBalance: '120' }, 'errors.account_frozen');
  });
});

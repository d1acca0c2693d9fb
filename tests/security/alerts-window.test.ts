/**
 * Judging the lines just recorded reads only their keys' past (alerts/history.ts readHistoryFor),
 * not the whole history: the alerts must be exactly those the whole history gives, for the newest
 * few lines, for back-dated ones, for a payee spelt with other case and spaces, a new payee, a
 * double charge and an account unused for months. A year of seeded ordinary spending
 * (`ONEWALLET_SEED=N` replays a run) is recorded through the real ledger into a real projection.
 */
import { describe, expect, it } from 'vitest';
import { lastLine, readHistory, readHistoryFor, readMemory } from '../../electron/security/alerts/history';
import { evaluateAlerts } from '../../electron/security/alerts/rules';
import { makeLedger, requestId } from '../ledger/support';
import { testSeed } from '../vault/support/rng';
import { ordinaryYear, YEAR_CATEGORIES } from './alerts-synthetic';

const seed = testSeed('alerts-window');

function wallet() {
  const { ledger, projection } = makeLedger();
  const run = (command: Record<string, unknown>) => ledger.execute({ requestId: requestId(), ...command }).id as string;
  const accounts = new Map(['bank', 'alipay', 'credit', 'cash', 'savings'].map((key) => [key, run({ type: 'openAccount', name: key, kind: 'bank', currency: 'CNY', openingBalance: '10000000', openedOn: '2023-01-01' })]));
  const categories = new Map([...YEAR_CATEGORIES].map(([key, name]) => [key, run({ type: 'defineCategory', name, kind: key === 'salary' ? 'income' : 'expense' })]));
  const yuan = (minor: number) => (Math.abs(minor) / 100).toFixed(2);
  const spend = (account: string, date: string, payee: string, minor: number, category?: string) =>
    run({ type: 'recordTransaction', kind: 'expense', accountId: accounts.get(account), amount: yuan(minor), currency: 'CNY', date, payee, ...(category ? { categoryId: categories.get(category) } : {}) });
  for (const row of ordinaryYear(seed, 2023)) {
    if (row.kind === 'transfer') run({ type: 'recordTransfer', fromAccountId: accounts.get(row.accountId), toAccountId: accounts.get('credit'), amount: yuan(row.amountMinor), currency: 'CNY', date: row.date, note: row.payee });
    else if (row.kind === 'income') run({ type: 'recordTransaction', kind: 'income', accountId: accounts.get(row.accountId), amount: yuan(row.amountMinor), currency: 'CNY', date: row.date, payee: row.payee, categoryId: categories.get(row.categoryId!) });
    else spend(row.accountId, row.date, row.payee, row.amountMinor, row.categoryId!);
  }
  run({ type: 'recordTransaction', kind: 'income', accountId: accounts.get('savings'), amount: '10.00', currency: 'CNY', date: '2023-01-05', payee: 'Interest' });
  const year = lastLine(projection);
  // Then lines of the kinds the rules are about, several back-dated into the year.
  spend('bank', '2023-03-02', ' lianjia RENT ', 4_500_000, 'housing'); // the rent's payee in other spelling, ten times the usual: large + unusual
  spend('alipay', '2023-09-14', 'Gold & Jewels', 350_000); // a new payee, large for it
  spend('credit', '2023-12-30', 'Metro', 500, 'transport');
  spend('alipay', '2023-12-30', ' METRO ', 500); // the same payment again at once, spelt otherwise, from another account, without a category: a double charge
  spend('savings', '2023-09-01', 'Annual fee', 1_000); // savings unused since its January interest: a long-unused account
  spend('cash', '2024-06-14', 'Wet market', 6_000, 'food');
  spend('credit', '2023-07-07', 'Restaurant 3', 990_000, 'dining'); // far above the category's usual
  return { projection, year };
}

describe('alerts judged from the new lines\' keys only', () => {
  const { projection, year } = wallet();
  const memory = readMemory(projection);
  const full = readHistory(projection);
  const judge = (since: number, history: typeof full) =>
    evaluateAlerts({ history: history.rows, accounts: history.accounts, categoryNames: history.categoryNames, memory, isCandidate: (row) => row.n > since });

  it(`give exactly the whole history's alerts, reading a fraction of it (seed ${seed})`, () => {
    const last = lastLine(projection);
    const rules = new Set<string>();
    for (const since of [last - 1, last - 2, last - 3, last - 4, last - 6, year, year - 5, year - 40]) {
      const window = readHistoryFor(projection, since);
      const expected = judge(since, full);
      expect(judge(since, window), `since ${since}`).toEqual(expected);
      // The newest line (a cash market purchase) needs its payee's, its category's and its account's past only.
      if (since === last - 1) expect(window.rows.length).toBeLessThan(full.rows.length / 2);
      for (const alert of expected) rules.add(alert.rule);
    }
    // Not a comparison of two empty lists: every rule fired somewhere.
    expect([...rules].sort()).toEqual(['dormantAccount', 'doubleCharge', 'largeAmount', 'newPayee', 'unusualAmount']);
  });

  it('with no new line, no history is read; with many, the whole history is', () => {
    expect(readHistoryFor(projection, lastLine(projection)).rows).toEqual([]);
    expect(readHistoryFor(projection, 0).rows).toEqual(full.rows);
  });
});

/** Queries over a small, hand-checked ledger: every number below is worked out by hand. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  getTransaction,
  listAccounts,
  listCategories,
  netWorth,
  reconciliationPreview,
  reconciliations,
  recentlyDeleted,
  register,
  totalsByCurrency,
  transactionHistory,
  unreconciledTransactions,
} from '../../electron/ledger/queries';
import { budgetProgress, incomeVsExpenseByMonth, netWorthOverTime, spendingByCategory } from '../../electron/ledger/reports';
import { searchTransactions } from '../../electron/ledger/search';
import { domainError, makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const card = run({ type: 'openAccount', name: 'Visa', kind: 'credit', currency: 'CNY', creditLimit: '5000', openedOn: '2024-01-15' }).id;
  const usd = run({ type: 'openAccount', name: 'Chase', kind: 'bank', currency: 'USD', openingBalance: '100', openedOn: '2024-02-01' }).id;
  const food = run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
  const coffee = run({ type: 'defineCategory', name: 'Coffee', kind: 'expense', parentId: food }).id;
  const rent = run({ type: 'defineCategory', name: 'Rent', kind: 'expense' }).id;
  const salary = run({ type: 'defineCategory', name: 'Salary', kind: 'income' }).id;
  const spend = (accountId: string, amount: string, date: string, extra: Record<string, unknown> = {}) =>
    run({ type: 'recordTransaction', kind: 'expense', accountId, amount, currency: 'CNY', date, ...extra }).id;
  const lunch = spend(cash, '45.5', '2024-01-10', { categoryId: food, payee: 'Noodle House', tags: ['lunch'] });
  const latte = spend(card, '32', '2024-01-20', { categoryId: coffee, payee: 'Starbucks', note: 'with Li' });
  const rentTx = spend(card, '3000', '2024-02-01', { categoryId: rent, payee: 'Landlord' });
  const pay = run({ type: 'recordTransaction', kind: 'income', accountId: cash, amount: '8000', currency: 'CNY', date: '2024-01-31', categoryId: salary, payee: 'ACME' }).id;
  const transfer = run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: usd, amount: '710', currency: 'CNY', toAmount: '100', date: '2024-02-05', note: 'to US' }).id;
  return { ...made, run, ids: { cash, card, usd, food, coffee, rent, salary, lunch, latte, rentTx, pay, transfer } };
}

let f: ReturnType<typeof build>;
beforeEach(() => {
  f = build();
});

describe('accounts and balances', () => {
  it('derives balances, availability and totals', () => {
    const accounts = listAccounts(f.projection);
    expect(accounts.map((a) => [a.name, a.balanceMinor, a.availableMinor])).toEqual([
      ['现金', 100000 - 4550 + 800000 - 71000, 100000 - 4550 + 800000 - 71000],
      ['Visa', -303200, 500000 - 303200],
      ['Chase', 20000, 20000],
    ]);
    expect(totalsByCurrency(f.projection)).toEqual({ CNY: 824450 - 303200, USD: 20000 });
  });

  it('computes net worth with user rates and reports missing ones', () => {
    expect(netWorth(f.projection, 'CNY', { USD: '7.1' })).toEqual({ currency: 'CNY', totalMinor: 521250 + 142000, missingRates: [] });
    expect(netWorth(f.projection, 'CNY')).toEqual({ currency: 'CNY', totalMinor: 521250, missingRates: ['USD'] });
    expect(netWorth(f.projection, 'USD', { CNY: '0.14' }).totalMinor).toBe(20000 + 72975);
  });

  it('closed accounts leave the list unless asked for', () => {
    const empty = f.run({ type: 'openAccount', name: 'Empty', kind: 'savings', currency: 'CNY' }).id;
    f.run({ type: 'closeAccount', accountId: empty });
    expect(listAccounts(f.projection).map((a) => a.id)).not.toContain(empty);
    expect(listAccounts(f.projection, { includeClosed: true }).find((a) => a.id === empty)?.closed).toBe(true);
    // The name is free again.
    f.run({ type: 'openAccount', name: 'Empty', kind: 'savings', currency: 'CNY' });
  });
});

describe('register', () => {
  it('lists newest first with a running balance that paging does not change', () => {
    const page = register(f.projection, f.ids.cash);
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => [row.date, row.amountMinor, row.runningBalanceMinor])).toEqual([
      ['2024-02-05', -71000, 824450],
      ['2024-01-31', 800000, 895450],
      ['2024-01-10', -4550, 95450],
    ]);
    expect(page.rows[0]).toMatchObject({ kind: 'transfer', counterAccountName: 'Chase', note: 'to US' });
    expect(register(f.projection, f.ids.cash, { offset: 1, limit: 1 }).rows[0]!.runningBalanceMinor).toBe(895450);
  });

  it('drops voided lines and restores them', () => {
    f.run({ type: 'voidTransaction', transactionId: f.ids.pay, reason: 'duplicate' });
    expect(register(f.projection, f.ids.cash).rows.map((row) => row.runningBalanceMinor)).toEqual([24450, 95450]);
    const deleted = recentlyDeleted(f.projection);
    expect(deleted.total).toBe(1);
    expect(deleted.rows[0]).toMatchObject({ id: f.ids.pay, voided: true, voidedAt: '2024-06-15T08:00:00.000Z' });
    f.run({ type: 'restoreTransaction', transactionId: f.ids.pay });
    expect(recentlyDeleted(f.projection).total).toBe(0);
    expect(register(f.projection, f.ids.cash).rows[0]!.runningBalanceMinor).toBe(824450);
  });

  it('voiding a transfer voids both legs and lists it once', () => {
    const leg = register(f.projection, f.ids.usd).rows[0]!;
    f.run({ type: 'voidTransaction', transactionId: leg.id });
    expect(f.projection.balance(f.ids.usd)).toBe(10000);
    expect(f.projection.balance(f.ids.cash)).toBe(895450);
    expect(recentlyDeleted(f.projection).rows).toHaveLength(1);
    expect(recentlyDeleted(f.projection).rows[0]!.amountMinor).toBe(-71000);
  });
});

describe('amendments and history', () => {
  it('amends a transfer’s amounts on both legs and keeps the history of each', () => {
    const outgoing = register(f.projection, f.ids.cash).rows[0]!;
    f.run({ type: 'amendTransaction', transactionId: outgoing.id, amount: '720', toAmount: '101', date: '2024-02-06' });
    expect(f.projection.balance(f.ids.cash)).toBe(824450 - 1000);
    expect(f.projection.balance(f.ids.usd)).toBe(20100);
    const incoming = register(f.projection, f.ids.usd).rows[0]!;
    expect(incoming.date).toBe('2024-02-06');
    expect(transactionHistory(f.projection, incoming.id).map((entry) => [entry.action, entry.details])).toEqual([
      ['recorded', {}],
      ['amended', { amountMinor: { from: 10000, to: 10100 }, date: { from: '2024-02-05', to: '2024-02-06' } }],
    ]);
  });

  it('moves a line between accounts and changes its category', () => {
    f.run({ type: 'amendTransaction', transactionId: f.ids.lunch, accountId: f.ids.card, categoryId: f.ids.coffee, payee: ' Noodle Bar ' });
    const moved = getTransaction(f.projection, f.ids.lunch);
    expect(moved).toMatchObject({ accountId: f.ids.card, accountName: 'Visa', categoryName: 'Coffee', parentCategoryName: 'Food', payee: 'Noodle Bar' });
    expect(f.projection.balance(f.ids.cash)).toBe(824450 + 4550);
    f.run({ type: 'amendTransaction', transactionId: f.ids.lunch, categoryId: null });
    expect(getTransaction(f.projection, f.ids.lunch).categoryId).toBeNull();
    expect(transactionHistory(f.projection, f.ids.lunch).map((entry) => entry.details)).toEqual([
      {},
      { accountId: { from: f.ids.cash, to: f.ids.card }, categoryId: { from: f.ids.food, to: f.ids.coffee }, payee: { from: 'Noodle House', to: 'Noodle Bar' } },
      { categoryId: { from: f.ids.coffee, to: null } },
    ]);
  });

  it('history of an unknown transaction is not found', () => {
    expect(domainError(() => transactionHistory(f.projection, 'nope')).code).toBe('not_found');
  });
});

describe('search', () => {
  it('finds by payee, note, tag and category name, and filters', () => {
    expect(searchTransactions(f.projection, { text: 'starbucks' }).rows.map((row) => row.id)).toEqual([f.ids.latte]);
    expect(searchTransactions(f.projection, { text: 'with li' }).total).toBe(1);
    expect(searchTransactions(f.projection, { text: 'lunch' }).total).toBe(1);
    expect(searchTransactions(f.projection, { text: 'food' }).total).toBe(2); // Food and its child Coffee
    expect(searchTransactions(f.projection, { text: '%' }).total).toBe(0);
    expect(searchTransactions(f.projection, { categoryIds: [f.ids.food] }).total).toBe(2);
    expect(searchTransactions(f.projection, { accountIds: [f.ids.card], sort: 'amount', direction: 'asc' }).rows.map((row) => row.amountMinor)).toEqual([-300000, -3200]);
    expect(searchTransactions(f.projection, { minAmount: '100', maxAmount: '1000' }).total).toBe(1); // the transfer of 710 CNY as 100 USD, once
    expect(searchTransactions(f.projection, { from: '2024-02-01', to: '2024-02-28', kinds: ['transfer'] }).total).toBe(1); // one transfer, two legs
    // Sorting by payee orders the named payees (rows without one sort first ascending, last descending).
    const byPayee = (direction: 'asc' | 'desc') => searchTransactions(f.projection, { sort: 'payee', direction }).rows.map((row) => row.payee).filter((payee) => payee !== '');
    expect(byPayee('asc')).toEqual(['ACME', 'Landlord', 'Noodle House', 'Starbucks']);
    expect(byPayee('desc')).toEqual(['Starbucks', 'Noodle House', 'Landlord', 'ACME']);
    // The one row without a payee is the transfer (listed once).
    expect(searchTransactions(f.projection, { sort: 'payee', direction: 'asc', limit: 2 }).rows.map((row) => row.payee)).toEqual(['', 'ACME']);
    expect(searchTransactions(f.projection, { sort: 'payee', direction: 'desc', limit: 2 }).rows.map((row) => row.payee)).toEqual(['Starbucks', 'Noodle House']);
    expect(searchTransactions(f.projection, { status: ['pending'] }).total).toBe(0);
    expect(domainError(() => searchTransactions(f.projection, { from: '2024-13-01' })).messageKey).toBe('errors.date_invalid');
  });
});

describe('categories, budgets and reports', () => {
  it('lists categories as a tree', () => {
    expect(listCategories(f.projection).map((node) => [node.name, node.children.map((child) => child.name)])).toEqual([
      ['Food', ['Coffee']],
      ['Rent', []],
      ['Salary', []],
    ]);
    f.run({ type: 'defineCategory', categoryId: f.ids.coffee, name: 'Café', kind: 'expense', parentId: null });
    expect(listCategories(f.projection).map((node) => node.name)).toEqual(['Food', 'Café', 'Rent', 'Salary']);
  });

  it('shows budget progress, carrying a budget forward until it changes', () => {
    f.run({ type: 'setBudget', categoryId: f.ids.food, month: '2024-01', amount: '50', currency: 'CNY' });
    f.run({ type: 'setBudget', categoryId: f.ids.rent, month: '2024-02', amount: '3000', currency: 'CNY' });
    expect(budgetProgress(f.projection, '2024-01')).toEqual([
      { categoryId: f.ids.food, name: 'Food', parentId: null, currency: 'CNY', budgetMinor: 5000, spentMinor: 7750, remainingMinor: -2750, setForMonth: '2024-01', includedIn: null, includes: [] },
    ]);
    const february = budgetProgress(f.projection, '2024-02');
    expect(february.map((row) => [row.name, row.budgetMinor, row.spentMinor])).toEqual([
      ['Food', 5000, 0],
      ['Rent', 300000, 300000],
    ]);
    f.run({ type: 'setBudget', categoryId: f.ids.food, month: '2024-02', amount: '0', currency: 'CNY' });
    expect(budgetProgress(f.projection, '2024-03').map((row) => row.name)).toEqual(['Rent']);
  });

  it('reports spending by category, income vs expense and net worth over time', () => {
    expect(spendingByCategory(f.projection, { fromMonth: '2024-01', toMonth: '2024-02' })).toEqual([
      { categoryId: f.ids.rent, name: 'Rent', currency: 'CNY', spentMinor: 300000 },
      { categoryId: f.ids.food, name: 'Food', currency: 'CNY', spentMinor: 7750 },
    ]);
    expect(incomeVsExpenseByMonth(f.projection, { fromMonth: '2024-01', toMonth: '2024-03' })).toEqual([
      { month: '2024-01', currency: 'CNY', incomeMinor: 800000, expenseMinor: 7750 },
      { month: '2024-02', currency: 'CNY', incomeMinor: 0, expenseMinor: 300000 },
      { month: '2024-03', currency: 'CNY', incomeMinor: 0, expenseMinor: 0 },
    ]);
    expect(netWorthOverTime(f.projection, { fromMonth: '2023-12', toMonth: '2024-02', currency: 'CNY', rates: { USD: '7' } })).toEqual([
      { month: '2023-12', currency: 'CNY', totalMinor: 0, missingRates: [] },
      { month: '2024-01', currency: 'CNY', totalMinor: 100000 - 4550 + 800000 - 3200, missingRates: [] },
      { month: '2024-02', currency: 'CNY', totalMinor: 521250 + 140000, missingRates: [] },
    ]);
  });
});

describe('reconciliation', () => {
  it('previews the difference, then finishes and locks the ticked lines', () => {
    const candidates = unreconciledTransactions(f.projection, f.ids.card, '2024-01-31');
    expect(candidates.map((row) => row.id)).toEqual([f.ids.latte]);
    expect(reconciliationPreview(f.projection, f.ids.card, '2024-01-31', '-40', [])).toMatchObject({ clearedBalanceMinor: 0, differenceMinor: -4000 });
    expect(reconciliationPreview(f.projection, f.ids.card, '2024-01-31', '-32', [f.ids.latte])).toMatchObject({ clearedBalanceMinor: -3200, differenceMinor: 0, currency: 'CNY' });
    f.run({ type: 'reconcile', accountId: f.ids.card, statementDate: '2024-01-31', statementBalance: '-32', clearedTransactionIds: [f.ids.latte] });
    expect(getTransaction(f.projection, f.ids.latte).status).toBe('reconciled');
    expect(reconciliations(f.projection, f.ids.card)).toMatchObject([{ statementDate: '2024-01-31', statementBalanceMinor: -3200, clearedCount: 1 }]);
    // The next statement starts from the reconciled balance.
    expect(reconciliationPreview(f.projection, f.ids.card, '2024-02-29', '-3032', [f.ids.rentTx]).differenceMinor).toBe(0);
    expect(transactionHistory(f.projection, f.ids.latte).at(-1)?.action).toBe('reconciled');
  });

  it('status changes are recorded and reversible until reconciled', () => {
    f.run({ type: 'setTransactionStatus', transactionId: f.ids.lunch, status: 'pending' });
    expect(searchTransactions(f.projection, { status: ['pending'] }).rows.map((row) => row.id)).toEqual([f.ids.lunch]);
    f.run({ type: 'setTransactionStatus', transactionId: f.ids.lunch, status: 'cleared' });
    expect(transactionHistory(f.projection, f.ids.lunch).map((entry) => entry.details)).toEqual([
      expect.anything(),
      { status: 'pending' },
      { status: 'cleared' },
    ]);
  });
});

/**
 * A 100k-transaction projection builds by replay, and search, filters, paging and balances return
 * correct counts and sums at that size (checked against the generated data; not timed here —
 * `npm run bench` times it).
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ledgerProjectionFactory } from '../../electron/ledger/projection';
import type { LedgerEvent } from '../../electron/ledger/events';
import { listAccounts, register } from '../../electron/ledger/queries';
import { searchTransactions } from '../../electron/ledger/search';

const COUNT = 100_000;
const PAYEES = ['Starbucks', '美团外卖', 'Taxi', '盒马鲜生', 'Amazon', 'Rent'];

function generate() {
  const at = '2024-01-01T00:00:00.000Z';
  const envelope = (requestId: string) => ({ v: 1 as const, eventId: randomUUID(), requestId, at });
  const events: LedgerEvent[] = [
    { ...envelope('a1'), type: 'AccountOpened', accountId: 'cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalanceMinor: 0, creditLimitMinor: 0, openedOn: '2020-01-01' },
    { ...envelope('a2'), type: 'AccountOpened', accountId: 'usd', name: 'USD', kind: 'bank', currency: 'USD', openingBalanceMinor: 100, creditLimitMinor: 0, openedOn: '2020-01-01' },
    { ...envelope('c1'), type: 'CategoryDefined', categoryId: 'food', name: 'Food', kind: 'expense', parentId: null },
    { ...envelope('c2'), type: 'CategoryDefined', categoryId: 'coffee', name: '咖啡', kind: 'expense', parentId: 'food' },
  ];
  const rows: { id: string; account: string; amount: number; date: string; payee: string; category: string | null; voided: boolean }[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const account = i % 10 === 0 ? 'usd' : 'cash';
    const amount = i % 7 === 0 ? 10_000 + (i % 500) : -(100 + (i % 9_900));
    const date = `${2020 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const payee = PAYEES[i % PAYEES.length]!;
    const category = amount < 0 ? (i % 3 === 0 ? 'coffee' : i % 3 === 1 ? 'food' : null) : null;
    const id = `t${i}`;
    events.push({
      ...envelope(`r${i}`),
      type: 'TransactionRecorded',
      transactionId: id,
      accountId: account,
      kind: amount < 0 ? 'expense' : 'income',
      amountMinor: amount,
      currency: account === 'usd' ? 'USD' : 'CNY',
      categoryId: category,
      date,
      payee,
      tags: [],
      note: i % 1000 === 0 ? 'needle 针' : '',
      status: 'cleared',
    });
    const voided = i % 100 === 99;
    if (voided) events.push({ ...envelope(`v${i}`), type: 'TransactionVoided', transactionId: id, reason: '' });
    rows.push({ id, account, amount, date, payee, category, voided });
  }
  return { events, rows };
}

describe('100k transactions', () => {
  it('builds and answers searches, filters and balances correctly', () => {
    const { events, rows } = generate();
    const projection = ledgerProjectionFactory.empty();
    events.forEach((event, index) => projection.apply(index + 1, event));
    const live = rows.filter((row) => !row.voided);

    const balances = Object.fromEntries(listAccounts(projection).map((account) => [account.id, account.balanceMinor]));
    const expected = (account: string, opening: number) => live.filter((row) => row.account === account).reduce((sum, row) => sum + row.amount, opening);
    expect(balances).toEqual({ cash: expected('cash', 0), usd: expected('usd', 100) });

    expect(searchTransactions(projection, { limit: 50 }).total).toBe(live.length);
    expect(searchTransactions(projection, { includeVoided: true, limit: 1 }).total).toBe(COUNT);

    const starbucks = searchTransactions(projection, { text: 'starbucks', limit: 20 });
    expect(starbucks.total).toBe(live.filter((row) => row.payee === 'Starbucks').length);
    expect(starbucks.rows).toHaveLength(20);
    expect(starbucks.rows.every((row) => row.payee === 'Starbucks')).toBe(true);

    // Category text matches the child's name; a parent category filter includes its children.
    expect(searchTransactions(projection, { text: '咖啡' }).total).toBe(live.filter((row) => row.category === 'coffee').length);
    expect(searchTransactions(projection, { categoryIds: ['food'] }).total).toBe(live.filter((row) => row.category !== null).length);
    expect(searchTransactions(projection, { text: '针' }).total).toBe(live.filter((row) => Number(row.id.slice(1)) % 1000 === 0).length);
    // Pinyin and initials match Chinese payees, category names and notes at this size too.
    expect(searchTransactions(projection, { text: 'mtwm', limit: 1 }).total).toBe(live.filter((row) => row.payee === '美团外卖').length);
    expect(searchTransactions(projection, { text: 'kafei', limit: 1 }).total).toBe(live.filter((row) => row.category === 'coffee').length);
    expect(searchTransactions(projection, { text: 'zhen', limit: 1 }).total).toBe(live.filter((row) => Number(row.id.slice(1)) % 1000 === 0).length);

    const filtered = searchTransactions(projection, {
      accountIds: ['cash'],
      from: '2022-03-01',
      to: '2023-06-30',
      minAmount: '10',
      maxAmount: '50.5',
      kinds: ['expense'],
      sort: 'amount',
      direction: 'asc',
      limit: 1000,
    });
    const matching = live.filter(
      (row) => row.account === 'cash' && row.date >= '2022-03-01' && row.date <= '2023-06-30' && row.amount < 0 && -row.amount >= 1000 && -row.amount <= 5050,
    );
    expect(filtered.total).toBe(matching.length);
    expect(filtered.rows[0]!.amountMinor).toBe(Math.min(...matching.map((row) => row.amount)));
    const amounts = filtered.rows.map((row) => row.amountMinor);
    expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);

    // Pages never overlap and cover the result.
    const ids = new Set<string>();
    for (let offset = 0; offset < 3000; offset += 1000) {
      for (const row of searchTransactions(projection, { text: 'Taxi', offset, limit: 1000 }).rows) ids.add(row.id);
    }
    expect(ids.size).toBe(Math.min(3000, live.filter((row) => row.payee === 'Taxi').length));

    const page = register(projection, 'usd', { limit: 10 });
    expect(page.total).toBe(live.filter((row) => row.account === 'usd').length);
    expect(page.rows[0]!.runningBalanceMinor).toBe(balances.usd);
    projection.close();
  });
});

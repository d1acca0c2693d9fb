/**
 * The bill view's figures (Alipay style): per month and for the whole filter, spent and income per
 * currency, summed by the engine with the very filter the list uses. Transfers are neither spent
 * nor income but are rows of their month (counted once). Every number is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { billTotals } from '../../electron/ledger/bill';
import { searchTransactions } from '../../electron/ledger/search';
import { makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const card = run({ type: 'openAccount', name: 'Visa', kind: 'credit', currency: 'CNY', creditLimit: '5000', openedOn: '2024-01-01' }).id;
  const usd = run({ type: 'openAccount', name: 'Chase', kind: 'bank', currency: 'USD', openingBalance: '100', openedOn: '2024-01-01' }).id;
  const food = run({ type: 'defineCategory', name: '餐饮', kind: 'expense' }).id;
  const salary = run({ type: 'defineCategory', name: '工资', kind: 'income' }).id;
  const tx = (kind: 'expense' | 'income', accountId: string, amount: string, currency: string, date: string, extra: Record<string, unknown> = {}) =>
    run({ type: 'recordTransaction', kind, accountId, amount, currency, date, ...extra }).id;
  tx('expense', cash, '45.5', 'CNY', '2024-01-10', { categoryId: food, payee: '星巴克' });
  tx('income', cash, '8000', 'CNY', '2024-01-31', { categoryId: salary, payee: 'ACME' });
  tx('expense', card, '32', 'CNY', '2024-01-20', { categoryId: food, payee: 'Luckin' });
  tx('expense', card, '3000', 'CNY', '2024-02-01', { payee: 'Landlord' });
  run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: usd, amount: '710', currency: 'CNY', toAmount: '100', date: '2024-02-05' });
  tx('expense', usd, '12.34', 'USD', '2024-02-07', { payee: 'Uber' });
  const refund = tx('income', usd, '5', 'USD', '2024-03-02', { payee: 'Uber' });
  return { ...made, run, ids: { cash, card, usd, food, salary, refund } };
}

describe('bill totals', () => {
  it('sums spent and income per currency for the whole filter and per month; transfers are neither', () => {
    const f = build();
    expect(billTotals(f.projection, {})).toEqual({
      count: 7,
      totals: [
        { currency: 'CNY', spentMinor: 4550 + 3200 + 300000, incomeMinor: 800000, netMinor: 800000 - 307750 },
        { currency: 'USD', spentMinor: 1234, incomeMinor: 500, netMinor: 500 - 1234 },
      ],
      months: [
        { month: '2024-03', count: 1, totals: [{ currency: 'USD', spentMinor: 0, incomeMinor: 500, netMinor: 500 }] },
        {
          month: '2024-02',
          count: 3,
          totals: [
            { currency: 'CNY', spentMinor: 300000, incomeMinor: 0, netMinor: -300000 },
            { currency: 'USD', spentMinor: 1234, incomeMinor: 0, netMinor: -1234 },
          ],
        },
        { month: '2024-01', count: 3, totals: [{ currency: 'CNY', spentMinor: 7750, incomeMinor: 800000, netMinor: 792250 }] },
      ],
    });
    // Oldest first when the list runs oldest first.
    expect(billTotals(f.projection, { direction: 'asc' }).months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('uses the list’s filter: text (pinyin too), account, category, dates', () => {
    const f = build();
    expect(billTotals(f.projection, { text: 'xbk' }).totals).toEqual([{ currency: 'CNY', spentMinor: 4550, incomeMinor: 0, netMinor: -4550 }]);
    expect(billTotals(f.projection, { categoryIds: [f.ids.food] })).toMatchObject({ count: 2, totals: [{ currency: 'CNY', spentMinor: 7750, incomeMinor: 0 }] });
    // Filtered by the receiving account: the transfer is its row there, still no spending.
    expect(billTotals(f.projection, { accountIds: [f.ids.usd] })).toEqual({
      count: 3,
      totals: [{ currency: 'USD', spentMinor: 1234, incomeMinor: 500, netMinor: -734 }],
      months: [
        { month: '2024-03', count: 1, totals: [{ currency: 'USD', spentMinor: 0, incomeMinor: 500, netMinor: 500 }] },
        { month: '2024-02', count: 2, totals: [{ currency: 'USD', spentMinor: 1234, incomeMinor: 0, netMinor: -1234 }] },
      ],
    });
    expect(billTotals(f.projection, { from: '2024-02-01', to: '2024-02-29' }).count).toBe(3);
    expect(billTotals(f.projection, { text: 'nothing like this' })).toEqual({ count: 0, totals: [], months: [] });
  });

  it('deleted lines are rows when shown but never money', () => {
    const f = build();
    f.run({ type: 'voidTransaction', transactionId: f.ids.refund });
    expect(billTotals(f.projection, {}).totals.find((t) => t.currency === 'USD')).toEqual({ currency: 'USD', spentMinor: 1234, incomeMinor: 0, netMinor: -1234 });
    const shown = billTotals(f.projection, { includeVoided: true });
    expect(shown.count).toBe(7);
    expect(shown.months[0]).toEqual({ month: '2024-03', count: 1, totals: [{ currency: 'USD', spentMinor: 0, incomeMinor: 0, netMinor: 0 }] });
  });

  it('month counts match the list row by row, so a month split over pages gets its whole total', () => {
    const f = build();
    for (let day = 1; day <= 28; day++) {
      f.run({ type: 'recordTransaction', kind: 'expense', accountId: f.ids.card, amount: '1.01', currency: 'CNY', date: `2024-02-${String(day).padStart(2, '0')}` });
    }
    const bill = billTotals(f.projection, {});
    const february = bill.months.find((m) => m.month === '2024-02')!;
    expect(february.count).toBe(31);
    expect(february.totals[0]).toEqual({ currency: 'CNY', spentMinor: 300000 + 28 * 101, incomeMinor: 0, netMinor: -(300000 + 28 * 101) });
    // Pages of 4 rows: February runs across eight of them; the per-month counts line up with the rows.
    const months: string[] = [];
    for (let offset = 0; offset < bill.count; offset += 4) months.push(...searchTransactions(f.projection, { offset, limit: 4 }).rows.map((row) => row.date.slice(0, 7)));
    expect(bill.months.flatMap((m) => Array<string>(m.count).fill(m.month))).toEqual(months);
  });
});

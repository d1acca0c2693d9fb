/**
 * Keyset paging (searchTransactionsAfter) reads exactly what OFFSET paging reads, in the same
 * order, for every sort and direction and with filters, including runs of equal sort keys that
 * straddle a page boundary (same date, same amount, same payee: the recording order breaks ties).
 */
import { describe, expect, it } from 'vitest';
import { searchTransactions, searchTransactionsAfter, type TransactionCursor, type TransactionSearch } from '../../electron/ledger/search';
import { makeLedger, requestId } from './support';

function ledgerWithTies() {
  const { ledger, projection } = makeLedger();
  const run = (command: Record<string, unknown>) => ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100000', openedOn: '2024-01-01' }).id;
  const bank = run({ type: 'openAccount', name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '100000', openedOn: '2024-01-01' }).id;
  const voided: string[] = [];
  for (let i = 0; i < 47; i += 1) {
    const id = run({
      type: 'recordTransaction', kind: i % 5 === 0 ? 'income' : 'expense', accountId: i % 3 === 0 ? bank : cash,
      amount: String(10 + (i % 4)), currency: 'CNY', date: `2024-03-0${1 + (i % 3)}`, payee: ['Tea', 'Rice', '星巴克'][i % 3],
    }).id;
    if (i % 11 === 0) voided.push(id);
  }
  for (const id of voided) run({ type: 'voidTransaction', transactionId: id });
  return { projection, cash };
}

describe('keyset paging', () => {
  const { projection, cash } = ledgerWithTies();
  const searches: TransactionSearch[] = [];
  for (const sort of ['date', 'amount', 'payee'] as const) for (const direction of ['asc', 'desc'] as const) searches.push({ sort, direction });
  searches.push({ accountIds: [cash], sort: 'amount' }, { text: 'tea', includeVoided: true }, { kinds: ['expense'], from: '2024-03-02', direction: 'asc' });

  it.each(searches)('matches OFFSET paging for %j', (search) => {
    const expected = searchTransactions(projection, { ...search, limit: 1000 }).rows.map((row) => row.id);
    expect(expected.length).toBeGreaterThan(5);
    const read: string[] = [];
    let after: TransactionCursor | null = null;
    let pages = 0;
    do {
      const page = searchTransactionsAfter(projection, { ...search, limit: 4 }, after);
      read.push(...page.rows.map((row) => row.id));
      after = page.next;
      pages += 1;
    } while (after && pages < 100);
    expect(read).toEqual(expected);
  });
});

/**
 * The list's lean rows (transaction-rows.ts LIST_SELECT: the line and its counterpart, names
 * looked up in JS) are exactly the rows the joined SELECT gives (getTransaction): every field,
 * in the same key order, for expenses, incomes, cross-currency transfer legs, nested and
 * top-level categories, tags, voided lines and reconcile adjustments.
 */
import { describe, expect, it } from 'vitest';
import { getTransaction } from '../../electron/ledger/queries';
import { searchTransactions, searchTransactionsAfter, type TransactionCursor } from '../../electron/ledger/search';
import { makeLedger, requestId } from './support';

function varied() {
  const { ledger, projection } = makeLedger();
  const run = (command: Record<string, unknown>) => ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const usd = run({ type: 'openAccount', name: 'Chase', kind: 'bank', currency: 'USD', openingBalance: '100', openedOn: '2024-01-01' }).id;
  const food = run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
  const coffee = run({ type: 'defineCategory', name: 'Coffee', kind: 'expense', parentId: food }).id;
  const salary = run({ type: 'defineCategory', name: '工资', kind: 'income' }).id;
  run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '32', currency: 'CNY', date: '2024-02-01', payee: 'Latte', categoryId: coffee, tags: ['work', '早餐'], note: 'n' });
  run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '12', currency: 'CNY', date: '2024-02-01', payee: 'Bread', categoryId: food });
  run({ type: 'recordTransaction', kind: 'income', accountId: usd, amount: '50', currency: 'USD', date: '2024-02-02', payee: 'ACME', categoryId: salary });
  const plain = run({ type: 'recordTransaction', kind: 'expense', accountId: usd, amount: '3', currency: 'USD', date: '2024-02-03', payee: 'Gum' }).id;
  run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: usd, amount: '71', currency: 'CNY', toAmount: '10', date: '2024-02-04', note: 'abroad' });
  run({ type: 'voidTransaction', transactionId: plain });
  return projection;
}

describe('lean list rows', () => {
  const projection = varied();

  it('equal the joined rows, field for field and key for key, by OFFSET and by keyset', () => {
    const page = searchTransactions(projection, { includeVoided: true, limit: 1000 });
    expect(page.rows.length).toBe(5);
    expect(page.rows.some((row) => row.transferId && row.counterAccountName === 'Chase' && row.counterCurrency === 'USD')).toBe(true);
    expect(page.rows.some((row) => row.parentCategoryName === 'Food' && row.tags.length === 2)).toBe(true);
    expect(page.rows.some((row) => row.voided)).toBe(true);
    for (const row of page.rows) expect(JSON.stringify(row)).toBe(JSON.stringify(getTransaction(projection, row.id)));
    const read = [];
    let after: TransactionCursor | null = null;
    do {
      const next = searchTransactionsAfter(projection, { includeVoided: true, limit: 2 }, after);
      read.push(...next.rows);
      after = next.next;
    } while (after);
    expect(read).toStrictEqual(page.rows);
  });

  it('a transfer found by its note shows once, as its joined row', () => {
    const usd = searchTransactions(projection, { text: 'abroad' }).rows;
    expect(usd).toHaveLength(1);
    for (const row of usd) expect(row).toStrictEqual(getTransaction(projection, row.id));
  });
});

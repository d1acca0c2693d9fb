/** Payees from history (issue 13): suggestions ranked by use, each with what it was last booked as. */
import { describe, expect, it } from 'vitest';
import { payeeSuggestions } from '../../electron/ledger/payees';
import { makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const card = run({ type: 'openAccount', name: 'Card', kind: 'credit', currency: 'CNY', creditLimit: '5000', openedOn: '2024-01-01' }).id;
  const coffee = run({ type: 'defineCategory', name: 'Coffee', kind: 'expense' }).id;
  const snacks = run({ type: 'defineCategory', name: 'Snacks', kind: 'expense' }).id;
  const refund = run({ type: 'defineCategory', name: 'Refunds', kind: 'income' }).id;
  const line = (kind: string, accountId: string, payee: string, date: string, categoryId: string | null, amount = '10') =>
    run({ type: 'recordTransaction', kind, accountId, amount, currency: 'CNY', date, payee, categoryId }).id;
  return { ...made, run, cash, card, coffee, snacks, refund, line };
}

describe('payee suggestions', () => {
  it('remembers the kind, account and category of each payee’s latest line (by date, then recording order)', () => {
    const f = build();
    f.line('expense', f.cash, '星巴克', '2024-03-01', f.coffee);
    f.line('expense', f.card, '星巴克', '2024-03-05', f.snacks);
    // Recorded later but dated earlier: not the latest.
    f.line('expense', f.cash, '星巴克', '2024-03-02', f.coffee);
    f.line('income', f.card, 'Taobao', '2024-03-03', f.refund);
    expect(payeeSuggestions(f.projection)).toEqual([
      { payee: '星巴克', uses: 3, lastKind: 'expense', lastAccountId: f.card, lastCategoryId: f.snacks, lastDate: '2024-03-05' },
      { payee: 'Taobao', uses: 1, lastKind: 'income', lastAccountId: f.card, lastCategoryId: f.refund, lastDate: '2024-03-03' },
    ]);
  });

  it('matches part of the name (case-insensitively for Latin letters, % and _ literally) and honours the limit', () => {
    const f = build();
    f.line('expense', f.cash, 'Noodle House', '2024-03-01', null);
    f.line('expense', f.cash, 'Noodle Bar', '2024-03-02', null);
    f.line('expense', f.cash, '100% Juice', '2024-03-03', null);
    expect(payeeSuggestions(f.projection, { text: 'noodle' }).map((s) => s.payee)).toEqual(['Noodle Bar', 'Noodle House']);
    expect(payeeSuggestions(f.projection, { text: '0%' }).map((s) => s.payee)).toEqual(['100% Juice']);
    expect(payeeSuggestions(f.projection, { text: '_' })).toEqual([]);
    expect(payeeSuggestions(f.projection, { limit: 1 })).toHaveLength(1);
  });

  it('leaves out voided lines, transfers and empty payees, and follows a category merge', () => {
    const f = build();
    const voided = f.line('expense', f.cash, 'Gone', '2024-03-01', null);
    f.run({ type: 'voidTransaction', transactionId: voided });
    f.run({ type: 'recordTransfer', fromAccountId: f.cash, toAccountId: f.card, amount: '5', currency: 'CNY', date: '2024-03-02', payee: 'Pay card' });
    f.line('expense', f.cash, '', '2024-03-02', null);
    f.line('expense', f.cash, 'Cafe', '2024-03-04', f.snacks);
    f.run({ type: 'mergeCategory', categoryId: f.snacks, intoCategoryId: f.coffee });
    expect(payeeSuggestions(f.projection)).toEqual([
      { payee: 'Cafe', uses: 1, lastKind: 'expense', lastAccountId: f.cash, lastCategoryId: f.coffee, lastDate: '2024-03-04' },
    ]);
  });
});

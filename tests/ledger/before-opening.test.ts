/**
 * A line dated before its account's opening date moves the account's start back to that line:
 * the opening balance counts from the earliest of the opening date and the account's first live
 * line, so net worth never has a month with a line and no opening balance (it went negative).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listAccounts } from '../../electron/ledger/queries';
import { netWorthOverTime } from '../../electron/ledger/reports';
import { makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100', openedOn: '2024-03-01' }).id;
  const bank = run({ type: 'openAccount', name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '500', openedOn: '2024-01-01' }).id;
  const worth = () =>
    netWorthOverTime(made.projection, { fromMonth: '2024-01', toMonth: '2024-03', currency: 'CNY' }).map((point) => [point.month, point.totalMinor]);
  return { ...made, run, cash, bank, worth };
}

describe('lines dated before an account was opened', () => {
  it('an expense: the account counts from that day, so the month is not negative', () => {
    const f = build();
    f.run({ type: 'recordTransaction', kind: 'expense', accountId: f.cash, amount: '30', currency: 'CNY', date: '2024-02-15' });
    expect(f.worth()).toEqual([
      ['2024-01', 50000],
      ['2024-02', 50000 + 10000 - 3000],
      ['2024-03', 50000 + 10000 - 3000],
    ]);
    expect(listAccounts(f.projection).find((a) => a.id === f.cash)).toMatchObject({ openedOn: '2024-02-15', balanceMinor: 7000 });
  });

  it('a transfer into an account before its opening', () => {
    const f = build();
    f.run({ type: 'recordTransfer', fromAccountId: f.bank, toAccountId: f.cash, amount: '10', currency: 'CNY', date: '2024-01-20' });
    expect(f.worth()).toEqual([
      ['2024-01', 50000 + 10000],
      ['2024-02', 60000],
      ['2024-03', 60000],
    ]);
  });

  it('an amendment that moves a line before the opening, and a void that moves it back', () => {
    const f = build();
    const line = f.run({ type: 'recordTransaction', kind: 'expense', accountId: f.cash, amount: '30', currency: 'CNY', date: '2024-03-10' }).id;
    f.run({ type: 'amendTransaction', transactionId: line, date: '2024-01-05' });
    expect(f.worth()).toEqual([
      ['2024-01', 57000],
      ['2024-02', 57000],
      ['2024-03', 57000],
    ]);
    f.run({ type: 'voidTransaction', transactionId: line });
    expect(f.worth()).toEqual([
      ['2024-01', 50000],
      ['2024-02', 50000],
      ['2024-03', 60000],
    ]);
  });

  it('a journal line applied as written (replay of an older build) is treated the same', () => {
    const f = build();
    f.projection.apply(f.sink.events.length + 1, {
      v: 1, eventId: randomUUID(), requestId: 'legacy-1', at: '2024-06-01T00:00:00.000Z',
      type: 'TransactionRecorded', transactionId: randomUUID(), accountId: f.cash, kind: 'expense', amountMinor: -3000,
      currency: 'CNY', categoryId: null, date: '2024-02-10', payee: '', tags: [], note: '', status: 'cleared',
    });
    expect(f.worth()[1]).toEqual(['2024-02', 57000]);
  });
});

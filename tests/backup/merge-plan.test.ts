/** Merge planning on hand-made event lists: transfer legs, voids both ways, reconciliations, subsets. */
import { describe, expect, test } from 'vitest';
import { planMerge, selectEvents } from '../../electron/backup/merge-plan';

let n = 0;
const ev = (type: string, fields: Record<string, unknown>) => ({ v: 1, eventId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, requestId: `r${n}`, at: `2025-03-0${Math.min(9, 1 + (n % 9))}T00:00:00.000Z`, type, ...fields });
const account = (id: string) => ev('AccountOpened', { accountId: id, name: id, kind: 'bank', currency: 'CNY', openingBalanceMinor: 0, creditLimitMinor: 0, openedOn: '2025-01-01' });
const tx = (id: string, accountId: string, date = '2025-03-03') => ev('TransactionRecorded', { transactionId: id, accountId, kind: 'expense', amountMinor: -100, currency: 'CNY', categoryId: null, date, payee: id, tags: [], note: '', status: 'cleared' });
const transfer = (id: string, from: string, to: string) => ev('TransferRecorded', { transferId: id, fromTransactionId: `${id}-out`, toTransactionId: `${id}-in`, fromAccountId: from, toAccountId: to, amountMinor: 500, currency: 'CNY', toAmountMinor: 500, toCurrency: 'CNY', date: '2025-03-04', payee: '', tags: [], note: '', status: 'cleared' });

describe('planMerge', () => {
  const a = account('a');
  const b = account('b');
  const t1 = tx('t1', 'a');
  const x = transfer('x', 'a', 'b');
  const voidLeg = ev('TransactionVoided', { transactionId: 'x-in', reason: '' });
  const rec = ev('Reconciled', { reconciliationId: 'r', accountId: 'a', statementDate: '2025-03-05', statementBalanceMinor: -600, clearedTransactionIds: ['t1', 'x-out'] });
  const backup = [a, b, t1, x, voidLeg, rec];

  test('a transfer is one item; a void of one leg makes it come back voided; the reconciliation rides along', () => {
    const plan = planMerge(backup, []);
    expect(plan).toMatchObject({ missingTransactions: 2, missingAccounts: 2, missingEvents: 6, since: '2025-03-03' });
    expect(plan.items.find((item) => item.id === 'transfer:x')).toMatchObject({ kind: 'transfer', voided: true, amountMinor: -500 });
    expect(selectEvents(plan).map((e) => e.eventId)).toEqual(backup.map((e) => e.eventId));
  });

  test('picking only the transfer brings both accounts but not t1 nor the reconciliation that needs t1', () => {
    const plan = planMerge(backup, []);
    expect(selectEvents(plan, ['transfer:x']).map((e) => e.type)).toEqual(['AccountOpened', 'AccountOpened', 'TransferRecorded', 'TransactionVoided']);
  });

  test('the wallet having the transfer (even un-voided or voided differently) means nothing about it is missing', () => {
    const restoreLeg = ev('TransactionRestored', { transactionId: 'x-out' });
    const plan = planMerge([...backup, restoreLeg], [a, b, x]);
    expect(plan.items.map((item) => item.id)).toEqual(['transaction:t1']);
    // The void and the restore of the wallet's transfer are skipped; the reconciliation would
    // change the wallet's transfer, so it is skipped too.
    expect(plan.skippedEvents).toBe(3);
    expect(selectEvents(plan).map((e) => e.type)).toEqual(['TransactionRecorded']);
  });

  test('an exchange rate only the backup has rides along; a pair the wallet has set stays as the wallet has it', () => {
    const usd = ev('ExchangeRateSet', { currency: 'USD', base: 'CNY', rate: '7.1' });
    const usdLater = ev('ExchangeRateSet', { currency: 'USD', base: 'CNY', rate: '7.2' });
    const eur = ev('ExchangeRateSet', { currency: 'EUR', base: 'CNY', rate: '7.8' });
    const walletUsd = ev('ExchangeRateSet', { currency: 'USD', base: 'CNY', rate: '7.3' });
    const plan = planMerge([a, t1, usd, usdLater, eur], [a, walletUsd]);
    expect(plan.unknownEvents).toBe(0);
    expect(plan.skippedEvents).toBe(2);
    expect(plan.items.map((item) => item.id)).toEqual(['transaction:t1']);
    expect(selectEvents(plan).map((e) => e.eventId)).toEqual([t1.eventId, eur.eventId]);
    expect(selectEvents(plan, []).map((e) => e.eventId)).toEqual([eur.eventId]);
  });

  test('same eventId already in the wallet: never again; unknown payloads are counted, not applied', () => {
    const plan = planMerge([...backup, { foo: 1 }, ev('FutureThing', {})], backup);
    expect(plan).toMatchObject({ missingEvents: 0, unknownEvents: 2, items: [] });
  });
});

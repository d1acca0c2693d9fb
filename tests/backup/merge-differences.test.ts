/** What the wallet changed after a backup was taken, from the two event lists (hand-made events). */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { walletChangesSince } from '../../electron/backup/merge-differences';
import { planMerge } from '../../electron/backup/merge-plan';
import { propertyParams } from '../vault/support/rng';

let n = 0;
const ev = (type: string, fields: Record<string, unknown>, at = '2025-03-01T00:00:00.000Z') => ({ v: 1, eventId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, requestId: `r${n}`, at, type, ...fields });
const account = (id: string) => ev('AccountOpened', { accountId: id, name: id, kind: 'bank', currency: 'CNY', openingBalanceMinor: 0, creditLimitMinor: 0, openedOn: '2025-01-01' });
const tx = (id: string, accountId: string, amountMinor: number, at?: string) =>
  ev('TransactionRecorded', { transactionId: id, accountId, kind: 'expense', amountMinor, currency: 'CNY', categoryId: null, date: '2025-03-03', payee: `payee ${id}`, tags: [], note: '', status: 'cleared' }, at);
const transfer = (id: string, from: string, to: string) =>
  ev('TransferRecorded', { transferId: id, fromTransactionId: `${id}-out`, toTransactionId: `${id}-in`, fromAccountId: from, toAccountId: to, amountMinor: 500, currency: 'CNY', toAmountMinor: 500, toCurrency: 'CNY', date: '2025-03-04', payee: '', tags: [], note: '', status: 'cleared' });

describe('walletChangesSince', () => {
  const a = account('a');
  const b = account('b');
  const t1 = tx('t1', 'a', -100);
  const t2 = tx('t2', 'a', -200);
  const t3 = tx('t3', 'a', -300);
  const x = transfer('x', 'a', 'b');
  const backup = [a, b, t1, t2, t3, x];

  test('a transaction voided in the wallet after the backup: the merge brings nothing back, but the preview says what differs', () => {
    const voided = ev('TransactionVoided', { transactionId: 't1', reason: '' }, '2025-03-10T00:00:00.000Z');
    const wallet = [...backup, voided];
    expect(planMerge(backup, wallet).items).toEqual([]);
    const changes = walletChangesSince(backup, wallet);
    expect(changes.voided.map((item) => item.label)).toEqual(['payee t1']);
    expect(changes.voided[0]).toMatchObject({ id: 'transaction:t1', amountMinor: -100, currency: 'CNY', date: '2025-03-03', at: '2025-03-10T00:00:00.000Z' });
    expect(changes.amended).toEqual([]);
    expect(changes.recorded).toEqual([]);
  });

  test('amended and voided-leg transfers, restored lines and lines recorded after the backup, newest first', () => {
    const backupWithVoid = [...backup, ev('TransactionVoided', { transactionId: 't3', reason: '' })];
    const wallet = [
      ...backupWithVoid,
      ev('TransactionAmended', { transactionId: 't2', changes: { amountMinor: -250 } }, '2025-03-11T00:00:00.000Z'),
      ev('TransactionVoided', { transactionId: 'x-in', reason: '' }, '2025-03-12T00:00:00.000Z'),
      ev('TransactionRestored', { transactionId: 't3' }, '2025-03-13T00:00:00.000Z'),
      ev('TransactionStatusChanged', { transactionId: 't1', status: 'pending' }, '2025-03-14T00:00:00.000Z'),
      tx('t4', 'a', -400, '2025-03-15T00:00:00.000Z'),
      tx('t5', 'a', -500, '2025-03-16T00:00:00.000Z'),
    ];
    const changes = walletChangesSince(backupWithVoid, wallet);
    expect(changes.amended.map((item) => [item.id, item.amountMinor])).toEqual([['transaction:t2', -250]]);
    expect(changes.voided.map((item) => [item.id, item.kind, item.amountMinor])).toEqual([['transfer:x', 'transfer', -500]]);
    expect(changes.restored.map((item) => item.id)).toEqual(['transaction:t3']);
    expect(changes.recorded.map((item) => item.id)).toEqual(['transaction:t5', 'transaction:t4']);
  });

  test('the same journal on both sides differs in nothing', () => {
    expect(walletChangesSince(backup, backup)).toEqual({ recorded: [], voided: [], amended: [], restored: [] });
  });
});

describe('walletChangesSince over a shared history', () => {
  // Random journals that share a prefix and then part: folding the shared part once (and only the
  // tails on top of it) reports exactly what folding both lists in full reports.
  const ids = ['t1', 't2', 't3', 't4', 't5', 'x-out', 'x-in'];
  const step = fc.oneof(
    fc.record({ op: fc.constant('record' as const), id: fc.constantFrom('t1', 't2', 't3', 't4', 't5'), amount: fc.integer({ min: -900, max: -1 }) }),
    fc.record({ op: fc.constantFrom('void' as const, 'restore' as const, 'status' as const), id: fc.constantFrom(...ids) }),
    fc.record({ op: fc.constant('amend' as const), id: fc.constantFrom(...ids), amount: fc.option(fc.integer({ min: -900, max: -1 })), date: fc.option(fc.constantFrom('2025-04-01', '2025-05-01')) }),
  );
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
  let minute = 0;
  const toEvent = (s: Step) => {
    const at = new Date(Date.UTC(2025, 2, 20, 0, ++minute)).toISOString();
    if (s.op === 'record') return tx(s.id, 'a', s.amount, at);
    if (s.op === 'void') return ev('TransactionVoided', { transactionId: s.id, reason: '' }, at);
    if (s.op === 'restore') return ev('TransactionRestored', { transactionId: s.id }, at);
    if (s.op === 'status') return ev('TransactionStatusChanged', { transactionId: s.id, status: 'pending' }, at);
    if (s.op !== 'amend') throw new Error('unreachable');
    return ev('TransactionAmended', { transactionId: s.id, changes: { ...(s.amount !== null ? { amountMinor: s.amount } : {}), ...(s.date !== null ? { date: s.date } : {}) } }, at);
  };

  test('equals the fold of both lists in full, for every length of the shared prefix', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.array(step, { maxLength: 12 }), fc.array(step, { maxLength: 12 }), (common, backupTail, walletTail) => {
        const shared = [account('a'), account('b'), transfer('x', 'a', 'b'), ...common.map(toEvent)];
        const backup = [...shared, ...backupTail.map(toEvent)];
        const wallet = [...shared, ...walletTail.map(toEvent)];
        const full = walletChangesSince(backup, wallet);
        for (let prefix = 0; prefix <= shared.length; prefix += 1) expect(walletChangesSince(backup, wallet, prefix)).toEqual(full);
      }),
      propertyParams('merge differences over a shared prefix'),
    );
  });
});

/**
 * A transfer is reconciled per leg, but amending or deleting it changes both legs: once either leg
 * is reconciled the whole transfer is locked, and the refusal names the locked leg (account and
 * currency) so the other leg's user knows why (issue #13: "That transaction is reconciled" on the
 * USD leg of a transfer whose CNY leg was reconciled).
 */
import { describe, expect, it } from 'vitest';
import { getTransaction } from '../../electron/ledger/queries';
import { domainError, makeLedger, requestId } from './support';

function crossCurrencyTransfer() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cny = run({ type: 'openAccount', name: 'ICBC', kind: 'bank', currency: 'CNY', openingBalance: '10000', openedOn: '2024-01-01' }).id;
  const usd = run({ type: 'openAccount', name: 'Chase', kind: 'bank', currency: 'USD', openingBalance: '0', openedOn: '2024-01-01' }).id;
  const transferId = run({ type: 'recordTransfer', fromAccountId: cny, toAccountId: usd, amount: '710', toAmount: '100', currency: 'CNY', date: '2024-06-10' }).id;
  const [cnyLeg, usdLeg] = made.projection.transferLegs(transferId);
  // The CNY side is matched against the bank statement.
  run({ type: 'reconcile', accountId: cny, statementDate: '2024-06-30', statementBalance: '9290', clearedTransactionIds: [cnyLeg!.id] });
  return { ...made, run, cny, usd, cnyLeg: cnyLeg!, usdLeg: usdLeg! };
}

describe('a transfer with one reconciled leg', () => {
  it('refuses an amendment from the other leg, naming the reconciled leg’s account and currency', () => {
    const f = crossCurrencyTransfer();
    for (const command of [
      { type: 'amendTransaction', transactionId: f.usdLeg.id, toAmount: '101' },
      { type: 'amendTransaction', transactionId: f.usdLeg.id, payee: 'FX' },
      { type: 'voidTransaction', transactionId: f.usdLeg.id },
    ]) {
      const error = domainError(() => f.run(command));
      expect(error).toMatchObject({ code: 'rejected', messageKey: 'errors.transfer_leg_reconciled', params: { account: 'ICBC', currency: 'CNY' } });
    }
    expect(f.sink.events.filter(({ payload }) => payload.type === 'TransactionAmended' || payload.type === 'TransactionVoided')).toEqual([]);
  });

  it('the reconciled leg itself says the same; the other leg’s own status may still change', () => {
    const f = crossCurrencyTransfer();
    expect(domainError(() => f.run({ type: 'amendTransaction', transactionId: f.cnyLeg.id, payee: 'FX' })).params).toEqual({ account: 'ICBC', currency: 'CNY' });
    // A status is per leg (the USD statement has not come yet).
    f.run({ type: 'setTransactionStatus', transactionId: f.usdLeg.id, status: 'pending' });
    expect(getTransaction(f.projection, f.usdLeg.id)).toMatchObject({ status: 'pending', counterStatus: 'reconciled' });
    expect(getTransaction(f.projection, f.cnyLeg.id)).toMatchObject({ status: 'reconciled', counterStatus: 'pending' });
  });
});

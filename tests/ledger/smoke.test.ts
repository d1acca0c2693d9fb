import { describe, expect, it } from 'vitest';
import { makeLedger, requestId } from './support';

describe('smoke', () => {
  it('opens, spends, transfers', () => {
    const { ledger, projection, sink } = makeLedger();
    const cash = ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' });
    const bank = ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Bank', kind: 'bank', currency: 'USD' });
    ledger.execute({ type: 'recordTransaction', requestId: requestId(), kind: 'expense', accountId: cash.id, amount: '12.5', currency: 'CNY', date: '2024-06-01' });
    ledger.execute({ type: 'recordTransfer', requestId: requestId(), fromAccountId: cash.id, toAccountId: bank.id, amount: '71', currency: 'CNY', toAmount: '10', date: '2024-06-02' });
    expect(projection.balance(cash.id)).toBe(10000 - 1250 - 7100);
    expect(projection.balance(bank.id)).toBe(1000);
    expect(sink.events.length).toBe(4);
    expect(projection.digest()).toMatch(/^[0-9a-f]{64}$/);
  });
});

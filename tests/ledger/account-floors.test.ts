/**
 * One floor per account, for openings too: the balance may not start (or be left by a lower limit)
 * below −credit limit / overdraft — the same rule that refuses spending below it. Ledger and CLI.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../vault/support/helpers';
import { makeLedger, requestId } from './support';

describe('account floors', () => {
  it('a cash, bank, e-wallet or savings account without overdraft cannot open below 0', async () => {
    const { ledger, sink } = makeLedger();
    for (const kind of ['cash', 'bank', 'ewallet', 'savings', 'credit'] as const) {
      const error = await errorOf(() => ledger.execute({ type: 'openAccount', requestId: requestId(), name: `A ${kind}`, kind, currency: 'CNY', openingBalance: '-500' }));
      expect(error).toMatchObject({ code: 'rejected', messageKey: 'errors.opening_below_floor', params: { account: `A ${kind}`, floor: '0.00', opening: '-500.00', currency: 'CNY' } });
    }
    expect(sink.events).toHaveLength(0);
  });

  it('an account may open in debt down to its credit limit or overdraft, not further', async () => {
    const { ledger } = makeLedger();
    ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Card', kind: 'credit', currency: 'CNY', openingBalance: '-300', creditLimit: '1000' });
    ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Overdrawn', kind: 'bank', currency: 'CNY', openingBalance: '-50', creditLimit: '50' });
    const over = await errorOf(() => ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Card 2', kind: 'credit', currency: 'CNY', openingBalance: '-1000.01', creditLimit: '1000' }));
    expect(over).toMatchObject({ messageKey: 'errors.opening_below_floor', params: { floor: '-1000.00' } });
  });

  it('a limit cannot be lowered below what the account already owes', async () => {
    const { ledger, projection } = makeLedger();
    const { id } = ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Card', kind: 'credit', currency: 'CNY', openingBalance: '-300', creditLimit: '1000' });
    const lower = await errorOf(() => ledger.execute({ type: 'updateAccount', requestId: requestId(), accountId: id, creditLimit: '299.99' }));
    expect(lower).toMatchObject({ code: 'rejected', messageKey: 'errors.limit_below_debt', params: { account: 'Card', owed: '300.00', currency: 'CNY' } });
    ledger.execute({ type: 'updateAccount', requestId: requestId(), accountId: id, creditLimit: '300' });
    expect(projection.account(id)?.creditLimitMinor).toBe(30000);
  });
});

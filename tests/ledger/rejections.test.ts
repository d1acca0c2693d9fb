/**
 * Every rule violation: the right code and translation key, nothing appended to the journal and
 * the projection unchanged (same digest).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMA_VERSION, LedgerEvent } from '../../electron/ledger/events';
import { domainError, makeLedger, requestId } from './support';
import type { ErrorCode } from '../../shared/errors';

type Fixture = ReturnType<typeof build>;

function build() {
  const { ledger, projection, sink } = makeLedger();
  const run = (command: Record<string, unknown>) => ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' }).id;
  const card = run({ type: 'openAccount', name: 'Card', kind: 'credit', currency: 'CNY', creditLimit: '500' }).id;
  const overdraft = run({ type: 'openAccount', name: 'Checking', kind: 'bank', currency: 'CNY', creditLimit: '50' }).id;
  const usd = run({ type: 'openAccount', name: 'USD', kind: 'bank', currency: 'USD', openingBalance: '10' }).id;
  const frozen = run({ type: 'openAccount', name: 'Frozen', kind: 'ewallet', currency: 'CNY', openingBalance: '10' }).id;
  run({ type: 'freezeAccount', accountId: frozen, reason: 'lost phone' });
  const closed = run({ type: 'openAccount', name: 'Old', kind: 'savings', currency: 'CNY' }).id;
  run({ type: 'closeAccount', accountId: closed });
  const food = run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
  const groceries = run({ type: 'defineCategory', name: 'Groceries', kind: 'expense', parentId: food }).id;
  const salary = run({ type: 'defineCategory', name: 'Salary', kind: 'income' }).id;
  const lunch = run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '20', currency: 'CNY', date: '2024-06-01', categoryId: food }).id;
  const locked = run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '10', currency: 'CNY', date: '2024-06-02' }).id;
  run({ type: 'reconcile', accountId: cash, statementDate: '2024-06-05', statementBalance: '90', clearedTransactionIds: [locked] });
  const deleted = run({ type: 'recordTransaction', kind: 'income', accountId: cash, amount: '5', currency: 'CNY', date: '2024-06-03' }).id;
  run({ type: 'voidTransaction', transactionId: deleted });
  const transfer = run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: card, amount: '10', currency: 'CNY', date: '2024-06-04' }).id;
  const transferLeg = projection.transferLegs(transfer)[0]!.id;
  return { ledger, projection, sink, run, ids: { cash, card, overdraft, usd, frozen, closed, food, groceries, salary, lunch, locked, deleted, transferLeg } };
}

let f: Fixture;
beforeEach(() => {
  f = build();
});

function expectRejected(command: Record<string, unknown>, code: ErrorCode, key: string) {
  const digest = f.projection.digest();
  const events = f.sink.events.length;
  const calls = f.sink.appendCalls;
  const error = domainError(() => f.ledger.execute({ requestId: requestId(), ...command }));
  expect(error.code).toBe(code);
  expect(error.messageKey).toBe(key);
  expect(f.sink.events.length).toBe(events);
  expect(f.sink.appendCalls).toBe(calls);
  expect(f.projection.digest()).toBe(digest);
  return error;
}

const spend = (accountId: string, amount: string, extra: Record<string, unknown> = {}) => ({
  type: 'recordTransaction',
  kind: 'expense',
  accountId,
  amount,
  currency: 'CNY',
  date: '2024-06-10',
  ...extra,
});

describe('rejections leave no trace', () => {
  it('sanity: the fixture holds what the tests assume', () => {
    expect(f.projection.balance(f.ids.cash)).toBe(10000 - 2000 - 1000 - 1000);
    expect(f.projection.transaction(f.ids.locked)?.status).toBe('reconciled');
  });

  it('frozen account', () => {
    const error = expectRejected(spend(f.ids.frozen, '1'), 'rejected', 'errors.account_frozen');
    expect(error.params).toEqual({ account: 'Frozen' });
    expectRejected({ type: 'recordTransfer', fromAccountId: f.ids.cash, toAccountId: f.ids.frozen, amount: '1', currency: 'CNY', date: '2024-06-10' }, 'rejected', 'errors.account_frozen');
    expectRejected({ type: 'freezeAccount', accountId: f.ids.frozen }, 'rejected', 'errors.account_already_frozen');
    expectRejected({ type: 'closeAccount', accountId: f.ids.frozen }, 'rejected', 'errors.account_frozen');
  });

  it('closed account', () => {
    expectRejected(spend(f.ids.closed, '1'), 'rejected', 'errors.account_closed');
    expectRejected({ type: 'freezeAccount', accountId: f.ids.closed }, 'rejected', 'errors.account_closed');
    expectRejected({ type: 'updateAccount', accountId: f.ids.closed, name: 'New' }, 'rejected', 'errors.account_closed');
    expectRejected({ type: 'closeAccount', accountId: f.ids.closed }, 'rejected', 'errors.account_closed');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.lunch, accountId: f.ids.closed }, 'rejected', 'errors.account_closed');
  });

  it('closing an account that still holds money', () => {
    const error = expectRejected({ type: 'closeAccount', accountId: f.ids.cash }, 'rejected', 'errors.account_not_empty');
    expect(error.params).toMatchObject({ balance: '60.00', currency: 'CNY' });
  });

  it('insufficient funds without overdraft', () => {
    const error = expectRejected(spend(f.ids.cash, '60.01'), 'rejected', 'errors.insufficient_funds');
    expect(error.params).toEqual({ account: 'Cash', available: '60.00', currency: 'CNY' });
    expectRejected({ type: 'recordTransfer', fromAccountId: f.ids.cash, toAccountId: f.ids.card, amount: '61', currency: 'CNY', date: '2024-06-10' }, 'rejected', 'errors.insufficient_funds');
    // Exactly down to zero is fine.
    f.run(spend(f.ids.cash, '60'));
    expect(f.projection.balance(f.ids.cash)).toBe(0);
  });

  it('credit limit and overdraft', () => {
    f.run(spend(f.ids.card, '490')); // 10 already transferred in: balance −480
    expect(f.projection.balance(f.ids.card)).toBe(-48000);
    expectRejected(spend(f.ids.card, '20.01'), 'rejected', 'errors.insufficient_funds');
    f.run(spend(f.ids.card, '20'));
    f.run(spend(f.ids.overdraft, '50'));
    expectRejected(spend(f.ids.overdraft, '0.01'), 'rejected', 'errors.insufficient_funds');
  });

  it('money paid into an account already below its floor is accepted (a journal written before openings were checked)', () => {
    // Openings and limit changes are now held to the floor, but older journals may hold an account
    // opened in debt with no overdraft; their events replay as written. −300 is below the floor of 0.
    const legacy = LedgerEvent.parse({
      v: EVENT_SCHEMA_VERSION,
      eventId: randomUUID(),
      requestId: requestId(),
      at: '2024-06-01T08:00:00.000Z',
      type: 'AccountOpened',
      accountId: randomUUID(),
      name: 'Loan',
      kind: 'bank',
      currency: 'CNY',
      openingBalanceMinor: -30_000,
      creditLimitMinor: 0,
      openedOn: '2024-06-01',
    });
    f.projection.apply(f.sink.append([legacy])[0]!.seq, legacy);
    const loan = legacy.type === 'AccountOpened' ? legacy.accountId : '';
    f.run({ type: 'recordTransaction', kind: 'income', accountId: loan, amount: '50', currency: 'CNY', date: '2024-06-10' });
    expect(f.projection.balance(loan)).toBe(-25_000);
    f.run({ type: 'recordTransfer', fromAccountId: f.ids.cash, toAccountId: loan, amount: '30', currency: 'CNY', date: '2024-06-10' });
    expect(f.projection.balance(loan)).toBe(-22_000);
    // Spending from it is still refused: it stays below its floor.
    expectRejected(spend(loan, '0.01'), 'rejected', 'errors.insufficient_funds');
  });

  it('changes that lower a balance are checked too (amend, void an income, move, restore an expense)', () => {
    const salary = f.run({ type: 'recordTransaction', kind: 'income', accountId: f.ids.cash, amount: '100', currency: 'CNY', date: '2024-06-10', categoryId: f.ids.salary }).id;
    f.run(spend(f.ids.cash, '150'));
    expectRejected({ type: 'voidTransaction', transactionId: salary }, 'rejected', 'errors.insufficient_funds');
    expectRejected({ type: 'amendTransaction', transactionId: salary, amount: '89.99' }, 'rejected', 'errors.insufficient_funds');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.lunch, amount: '30.01' }, 'rejected', 'errors.insufficient_funds');
    const usdSpend = f.run(spend(f.ids.usd, '10', { currency: 'USD' })).id;
    f.run({ type: 'voidTransaction', transactionId: usdSpend });
    f.run({ type: 'recordTransaction', kind: 'expense', accountId: f.ids.usd, amount: '1', currency: 'USD', date: '2024-06-10' });
    expectRejected({ type: 'restoreTransaction', transactionId: usdSpend }, 'rejected', 'errors.insufficient_funds');
  });

  it('currency mismatch', () => {
    const error = expectRejected(spend(f.ids.cash, '1', { currency: 'USD' }), 'rejected', 'errors.currency_mismatch');
    expect(error.params).toEqual({ account: 'Cash', expected: 'CNY', actual: 'USD' });
    expectRejected({ type: 'recordTransfer', fromAccountId: f.ids.cash, toAccountId: f.ids.usd, amount: '1', currency: 'USD', toAmount: '1', date: '2024-06-10' }, 'rejected', 'errors.currency_mismatch');
    expectRejected({ type: 'recordTransfer', fromAccountId: f.ids.cash, toAccountId: f.ids.usd, amount: '1', currency: 'CNY', toAmount: '1', toCurrency: 'CNY', date: '2024-06-10' }, 'rejected', 'errors.currency_mismatch');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.lunch, accountId: f.ids.usd }, 'rejected', 'errors.currency_mismatch');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.lunch, amount: '1', currency: 'JPY' }, 'rejected', 'errors.currency_mismatch');
  });

  it('zero, negative, over-precise and malformed amounts', () => {
    expectRejected(spend(f.ids.cash, '0'), 'rejected', 'errors.amount_zero');
    expectRejected(spend(f.ids.cash, '0.00'), 'rejected', 'errors.amount_zero');
    expectRejected(spend(f.ids.cash, '-5'), 'rejected', 'errors.amount_negative');
    const error = expectRejected(spend(f.ids.cash, '0.001'), 'rejected', 'errors.amount_precision');
    expect(error.params).toEqual({ currency: 'CNY', decimals: 2 });
    expectRejected({ type: 'recordTransaction', kind: 'income', accountId: f.ids.usd, amount: '1.005', currency: 'USD', date: '2024-06-10' }, 'rejected', 'errors.amount_precision');
    expectRejected(spend(f.ids.cash, '12abc'), 'invalid_input', 'errors.amount_invalid');
    expectRejected(spend(f.ids.cash, '99999999999999999'), 'rejected', 'errors.amount_too_large');
    expectRejected({ type: 'openAccount', name: 'Yen', kind: 'cash', currency: 'JPY', openingBalance: '0.5' }, 'rejected', 'errors.amount_precision');
    expectRejected({ type: 'recordTransfer', fromAccountId: f.ids.cash, toAccountId: f.ids.usd, amount: '7', currency: 'CNY', toAmount: '0', date: '2024-06-10' }, 'rejected', 'errors.amount_zero');
  });

  it('dates out of range or not dates', () => {
    const error = expectRejected(spend(f.ids.cash, '1', { date: '1969-12-31' }), 'rejected', 'errors.date_out_of_range');
    expect(error.params).toEqual({ date: '1969-12-31', min: '1970-01-01', max: '2100-12-31' });
    expectRejected(spend(f.ids.cash, '1', { date: '2101-01-01' }), 'rejected', 'errors.date_out_of_range');
    expectRejected(spend(f.ids.cash, '1', { date: '2023-02-29' }), 'invalid_input', 'errors.date_invalid');
    expectRejected(spend(f.ids.cash, '1', { date: '2024/06/01' }), 'invalid_input', 'errors.date_invalid');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.lunch, date: '1900-01-01' }, 'rejected', 'errors.date_out_of_range');
    expectRejected({ type: 'openAccount', name: 'X', kind: 'cash', currency: 'CNY', openedOn: '2200-01-01' }, 'rejected', 'errors.date_out_of_range');
    expectRejected({ type: 'setBudget', categoryId: f.ids.food, month: '2024-13', amount: '1', currency: 'CNY' }, 'invalid_input', 'errors.month_invalid');
  });

  it('reconciled transactions are locked', () => {
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.locked, payee: 'x' }, 'rejected', 'errors.reconciled_locked');
    expectRejected({ type: 'voidTransaction', transactionId: f.ids.locked }, 'rejected', 'errors.reconciled_locked');
    expectRejected({ type: 'setTransactionStatus', transactionId: f.ids.locked, status: 'pending' }, 'rejected', 'errors.reconciled_locked');
    expectRejected({ type: 'reconcile', accountId: f.ids.cash, statementDate: '2024-06-30', statementBalance: '80', clearedTransactionIds: [f.ids.locked] }, 'rejected', 'errors.reconciled_locked');
  });

  it('a transfer whose other leg is reconciled is locked as a whole', () => {
    const [outgoing, incoming] = f.projection.transferLegs(f.projection.transaction(f.ids.transferLeg)!.transferId!);
    const cardBalance = f.projection.balance(f.ids.card);
    f.run({ type: 'reconcile', accountId: f.ids.card, statementDate: '2024-06-30', statementBalance: (cardBalance / 100).toFixed(2), clearedTransactionIds: [incoming!.id] });
    expectRejected({ type: 'voidTransaction', transactionId: outgoing!.id }, 'rejected', 'errors.transfer_leg_reconciled');
    expectRejected({ type: 'amendTransaction', transactionId: outgoing!.id, amount: '5' }, 'rejected', 'errors.transfer_leg_reconciled');
  });

  it('transfers: same account, missing received amount, unequal same-currency amounts', () => {
    const transfer = { type: 'recordTransfer', amount: '1', currency: 'CNY', date: '2024-06-10' };
    expectRejected({ ...transfer, fromAccountId: f.ids.cash, toAccountId: f.ids.cash }, 'rejected', 'errors.transfer_same_account');
    const error = expectRejected({ ...transfer, fromAccountId: f.ids.cash, toAccountId: f.ids.usd }, 'rejected', 'errors.transfer_to_amount_required');
    expect(error.params).toEqual({ currency: 'USD' });
    expectRejected({ ...transfer, fromAccountId: f.ids.cash, toAccountId: f.ids.card, toAmount: '2' }, 'rejected', 'errors.transfer_amounts_differ');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.transferLeg, accountId: f.ids.overdraft }, 'rejected', 'errors.transfer_account_change');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.transferLeg, categoryId: f.ids.food }, 'rejected', 'errors.transfer_category');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.transferLeg, amount: '3', toAmount: '4' }, 'rejected', 'errors.transfer_amounts_differ');
  });

  it('unknown accounts, transactions and categories', () => {
    expectRejected(spend('nope', '1'), 'not_found', 'errors.account_not_found');
    expectRejected({ type: 'voidTransaction', transactionId: 'nope' }, 'not_found', 'errors.transaction_not_found');
    expectRejected(spend(f.ids.cash, '1', { categoryId: 'nope' }), 'not_found', 'errors.category_not_found');
    expectRejected({ type: 'setBudget', categoryId: 'nope', month: '2024-06', amount: '1', currency: 'CNY' }, 'not_found', 'errors.category_not_found');
    expectRejected({ type: 'defineCategory', categoryId: 'nope', name: 'X', kind: 'expense' }, 'not_found', 'errors.category_not_found');
  });

  it('category rules', () => {
    expectRejected(spend(f.ids.cash, '1', { categoryId: f.ids.salary }), 'rejected', 'errors.category_kind_mismatch');
    expectRejected({ type: 'defineCategory', name: 'food', kind: 'expense' }, 'already_exists', 'errors.category_exists');
    expectRejected({ type: 'defineCategory', name: 'Deep', kind: 'expense', parentId: f.ids.groceries }, 'rejected', 'errors.category_too_deep');
    expectRejected({ type: 'defineCategory', categoryId: f.ids.food, name: 'Food', kind: 'expense', parentId: f.ids.food }, 'rejected', 'errors.category_too_deep');
    expectRejected({ type: 'defineCategory', name: 'Bonus', kind: 'income', parentId: f.ids.food }, 'rejected', 'errors.category_kind_mismatch');
    expectRejected({ type: 'defineCategory', categoryId: f.ids.food, name: 'Food', kind: 'income' }, 'rejected', 'errors.category_kind_change');
    expectRejected({ type: 'setBudget', categoryId: f.ids.salary, month: '2024-06', amount: '1', currency: 'CNY' }, 'rejected', 'errors.category_kind_mismatch');
  });

  it('account rules', () => {
    expectRejected({ type: 'openAccount', name: 'cash', kind: 'cash', currency: 'CNY' }, 'already_exists', 'errors.account_exists');
    expectRejected({ type: 'openAccount', name: '  ', kind: 'cash', currency: 'CNY' }, 'invalid_input', 'errors.name_required');
    expectRejected({ type: 'openAccount', name: 'X', kind: 'cash', currency: 'ABC' }, 'invalid_input', 'errors.currency_unknown');
    expectRejected({ type: 'openAccount', name: 'X', kind: 'credit', currency: 'CNY', creditLimit: '-1' }, 'rejected', 'errors.amount_negative');
    expectRejected({ type: 'unfreezeAccount', accountId: f.ids.cash }, 'rejected', 'errors.account_not_frozen');
    expectRejected({ type: 'updateAccount', accountId: f.ids.cash, name: 'Card' }, 'already_exists', 'errors.account_exists');
    expectRejected({ type: 'updateAccount', accountId: f.ids.cash, name: 'Cash' }, 'invalid_input', 'errors.nothing_to_change');
  });

  it('voided and not-voided transactions', () => {
    expectRejected({ type: 'voidTransaction', transactionId: f.ids.deleted }, 'rejected', 'errors.transaction_voided');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.deleted, payee: 'x' }, 'rejected', 'errors.transaction_voided');
    expectRejected({ type: 'restoreTransaction', transactionId: f.ids.lunch }, 'rejected', 'errors.transaction_not_voided');
    expectRejected({ type: 'amendTransaction', transactionId: f.ids.lunch, amount: '20' }, 'invalid_input', 'errors.nothing_to_change');
  });

  it('reconciliation rules', () => {
    const finish = { type: 'reconcile', accountId: f.ids.cash, statementDate: '2024-06-30' };
    // Cleared: 100 opening − 10 reconciled before − 20 ticked now = 70; the statement says 71.
    const error = expectRejected({ ...finish, statementBalance: '71', clearedTransactionIds: [f.ids.lunch] }, 'rejected', 'errors.reconcile_difference');
    expect(error.params).toEqual({ difference: '1.00', currency: 'CNY' });
    expectRejected({ ...finish, statementBalance: '70', clearedTransactionIds: [f.ids.deleted] }, 'rejected', 'errors.transaction_voided');
    expectRejected({ ...finish, statementDate: '2024-05-31', statementBalance: '70', clearedTransactionIds: [f.ids.lunch] }, 'rejected', 'errors.reconcile_after_statement');
    const usdSpend = f.run(spend(f.ids.usd, '1', { currency: 'USD' })).id;
    expectRejected({ ...finish, statementBalance: '70', clearedTransactionIds: [usdSpend] }, 'rejected', 'errors.reconcile_wrong_account');
  });

  it('malformed commands are invalid input', () => {
    expectRejected({ type: 'launchRocket' }, 'invalid_input', 'errors.invalid_input');
    expectRejected({ ...spend(f.ids.cash, '1'), extra: true }, 'invalid_input', 'errors.invalid_input');
    expectRejected({ ...spend(f.ids.cash, '1'), amount: 12.5 }, 'invalid_input', 'errors.invalid_input');
    const digest = f.projection.digest();
    expect(domainError(() => f.ledger.execute({ type: 'closeAccount', accountId: f.ids.cash })).code).toBe('invalid_input');
    expect(f.projection.digest()).toBe(digest);
  });
});

/**
 * A person made one transfer: the transactions list, its count and its pages show it once (by
 * its outgoing leg, or by the leg the filter picked when only one side matches), with the other
 * side's amount for a cross-currency transfer. The register still shows each account's own leg.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { register } from '../../electron/ledger/queries';
import { searchTransactions } from '../../electron/ledger/search';
import { makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const usd = run({ type: 'openAccount', name: 'Chase', kind: 'bank', currency: 'USD', openingBalance: '100', openedOn: '2024-01-01' }).id;
  const bank = run({ type: 'openAccount', name: 'ICBC', kind: 'bank', currency: 'CNY', openingBalance: '5000', openedOn: '2024-01-01' }).id;
  const lunch = run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '45.5', currency: 'CNY', date: '2024-02-03', payee: 'Noodle House' }).id;
  const abroad = run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: usd, amount: '710', currency: 'CNY', toAmount: '100', date: '2024-02-05', note: 'to US' }).id;
  const topUp = run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: cash, amount: '200', currency: 'CNY', date: '2024-02-06' }).id;
  return { ...made, run, ids: { cash, usd, bank, lunch, abroad, topUp } };
}

describe('one row per transfer', () => {
  it('lists and counts a transfer once, by its outgoing leg, with both amounts', () => {
    const f = build();
    const page = searchTransactions(f.projection, {});
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => [row.kind, row.accountName, row.amountMinor, row.currency, row.counterAmountMinor, row.counterCurrency])).toEqual([
      ['transfer', 'ICBC', -20000, 'CNY', 20000, 'CNY'],
      ['transfer', '现金', -71000, 'CNY', 10000, 'USD'],
      ['expense', '现金', -4550, 'CNY', null, null],
    ]);
    expect(searchTransactions(f.projection, { kinds: ['transfer'] }).total).toBe(2);
  });

  it('finds a transfer from either side when filtering by account, showing that side', () => {
    const f = build();
    const usdSide = searchTransactions(f.projection, { accountIds: [f.ids.usd] });
    expect(usdSide.total).toBe(1);
    expect(usdSide.rows[0]).toMatchObject({ accountName: 'Chase', amountMinor: 10000, currency: 'USD', counterAmountMinor: -71000, counterCurrency: 'CNY' });
    const cashSide = searchTransactions(f.projection, { accountIds: [f.ids.cash] });
    expect(cashSide.total).toBe(3);
    expect(cashSide.rows.map((row) => row.amountMinor)).toEqual([20000, -71000, -4550]);
    // Both sides picked: still one row, the outgoing one.
    const both = searchTransactions(f.projection, { accountIds: [f.ids.cash, f.ids.usd] });
    expect(both.total).toBe(3);
    expect(both.rows.map((row) => row.amountMinor)).toEqual([20000, -71000, -4550]);
  });

  it('a filter that matches only the incoming leg shows that leg', () => {
    const f = build();
    // 100 matches the USD leg (100.00) but not the CNY leg (710.00).
    const page = searchTransactions(f.projection, { minAmount: '100', maxAmount: '100' });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ accountName: 'Chase', amountMinor: 10000 });
    // Both legs in range: once.
    expect(searchTransactions(f.projection, { minAmount: '100', maxAmount: '1000' }).total).toBe(2);
  });

  it('the register keeps each account’s own leg', () => {
    const f = build();
    expect(register(f.projection, f.ids.usd).rows.map((row) => [row.amountMinor, row.counterAmountMinor])).toEqual([[10000, -71000]]);
    expect(register(f.projection, f.ids.cash).total).toBe(3);
  });

  it('voided transfers count once when voided lines are included', () => {
    const f = build();
    f.run({ type: 'voidTransaction', transactionId: register(f.projection, f.ids.usd).rows[0]!.id });
    expect(searchTransactions(f.projection, {}).total).toBe(2);
    expect(searchTransactions(f.projection, { includeVoided: true }).total).toBe(3);
  });

  it('pages cover the list with no duplicate and no gap, in every sort', () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`transfer paging seed ${seed}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ transfer: fc.boolean(), day: fc.integer({ min: 1, max: 4 }), amount: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('date', 'amount', 'payee'),
        fc.constantFrom('asc', 'desc'),
        (lines, limit, sort, direction) => {
          const f = build();
          for (const line of lines) {
            const date = `2024-03-0${line.day}`;
            if (line.transfer) f.run({ type: 'recordTransfer', fromAccountId: f.ids.cash, toAccountId: f.ids.bank, amount: String(line.amount), currency: 'CNY', date });
            else f.run({ type: 'recordTransaction', kind: 'expense', accountId: f.ids.bank, amount: String(line.amount), currency: 'CNY', date, payee: `p${line.amount}` });
          }
          const whole = searchTransactions(f.projection, { sort, direction, limit: 1000 });
          expect(whole.total).toBe(3 + lines.length);
          const paged: string[] = [];
          for (let offset = 0; offset < whole.total; offset += limit) {
            const page = searchTransactions(f.projection, { sort, direction, offset, limit });
            expect(page.total).toBe(whole.total);
            paged.push(...page.rows.map((row) => row.id));
          }
          expect(paged).toEqual(whole.rows.map((row) => row.id));
          expect(new Set(paged).size).toBe(paged.length);
          expect(new Set(whole.rows.map((row) => row.transferId ?? row.id)).size).toBe(whole.total);
        },
      ),
      { seed, numRuns: 60 },
    );
  });
});

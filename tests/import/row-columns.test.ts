/**
 * The parse worker sends rows as columns (electron/import/row-columns.ts): every row must come back
 * equal, whatever optional fields it has or lacks (times, currencies, refunds, fees, payment
 * methods, transfer accounts, QIF splits), through JSON as the worker sends them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../electron/import/row-columns';
import type { StatementRow } from '../../electron/import/statement';

const text = fc.string({ minLength: 1, maxLength: 12 });
const row: fc.Arbitrary<StatementRow> = fc.record(
  {
    line: fc.integer({ min: 1, max: 1_000_000 }),
    date: fc.constant('2024-03-01'),
    time: fc.constant('12:30:00'),
    amountMinor: fc.integer({ min: -1e9, max: 1e9 }).map(String),
    currency: fc.constantFrom('CNY', 'USD'),
    payee: text,
    note: text,
    category: text,
    externalId: text,
    kind: fc.constantFrom('expense', 'income', 'neutral', 'refund'),
    refundOf: text,
    fee: fc.constant('10'),
    paymentMethod: text,
    transferAccount: text,
    splits: fc.array(fc.record({ amountMinor: fc.integer().map(String), category: text }, { requiredKeys: ['amountMinor'] }), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['line', 'date', 'amountMinor', 'kind'] },
) as fc.Arbitrary<StatementRow>;

describe('statement rows as columns', () => {
  it('come back equal through JSON, field for field, absent fields still absent', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const back = fromColumns(JSON.parse(JSON.stringify(toColumns(rows))));
        expect(back).toEqual(rows);
        back.forEach((restored, index) => expect(Object.keys(restored).sort()).toEqual(Object.keys(rows[index]!).sort()));
      }),
      { numRuns: 500 },
    );
  });
});

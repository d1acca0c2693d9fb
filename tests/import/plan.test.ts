/**
 * The planner's de-duplication rules (issue #12), as examples and as fast-check properties:
 * re-importing what was imported gives 0 new rows; identical rows in one file are all kept;
 * matching is one-to-one and nearest date first (Actual #5354); reconciled lines are only ever
 * matched, never changed; neutral rows are transfers or left out; totals are exact sums.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planImport, summarize, type ExistingLine, type PlanAccount, type PlanOptions, type PlannedRow } from '../../electron/import/plan';
import type { ParsedStatement, StatementRow } from '../../electron/import/statement';
import { propertyParams } from '../vault/support/rng';

const account = (id: string, extra: Partial<PlanAccount> = {}): PlanAccount => ({ id, name: id, currency: 'CNY', creditLimitMinor: 0, balanceMinor: 0, usable: true, ...extra });
const accounts = new Map([['cash', account('cash', { balanceMinor: 10_000 })], ['card', account('card', { creditLimitMinor: 50_000 })], ['usd', account('usd', { currency: 'USD' })]]);
const options: PlanOptions = { accountId: 'cash', accounts };

function statement(rows: Partial<StatementRow>[], format: ParsedStatement['format'] = 'csv'): ParsedStatement {
  return {
    format,
    encoding: 'utf-8',
    accounts: [{ rows: rows.map((row, i) => ({ line: i + 2, date: '2024-03-01', amountMinor: '-100', kind: 'expense', ...row })) }],
    skipped: [],
    errors: [],
    detected: {},
  };
}

/** What the wallet would hold after importing `rows` (as the capability reads it back). */
function asExisting(rows: readonly PlannedRow[]): ExistingLine[] {
  return rows
    .filter((row) => row.status === 'new')
    .map((row, i) => ({ id: `t${i}`, accountId: row.accountId, date: row.date, amountMinor: row.amountMinor, payee: row.payee, externalId: row.externalId, status: 'cleared' as const }));
}

const statuses = (rows: readonly PlannedRow[]) => rows.map((row) => row.status);

describe('import planner', () => {
  test('same external id in the same account is a duplicate; in another account it is new', () => {
    const existing: ExistingLine[] = [{ id: 'x', accountId: 'cash', date: '2024-01-01', amountMinor: -999, payee: 'other', externalId: 'A1', status: 'cleared' }];
    const plan = planImport(statement([{ externalId: 'A1' }, { externalId: 'A2' }]), existing, options);
    expect(statuses(plan.rows)).toEqual(['duplicate', 'new']);
    expect(plan.rows[0]!.matchId).toBe('x');
    const elsewhere = planImport(statement([{ externalId: 'A1' }]), [{ ...existing[0]!, accountId: 'card' }], options);
    expect(statuses(elsewhere.rows)).toEqual(['new']);
  });

  test('rows without ids: same amount, date within ±3 days, similar payee → possible duplicate; outside → new', () => {
    const existing: ExistingLine[] = [{ id: 'e1', accountId: 'cash', date: '2024-03-01', amountMinor: -3200, payee: 'STARBUCKS #1234', externalId: null, status: 'reconciled' }];
    const rows = [
      { date: '2024-03-03', amountMinor: '-3200', payee: 'Starbucks' },
      { date: '2024-03-05', amountMinor: '-3200', payee: 'Starbucks' },
      { date: '2024-03-01', amountMinor: '-3200', payee: 'Completely different shop' },
    ];
    const plan = planImport(statement(rows), existing, options);
    expect(statuses(plan.rows)).toEqual(['possible_duplicate', 'new', 'new']);
    expect(plan.counts).toMatchObject({ new: 2, possibleDuplicate: 1 });
    // Possible duplicates are skipped by default: the totals count only the two new rows.
    expect(plan.totals.expenseMinor).toBe(-6400);
  });

  test('Actual #5354: a weekly identical debit is matched one-to-one, nearest date first', () => {
    const existing: ExistingLine[] = [{ id: 'week1', accountId: 'cash', date: '2024-03-01', amountMinor: -999, payee: 'Gym', externalId: null, status: 'cleared' }];
    // Window 7 days: week 2's row could reach week 1's line, but week 1's own row is nearer and wins.
    const plan = planImport(statement([{ date: '2024-03-08', amountMinor: '-999', payee: 'Gym' }, { date: '2024-03-01', amountMinor: '-999', payee: 'Gym' }]), existing, { ...options, windowDays: 7 });
    expect(statuses(plan.rows)).toEqual(['new', 'possible_duplicate']);
    expect(plan.rows[1]!.matchId).toBe('week1');
  });

  test('neutral rows: left out, or a transfer to the chosen account (unsigned bill rows go out by default)', () => {
    const rows = [{ kind: 'neutral' as const, amountMinor: '5000', payee: '余额宝' }];
    expect(statuses(planImport(statement(rows, 'alipay'), [], options).rows)).toEqual(['skipped']);
    const plan = planImport(statement(rows, 'alipay'), [], { ...options, neutral: { mode: 'transfer', accountId: 'card' } });
    expect(plan.rows[0]).toMatchObject({ status: 'new', accountId: 'cash', counterAccountId: 'card', amountMinor: -5000 });
    expect(plan.totals).toEqual({ incomeMinor: 0, expenseMinor: 0, transferInMinor: 0, transferOutMinor: 5000 });
    expect(plan.balances).toEqual(
      expect.arrayContaining([
        { accountId: 'cash', currency: 'CNY', beforeMinor: 10_000, afterMinor: 5000 },
        { accountId: 'card', currency: 'CNY', beforeMinor: 0, afterMinor: 5000 },
      ]),
    );
    const wrongCurrency = planImport(statement(rows, 'alipay'), [], { ...options, neutral: { mode: 'transfer', accountId: 'usd' } });
    expect(wrongCurrency.rows[0]).toMatchObject({ status: 'error', issue: { messageKey: 'errors.import_batch.transfer_currency' } });
  });

  test('payment method routes to a mapped account; refunds pair with their original; a balance below the floor warns', () => {
    const rows = [
      { externalId: 'O1', amountMinor: '-20000', paymentMethod: '招商银行储蓄卡' },
      { externalId: 'O1_R', amountMinor: '2000', kind: 'refund' as const, refundOf: 'O1' },
      { externalId: 'O2', amountMinor: '-15000' },
    ];
    const plan = planImport(statement(rows), [], { ...options, paymentMethods: { 招商银行储蓄卡: 'card' } });
    expect(plan.rows.map((row) => row.accountId)).toEqual(['card', 'cash', 'cash']);
    expect(plan.rows[1]!.refundOfLine).toBe(2);
    // cash: 10000 + 2000 − 15000 = −3000 < 0 → warning with the adjustment that keeps it at 0.
    expect(plan.warnings).toEqual([{ accountId: 'cash', account: 'cash', currency: 'CNY', balanceMinor: -3000, floorMinor: 0, suggestedAdjustmentMinor: 3000 }]);
  });

  test('QIF splits: one line per non-zero split, the row id + :s<n> on each, a split transfer to the account of that name; re-import finds them by id', () => {
    const accountsByName = new Map([...accounts, ['sav', account('sav', { name: 'My Savings' })]]);
    const split = statement(
      [
        {
          amountMinor: '-1000',
          externalId: 'Q1',
          note: 'shop',
          splits: [
            { amountMinor: '-700', category: 'Food', memo: 'bread' },
            { amountMinor: '0', category: 'Fees' },
            { amountMinor: '-300', transferAccount: 'my savings' },
          ],
        },
      ],
      'qif',
    );
    const plan = planImport(split, [], { ...options, accounts: accountsByName });
    expect(plan.rows.map((row) => [row.split, row.amountMinor, row.externalId, row.note, row.category, row.counterAccountId])).toEqual([
      [1, -700, 'Q1:s1', 'bread', 'Food', null],
      [3, -300, 'Q1:s3', 'shop', '', 'sav'],
    ]);
    expect(plan.totals).toEqual({ incomeMinor: 0, expenseMinor: -700, transferInMinor: 0, transferOutMinor: 300 });
    const again = planImport(split, asExisting(plan.rows), { ...options, accounts: accountsByName });
    expect(statuses(again.rows)).toEqual(['duplicate', 'duplicate']);
  });

  test('the other side of a transfer already recorded is a duplicate; a transfer to another account or outside the window is not', () => {
    const transfer = (counter: string, date: string): ExistingLine => ({ id: `t-${counter}-${date}`, accountId: 'cash', date, amountMinor: 500, payee: 'Elsewhere', externalId: null, status: 'cleared', counterAccountId: counter });
    const rows = statement([{ amountMinor: '500', kind: 'neutral', transferAccount: 'card', payee: 'From card', date: '2024-03-02' }], 'qif');
    expect(statuses(planImport(rows, [transfer('card', '2024-03-01')], options).rows)).toEqual(['duplicate']);
    expect(statuses(planImport(rows, [transfer('usd', '2024-03-01')], options).rows)).toEqual(['new']);
    expect(statuses(planImport(rows, [transfer('card', '2024-02-20')], options).rows)).toEqual(['new']);
    // An unknown [Account] needs an account: an error row, in no total.
    const unknown = planImport(statement([{ amountMinor: '-500', kind: 'neutral', transferAccount: 'Nowhere' }], 'qif'), [], options);
    expect(unknown.rows[0]).toMatchObject({ status: 'error', issue: { messageKey: 'errors.import_batch.transfer_unmapped' } });
    expect(unknown.totals).toEqual({ incomeMinor: 0, expenseMinor: 0, transferInMinor: 0, transferOutMinor: 0 });
  });

  test('property: re-importing the same rows gives 0 new; identical rows in one file are all new on an empty wallet', () => {
    const row = fc.record({
      date: fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
      amountMinor: fc.integer({ min: -5000, max: 5000 }).filter((n) => n !== 0).map(String),
      payee: fc.constantFrom('Gym', 'Starbucks', '星巴克', 'ACME Payroll', ''),
      externalId: fc.option(fc.string({ minLength: 1, maxLength: 6 }).map((s) => `id-${s}`), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 0, max: 7 }), (rows, windowDays) => {
        const file = statement(rows.map((r) => ({ ...r, kind: Number(r.amountMinor) < 0 ? ('expense' as const) : ('income' as const) })));
        const first = planImport(file, [], { ...options, windowDays });
        expect(first.counts.new).toBe(rows.length);
        const again = planImport(file, asExisting(first.rows), { ...options, windowDays });
        expect(again.counts.new).toBe(0);
        expect(again.counts.duplicate + again.counts.possibleDuplicate).toBe(rows.length);
        // One-to-one: no existing line is matched twice.
        const matched = again.rows.map((r) => r.matchId);
        expect(new Set(matched).size).toBe(matched.length);
        // Totals are exact sums over what would be recorded.
        const sum = first.rows.reduce((total, r) => total + r.amountMinor, 0);
        expect(first.totals.incomeMinor + first.totals.expenseMinor).toBe(sum);
        expect(summarize(first.rows, accounts).balances.find((b) => b.accountId === 'cash')?.afterMinor ?? 10_000).toBe(10_000 + sum);
      }),
      { ...propertyParams('plan re-import'), numRuns: 300 },
    );
  });

  test('property: a possible duplicate is never matched across more than the window, and nothing existing is ever dropped silently', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 30 }), (fileDays, walletDays) => {
        const day = (d: number) => new Date(Date.UTC(2024, 2, 1 + d)).toISOString().slice(0, 10);
        const existing = walletDays.map((d, i) => ({ id: `e${i}`, accountId: 'cash', date: day(d), amountMinor: -500, payee: 'Gym', externalId: null, status: 'cleared' as const }));
        const plan = planImport(statement(fileDays.map((d) => ({ date: day(d), amountMinor: '-500', payee: 'Gym' }))), existing, options);
        expect(plan.rows.length).toBe(fileDays.length);
        for (const row of plan.rows) {
          if (row.status !== 'possible_duplicate') continue;
          const line = existing.find((e) => e.id === row.matchId)!;
          expect(Math.abs(Date.parse(line.date) - Date.parse(row.date)) / 86_400_000).toBeLessThanOrEqual(3);
        }
        expect(plan.counts.possibleDuplicate).toBeLessThanOrEqual(existing.length);
      }),
      { ...propertyParams('plan window'), numRuns: 300 },
    );
  });
});

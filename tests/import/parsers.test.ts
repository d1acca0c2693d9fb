/**
 * Every statement fixture parses to exactly its expected result: format and encoding detected, row
 * count, totals per kind in minor units, the first and last row field by field (with their source
 * lines), skipped lines with reasons, and no errors. The fixtures and expectations are written by
 * tests/fixtures/import/make-fixtures.mjs from intended transactions, not from this parser.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, parseStatement } from '../../electron/import/parse/detect';
import type { StatementRow } from '../../electron/import/statement';
import { loadFixtures } from './fixtures';

const COMPARED: (keyof StatementRow)[] = ['line', 'date', 'time', 'amountMinor', 'currency', 'payee', 'externalId', 'kind', 'refundOf', 'fee', 'paymentMethod', 'transferAccount', 'category', 'splits'];

function comparable(row: StatementRow | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of COMPARED) if (row?.[key] !== undefined) out[key] = row[key];
  return out;
}

function totals(rows: readonly StatementRow[]): Record<string, string> {
  const sum = { expense: 0n, income: 0n, neutral: 0n, refund: 0n };
  for (const row of rows) sum[row.kind] += BigInt(row.amountMinor);
  return Object.fromEntries(Object.entries(sum).map(([kind, value]) => [kind, value.toString()]));
}

describe('statement parsers on their fixtures', () => {
  for (const { expected, bytes } of loadFixtures()) {
    it(`${expected.file}: ${expected.accounts.map((account) => account.count).join('+')} rows as expected`, async () => {
      const parsed = await parseStatement(bytes, { fileName: expected.file, ...expected.options });
      expect(parsed.errors).toEqual(expected.errors);
      expect(parsed.format).toBe(expected.format);
      expect(parsed.encoding).toBe(expected.encoding);
      expect(parsed.detected).toMatchObject(expected.detected);
      expect([...parsed.skipped].sort((a, b) => a.line - b.line)).toEqual([...expected.skipped].sort((a, b) => a.line - b.line));
      expect(parsed.accounts).toHaveLength(expected.accounts.length);
      parsed.accounts.forEach((account, index) => {
        const want = expected.accounts[index]!;
        expect(account.rows).toHaveLength(want.count);
        expect(totals(account.rows)).toEqual(want.totals);
        expect(comparable(account.rows[0])).toEqual(want.first);
        expect(comparable(account.rows.at(-1))).toEqual(want.last);
        expect(account.rows.map(comparable)).toEqual(want.rows);
        for (const key of ['id', 'type', 'currency', 'ledgerBalance'] as const) if (want[key] !== undefined) expect(account[key]).toEqual(want[key]);
        // Every row is well formed: a calendar date, an integer amount, a 1-based line in order.
        let previousLine = 0;
        for (const row of account.rows) {
          expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(row.amountMinor).toMatch(/^-?(0|[1-9]\d*)$/);
          expect(row.line).toBeGreaterThan(previousLine);
          previousLine = row.line;
        }
      });
    });
  }
});

describe('format detection', () => {
  it('names each fixture’s format and encoding from its bytes alone', () => {
    for (const { expected, bytes } of loadFixtures()) {
      if (expected.options?.mapping) continue;
      expect(detectFormat(bytes, ''), expected.file).toEqual({ format: expected.format, encoding: expected.encoding });
    }
  });
});

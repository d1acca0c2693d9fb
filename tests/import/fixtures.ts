/** The statement fixtures (tests/fixtures/import) and their expected results, for the parser and fuzz tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseOptions } from '../../electron/import/parse/detect';

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'import');

export interface ExpectedAccount {
  id?: string;
  type?: string;
  currency?: string;
  ledgerBalance?: { amountMinor: string; date: string };
  count: number;
  totals: Record<'expense' | 'income' | 'neutral' | 'refund', string>;
  first: Record<string, unknown>;
  last: Record<string, unknown>;
  /** Every row, compared field by field like first and last. */
  rows: Record<string, unknown>[];
}

export interface ExpectedStatement {
  file: string;
  options?: ParseOptions;
  format: string;
  encoding: string;
  detected: Record<string, unknown>;
  accounts: ExpectedAccount[];
  skipped: { line: number; reason: string }[];
  errors: { line: number; messageKey: string }[];
}

export function loadFixtures(): { expected: ExpectedStatement; bytes: Uint8Array }[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.expected.json'))
    .sort()
    .map((name) => {
      const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as ExpectedStatement;
      return { expected, bytes: new Uint8Array(readFileSync(join(FIXTURE_DIR, expected.file))) };
    });
}

/**
 * The CSV reader's fast path (text without the quote character is split into lines and cells
 * directly) must give exactly what csv-parse gives for the same text: the same records, cells,
 * line numbers and row-cap answer. Random texts over the characters that matter (every delimiter,
 * blank lines, padding, the other quote, Excel's ="…" guard, non-ASCII), 5,000 per run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIMITERS, readRecords, readRecordsWithCsvParse, readTable } from '../../electron/import/parse/table';

const ALPHABET = ['a', '7', '.', ' ', '\t', ',', ';', '|', '\n', '\n', '=', '"', "'", '中', '\u00a0', '-'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((chars) => chars.join(''));

describe('the CSV reader splits unquoted text the way csv-parse reads it', () => {
  it('same records, cells, lines and row cap for random unquoted texts', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...DELIMITERS), fc.constantFrom('"', "'"), fc.integer({ min: 0, max: 12 }), (source, delimiter, quote, rowLimit) => {
        fc.pre(!source.includes(quote));
        expect(readRecords(source, delimiter, quote, rowLimit)).toEqual(readRecordsWithCsvParse(source, delimiter, quote, rowLimit));
      }),
      { numRuns: 5_000 },
    );
  });

  it('a whole unquoted statement reads the same either way, and a quoted one still goes through csv-parse', () => {
    const lines = ['Date;Payee;Amount', '', '2024-03-01; Café ;-12,50', '2024-03-02;="00123";1.000,00', ';;', 'Total;;987,50', ''];
    const unquoted = lines.join('\n');
    expect(readRecords(unquoted, ';', '"', 100)).toEqual(readRecordsWithCsvParse(unquoted, ';', '"', 100));
    expect(readTable(unquoted, { maxRows: 100 }).rows[3]!.cells).toEqual(['2024-03-02', '00123', '1.000,00']);
    // A quoted cell holding the delimiter and a line break is one cell: a plain split would break it.
    const quoted = 'Date,Payee,Amount\n2024-03-01,"Shop, Inc.\nBranch 2",-3.00\n';
    expect(readTable(quoted, { maxRows: 100 }).rows.map((row) => row.cells)).toEqual([
      ['Date', 'Payee', 'Amount'],
      ['2024-03-01', 'Shop, Inc.\nBranch 2', '-3.00'],
    ]);
  });
});

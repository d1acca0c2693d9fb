/**
 * Delimited text → rows of trimmed cells with their 1-based source line, through csv-parse. The
 * delimiter (and quote) is the candidate under which most sample records share one field count; a
 * malformed quote keeps every record before it and reports the line.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import { abort, importIssue } from './issues';
import type { ImportIssue } from '../statement';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
const QUOTES = ['"', "'"] as const;

export interface TableRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

export interface Table {
  rows: TableRow[];
  delimiter: Delimiter;
  quote: string;
  errors: ImportIssue[];
  /** The file has more rows than maxRows. */
  truncated: boolean;
}

/** Records read to choose the delimiter (preamble lines included: the mode wins over them). */
const SAMPLE_LINES = 200;

/** Trim spaces and tabs (Alipay pads cells and ends order numbers with a tab) and Excel's ="0123" guard. */
export function cleanCell(cell: string): string {
  const trimmed = cell.trim();
  if (!trimmed.startsWith('="')) return trimmed;
  const guarded = /^="(.*)"$/s.exec(trimmed);
  return guarded ? guarded[1]!.trim() : trimmed;
}

/** Thrown from inside csv-parse's record callback to stop at the row cap. */
class RowLimitReached extends Error {}

export interface Records {
  rows: TableRow[];
  error?: ImportIssue;
  /** More records followed the row cap. */
  truncated: boolean;
}

/**
 * Records of a text (line breaks already LF). Text without the quote character is split directly:
 * with nothing quoted, a record is exactly a line and a cell exactly the text between delimiters,
 * which is what csv-parse returns for it at a fraction of the cost (most bank exports, and 100k-row
 * statements, quote nothing). tests/import/table-split.test.ts holds the two to the same answer.
 */
export function readRecords(text: string, delimiter: string, quote: string, rowLimit: number): Records {
  return text.includes(quote) ? readRecordsWithCsvParse(text, delimiter, quote, rowLimit) : splitRecords(text, delimiter, rowLimit);
}

function splitRecords(text: string, delimiter: string, rowLimit: number): Records {
  const rows: TableRow[] = [];
  let start = 0;
  let line = 1;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (rows.length >= rowLimit) return { rows, truncated: true };
    const cells = text.slice(start, end).split(delimiter);
    for (let index = 0; index < cells.length; index++) cells[index] = cleanCell(cells[index]!);
    rows.push({ line, cells });
    line++;
    start = end + 1;
  }
  return { rows, truncated: false };
}

/** csv-parse, for text that quotes (or might quote) cells. */
export function readRecordsWithCsvParse(text: string, delimiter: string, quote: string, rowLimit: number): Records {
  const rows: TableRow[] = [];
  let lastLine = 0;
  try {
    parse(text, {
      delimiter,
      quote,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], info: { lines: number }) => {
        if (rows.length >= rowLimit) throw new RowLimitReached();
        rows.push({ line: lastLine + 1, cells: record.map(cleanCell) });
        lastLine = info.lines;
        return null;
      },
    });
    return { rows, truncated: false };
  } catch (error) {
    if (error instanceof RowLimitReached) return { rows, truncated: true };
    const line = typeof (error as CsvError).lines === 'number' ? Math.max(lastLine + 1, 1) : 0;
    return { rows, truncated: false, error: importIssue(line, 'errors.import.csv_malformed') };
  }
}

function score(rows: readonly TableRow[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    if (row.cells.length < 2) continue;
    counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
  }
  let best = 0;
  for (const frequency of counts.values()) best = Math.max(best, frequency);
  return best;
}

function firstLines(text: string, count: number): string {
  let end = 0;
  for (let line = 0; line < count; line++) {
    const next = text.indexOf('\n', end);
    if (next < 0) return text;
    end = next + 1;
  }
  return text.slice(0, end);
}

export function detectDelimiter(text: string): { delimiter: Delimiter; quote: string } {
  const sample = firstLines(text, SAMPLE_LINES);
  let choice: { delimiter: Delimiter; quote: string } = { delimiter: ',', quote: '"' };
  let bestScore = 0;
  // Only delimiters that occur are tried, and the single quote only when the double quote gave no table.
  const present = DELIMITERS.filter((delimiter) => sample.includes(delimiter));
  for (const quote of QUOTES) {
    if (quote !== '"' && bestScore >= 2) break;
    for (const delimiter of present) {
      const candidate = score(readRecords(sample, delimiter, quote, SAMPLE_LINES).rows);
      if (candidate > bestScore) {
        bestScore = candidate;
        choice = { delimiter, quote };
      }
    }
  }
  return choice;
}

export function readTable(source: string, options: { delimiter?: Delimiter; maxRows: number }): Table {
  // csv-parse counts a CRLF inside a quoted cell as two lines; with LF only, its line numbers are right.
  const text = source.replace(/\r\n?/g, '\n');
  const detected = options.delimiter ? { delimiter: options.delimiter, quote: '"' } : detectDelimiter(text);
  const { rows, error, truncated } = readRecords(text, detected.delimiter, detected.quote, options.maxRows);
  if (truncated) abort(0, 'errors.import.too_many_rows', { max: options.maxRows });
  return { rows, ...detected, errors: error ? [error] : [], truncated };
}

/** True for a row with no content (an empty line, or only empty cells like ",,,"). */
export function isBlank(row: TableRow): boolean {
  return row.cells.every((cell) => cell === '');
}

/**
 * The first row holding every required column name (each given as alternatives), searched by
 * names, never by position: bill exports move their header between versions.
 */
export function findHeader(rows: readonly TableRow[], required: readonly (readonly string[])[], searchLimit = 200): number {
  const limit = Math.min(rows.length, searchLimit);
  for (let index = 0; index < limit; index++) {
    const cells = new Set(rows[index]!.cells);
    if (required.every((names) => names.some((name) => cells.has(name)))) return index;
  }
  return -1;
}

/** Column index by any of its names, or -1. */
export function columnIndex(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const index = header.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

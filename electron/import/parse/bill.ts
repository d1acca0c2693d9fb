/**
 * What Alipay and WeChat Pay bills share: a preamble of free text, a header found by its column
 * names (never by line number — both apps move it between versions), data rows with the date and
 * time in one cell, and footer lines after the last transaction.
 */
import type { DateFormat, ImportIssue, SkippedLine, StatementRow } from '../statement';
import { chooseDateFormat, type DateTime } from './dates';
import { abort, importIssue } from './issues';
import { negateMinor, readAmount } from './amount';
import { withoutEmpty } from './body';
import { isBlank, type TableRow } from './table';

/** Column names as NFKC folds them: the apps mix full-width （） and half-width () between versions. */
export function billName(cell: string): string {
  return cell.normalize('NFKC').replace(/\s+/g, '');
}

export interface BillColumnSpec {
  /** Alternative names of the column; the first present wins. */
  names: string[];
  required?: boolean;
}

export interface BillRow {
  line: number;
  dated: DateTime;
  /** Cell by field name ('' when the column is absent or the row short). */
  get(field: string): string;
}

export interface BillTable {
  headerLine: number;
  header: string[];
  dateFormat?: DateFormat;
  rows: BillRow[];
  skipped: SkippedLine[];
  errors: ImportIssue[];
}

export function readBill(
  table: readonly TableRow[],
  spec: Record<string, BillColumnSpec>,
  dateField: string,
  missingHeaderKey: string,
): BillTable {
  const requiredNames = Object.values(spec)
    .filter((column) => column.required)
    .map((column) => column.names);
  const headerIndex = table.slice(0, 200).findIndex((row) => {
    const names = new Set(row.cells.map(billName));
    return requiredNames.every((alternatives) => alternatives.some((name) => names.has(name)));
  });
  if (headerIndex < 0) abort(0, missingHeaderKey);
  const headerRow = table[headerIndex]!;
  const header = headerRow.cells.map(billName);
  const index: Record<string, number> = {};
  for (const [field, column] of Object.entries(spec)) {
    index[field] = column.names.map((name) => header.indexOf(name)).find((position) => position >= 0) ?? -1;
  }
  const data = table.slice(headerIndex + 1).filter((row) => !isBlank(row));
  const dateAt = index[dateField]!;
  const choice = chooseDateFormat(data.map((row) => row.cells[dateAt] ?? ''));
  const parsed = choice?.parsed ?? [];
  const lastDated = parsed.findLastIndex((dated) => dated !== null);

  const rows: BillRow[] = [];
  const skipped: SkippedLine[] = [];
  const errors: ImportIssue[] = [];
  data.forEach((row, position) => {
    const dated = parsed[position];
    if (position > lastDated) {
      skipped.push({ line: row.line, reason: 'import.format.skip.footer' });
      return;
    }
    if (!dated) {
      errors.push(importIssue(row.line, 'errors.import.date_invalid', { column: headerRow.cells[dateAt] ?? dateField, value: row.cells[dateAt] ?? '' }));
      return;
    }
    rows.push({ line: row.line, dated, get: (field) => (index[field]! >= 0 ? (row.cells[index[field]!] ?? '') : '') });
  });
  return { headerLine: headerRow.line, header: headerRow.cells, dateFormat: choice?.format, rows, skipped, errors };
}

/**
 * An unsigned CNY amount cell of a bill (the direction is in 收/支), as minor units; null after
 * recording an issue naming the row, column and value when it is not one.
 */
export function billAmount(line: number, text: string, column: string, errors: ImportIssue[]): string | null {
  const amount = readAmount(text, { decimal: '.', currency: 'CNY' });
  if (amount.ok && !amount.minor.startsWith('-')) return amount.minor;
  errors.push(importIssue(line, amount.ok ? 'errors.import.amount_invalid' : amount.messageKey, { column, value: text }));
  return null;
}

/** 收/支 → kind: 支出 out, 收入 in; 不计收支, 其他, `/` and empty say nothing about a direction. */
export function directionKind(direction: string): 'expense' | 'income' | 'neutral' {
  return direction === '支出' ? 'expense' : direction === '收入' ? 'income' : 'neutral';
}

/** The StatementRow of a bill row: bills are in CNY, and an expense's unsigned amount becomes negative. */
export function billStatementRow(
  row: BillRow,
  amount: string,
  kind: StatementRow['kind'],
  fields: Pick<StatementRow, 'payee' | 'category' | 'externalId' | 'refundOf' | 'fee' | 'paymentMethod'> & { noteParts: string[] },
): StatementRow {
  const { noteParts, ...rest } = fields;
  return withoutEmpty<StatementRow>({
    line: row.line,
    date: row.dated.date,
    time: row.dated.time,
    amountMinor: kind === 'expense' ? negateMinor(amount) : amount,
    currency: 'CNY',
    kind,
    ...rest,
    note: noteParts.filter((part) => part !== '').join(' · '),
  });
}

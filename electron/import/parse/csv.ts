/**
 * Generic CSV bank exports through a column mapping. The mapping is plain JSON validated by
 * `csvMappingSchema`, so the import flow can remember it per account and export it; everything not
 * set in it (delimiter, header row, date format, decimal mark) is detected from the file, once per
 * file. Columns are named by header text or by 1-based position.
 */
import { z } from 'zod';
import { DATE_FORMATS, type ImportIssue, type SkippedLine, type StatementRow } from '../statement';
import { detectDecimalMark, negateMinor, normalizeCell, readAmount, type DecimalMark } from './amount';
import { chooseDateFormat, clockTime, parseDateAs } from './dates';
import { abort, importIssue } from './issues';
import { isBlank, readTable, type TableRow, DELIMITERS } from './table';
import { kindOfSigned, withoutEmpty, type ParserContext, type StatementBody } from './body';
import { currencyExponent } from '../../../shared/currencies';

const columnRef = z.union([z.string().trim().min(1).max(200), z.number().int().min(1).max(10_000)]);

export const csvMappingSchema = z
  .object({
    date: columnRef,
    /** One signed amount column … */
    amount: columnRef.optional(),
    /** … or money in and money out in two columns (either may hold the row's value). */
    inflow: columnRef.optional(),
    outflow: columnRef.optional(),
    time: columnRef.optional(),
    payee: columnRef.optional(),
    note: columnRef.optional(),
    category: columnRef.optional(),
    externalId: columnRef.optional(),
    currency: columnRef.optional(),
    /** Banks that write money out as positive numbers. */
    flipSign: z.boolean().default(false),
    /** Lines before the header (or the first row) to ignore. */
    skipStart: z.number().int().min(0).max(100_000).default(0),
    /** Non-blank rows at the end to ignore (totals, disclaimers). */
    skipEnd: z.number().int().min(0).max(100_000).default(0),
    hasHeader: z.boolean().default(true),
    dateFormat: z.enum(['auto', ...DATE_FORMATS]).default('auto'),
    decimal: z.enum(['auto', '.', ',']).default('auto'),
    delimiter: z.enum(['auto', ...DELIMITERS]).default('auto'),
  })
  .strict()
  .refine((mapping) => (mapping.amount !== undefined) !== (mapping.inflow !== undefined || mapping.outflow !== undefined), {
    message: 'amount_or_inflow_outflow',
    path: ['amount'],
  });

/** A mapping as stored and exported (defaults filled in). */
export type CsvMapping = z.output<typeof csvMappingSchema>;
/** A mapping as a person or a file may write it (defaults optional). */
export type CsvMappingInput = z.input<typeof csvMappingSchema>;
type ColumnRef = z.infer<typeof columnRef>;
type MappedField = 'date' | 'amount' | 'inflow' | 'outflow' | 'time' | 'payee' | 'note' | 'category' | 'externalId' | 'currency';

/** Header names in English and Chinese (compared after NFKC, lower case, single spaces). */
const HEADER_NAMES: Record<MappedField, string[]> = {
  date: ['date', 'transaction date', 'booking date', 'posting date', 'posted date', 'value date', 'trans. date', 'datum', '日期', '交易日期', '记账日期', '入账日期', '交易时间'],
  time: ['time', '时间'],
  amount: ['amount', 'transaction amount', 'betrag', '金额', '交易金额', '发生额', '交易额'],
  inflow: ['inflow', 'credit', 'credits', 'credit amount', 'deposit', 'deposits', 'money in', 'paid in', '收入', '收入金额', '存入', '存入金额', '贷方金额', '贷方发生额'],
  outflow: ['outflow', 'debit', 'debits', 'debit amount', 'withdrawal', 'withdrawals', 'money out', 'paid out', '支出', '支出金额', '取出', '取出金额', '借方金额', '借方发生额'],
  payee: ['payee', 'description', 'merchant', 'name', 'counterparty', 'beneficiary', 'payee name', '交易对方', '对方', '对方户名', '收款方', '商户', '商户名称', '对方名称'],
  note: ['memo', 'note', 'notes', 'details', 'reference', 'narrative', '备注', '摘要', '商品说明', '说明', '用途', '附言'],
  category: ['category', '类别', '分类', '交易分类'],
  externalId: ['id', 'transaction id', 'reference number', 'ref', 'fitid', '交易号', '交易单号', '流水号', '交易流水号', '订单号', '交易订单号'],
  currency: ['currency', 'ccy', '币种', '货币', '币别'],
};

function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[:：]$/, '').trim();
}

/** A mapping guessed from header names; fields it cannot place are left out for the user. */
export function suggestMapping(header: readonly string[]): Partial<CsvMappingInput> {
  // "Amount (EUR)", "金额（元）": a unit in brackets after the name does not change what the column is.
  const keys = header.map((name) => headerKey(name).replace(/\s*\([^()]*\)$/, ''));
  const used = new Set<number>();
  const suggestion: Partial<Record<MappedField, string>> = {};
  const fields: MappedField[] = ['date', 'time', 'amount', 'inflow', 'outflow', 'externalId', 'currency', 'category', 'payee', 'note'];
  for (const field of fields) {
    for (const name of HEADER_NAMES[field]) {
      const index = keys.findIndex((key, position) => !used.has(position) && key === name);
      if (index >= 0) {
        used.add(index);
        suggestion[field] = header[index]!;
        break;
      }
    }
  }
  if (suggestion.amount !== undefined) {
    delete suggestion.inflow;
    delete suggestion.outflow;
  }
  return suggestion;
}

function isUsable(mapping: Partial<CsvMappingInput>): mapping is CsvMappingInput {
  return mapping.date !== undefined && (mapping.amount !== undefined || mapping.inflow !== undefined || mapping.outflow !== undefined);
}

/** Zod's complaint about a stored mapping → one translated, located issue. */
function mappingIssue(error: z.ZodError): ImportIssue {
  const first = error.issues[0];
  const field = first?.path.join('.') || 'mapping';
  return importIssue(0, 'errors.import.mapping_invalid', { column: field });
}

interface Located {
  rows: TableRow[];
  headerRow?: TableRow;
}

function headerAndRows(rows: readonly TableRow[], mapping: CsvMapping | null): Located {
  const content = rows.filter((row) => row.line > (mapping?.skipStart ?? 0));
  if (mapping && !mapping.hasHeader) return { rows: content };
  if (mapping) {
    // The header is the first row holding every column the mapping names (a preamble the user did
    // not count in skipStart is passed over); a mapping by numbers takes the first non-blank row.
    const names = [mapping.date, mapping.amount, mapping.inflow, mapping.outflow].filter((ref): ref is string => typeof ref === 'string').map(headerKey);
    const named = names.length === 0 ? -1 : content.slice(0, 200).findIndex((row) => names.every((name) => row.cells.some((cell) => headerKey(cell) === name)));
    const index = named >= 0 ? named : content.findIndex((row) => !isBlank(row));
    return index < 0 ? { rows: [] } : { headerRow: content[index], rows: content.slice(index + 1) };
  }
  // No mapping yet: the header is the first row whose names give a usable mapping.
  const index = content.slice(0, 200).findIndex((row) => isUsable(suggestMapping(row.cells)));
  if (index < 0) return { rows: content };
  return { headerRow: content[index], rows: content.slice(index + 1) };
}

function resolveColumn(ref: ColumnRef | undefined, header: readonly string[] | undefined, field: string): number | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === 'number') return ref - 1;
  const index = header ? header.findIndex((name) => name === ref || headerKey(name) === headerKey(ref)) : -1;
  if (index < 0) abort(0, 'errors.import.column_missing', { column: ref, field });
  return index;
}

/** A modal-width row in the first lines, shown to the user when no header could be recognised. */
function likelyHeader(rows: readonly TableRow[]): string[] | undefined {
  return rows.find((row) => row.cells.length >= 2 && !isBlank(row))?.cells;
}

export function parseCsv(text: string, context: ParserContext, mappingInput?: CsvMappingInput): StatementBody {
  let mapping: CsvMapping | null = null;
  if (mappingInput !== undefined) {
    const checked = csvMappingSchema.safeParse(mappingInput);
    if (!checked.success) return { accounts: [], skipped: [], errors: [mappingIssue(checked.error)], detected: {} };
    mapping = checked.data;
  }
  const table = readTable(text, { delimiter: mapping && mapping.delimiter !== 'auto' ? mapping.delimiter : undefined, maxRows: context.maxRows });
  const located = headerAndRows(table.rows, mapping);
  const header = located.headerRow?.cells;
  if (!mapping) {
    const suggestion = header ? suggestMapping(header) : {};
    if (!isUsable(suggestion)) {
      return {
        accounts: [],
        skipped: [],
        errors: [...table.errors, importIssue(0, 'errors.import.mapping_needed')],
        detected: { delimiter: table.delimiter, header: header ?? likelyHeader(table.rows) },
      };
    }
    mapping = csvMappingSchema.parse(suggestion);
  }
  const columns = {
    date: resolveColumn(mapping.date, header, 'date')!,
    amount: resolveColumn(mapping.amount, header, 'amount'),
    inflow: resolveColumn(mapping.inflow, header, 'inflow'),
    outflow: resolveColumn(mapping.outflow, header, 'outflow'),
    time: resolveColumn(mapping.time, header, 'time'),
    payee: resolveColumn(mapping.payee, header, 'payee'),
    note: resolveColumn(mapping.note, header, 'note'),
    category: resolveColumn(mapping.category, header, 'category'),
    externalId: resolveColumn(mapping.externalId, header, 'externalId'),
    currency: resolveColumn(mapping.currency, header, 'currency'),
  };
  const columnName = (index: number): string => header?.[index] || String(index + 1);

  // Data rows: non-blank, minus skipEnd at the end.
  let dataRows = located.rows.filter((row) => !isBlank(row));
  const skipped: SkippedLine[] = [];
  if (mapping.skipEnd > 0) {
    for (const row of dataRows.slice(-mapping.skipEnd)) skipped.push({ line: row.line, reason: 'import.format.skip.footer' });
    dataRows = dataRows.slice(0, Math.max(0, dataRows.length - mapping.skipEnd));
  }

  const dateCells = dataRows.map((row) => row.cells[columns.date] ?? '');
  const fixedFormat = mapping.dateFormat === 'auto' ? null : mapping.dateFormat;
  const dateChoice = fixedFormat
    ? { format: fixedFormat, alternatives: [], parsed: dateCells.map((value) => parseDateAs(value, fixedFormat)) }
    : chooseDateFormat(dateCells);
  const parsedDates = dateChoice?.parsed ?? [];
  const amountCells = dataRows.flatMap((row) =>
    [columns.amount, columns.inflow, columns.outflow].flatMap((index) => (index === undefined ? [] : [row.cells[index] ?? ''])),
  );
  const decimal: DecimalMark = mapping.decimal === 'auto' ? detectDecimalMark(amountCells) : mapping.decimal;

  // Footer: rows after the last one with a readable date (totals, "end of statement") are skipped, not errors.
  const lastDated = parsedDates.findLastIndex((dated) => dated !== null);
  for (const row of dataRows.slice(lastDated + 1)) skipped.push({ line: row.line, reason: 'import.format.skip.footer' });
  dataRows = dataRows.slice(0, lastDated + 1);

  const rows: StatementRow[] = [];
  const errors: ImportIssue[] = [...table.errors];
  dataRows.forEach((row, rowIndex) => {
    const cell = (index: number | undefined): string => (index === undefined ? '' : (row.cells[index] ?? ''));
    const problem = (index: number, key: string): void => {
      errors.push(importIssue(row.line, key, { column: columnName(index), value: cell(index) }));
    };
    const dated = parsedDates[rowIndex];
    if (!dated) {
      problem(columns.date, 'errors.import.date_invalid');
      return;
    }
    let currency = context.currency;
    if (columns.currency !== undefined && cell(columns.currency) !== '') {
      const written = normalizeCell(cell(columns.currency)).toUpperCase();
      // RMB is what Chinese banks write for the renminbi; its ISO 4217 code is CNY.
      const code = written === 'RMB' ? 'CNY' : written;
      if (currencyExponent(code) === undefined) {
        problem(columns.currency, 'errors.import.currency_unknown');
        return;
      }
      currency = code;
    }
    const amount = signedAmount(cell, columns, { decimal, currency }, problem);
    if (amount === null) return;
    const minor = mapping.flipSign ? negateMinor(amount) : amount;
    let time = dated.time;
    if (columns.time !== undefined && cell(columns.time) !== '') {
      const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(cell(columns.time));
      const parsed = clock ? clockTime(clock[1], clock[2], clock[3]) : null;
      if (!parsed) {
        problem(columns.time, 'errors.import.time_invalid');
        return;
      }
      time = parsed;
    }
    rows.push(
      withoutEmpty<StatementRow>({
        line: row.line,
        date: dated.date,
        time,
        amountMinor: minor,
        currency: columns.currency !== undefined && cell(columns.currency) !== '' ? currency : undefined,
        payee: cell(columns.payee),
        note: cell(columns.note),
        category: cell(columns.category),
        externalId: cell(columns.externalId),
        kind: kindOfSigned(minor),
      }),
    );
  });
  return {
    accounts: [{ rows }],
    skipped,
    errors,
    detected: {
      delimiter: table.delimiter,
      dateFormat: dateChoice?.format,
      dateFormatAlternatives: dateChoice && dateChoice.alternatives.length > 0 ? dateChoice.alternatives : undefined,
      decimal,
      headerLine: located.headerRow?.line,
      header,
    },
  };
}

function signedAmount(
  cell: (index: number | undefined) => string,
  columns: { amount?: number; inflow?: number; outflow?: number },
  options: { decimal: DecimalMark; currency: string },
  problem: (index: number, key: string) => void,
): string | null {
  if (columns.amount !== undefined) {
    const result = readAmount(cell(columns.amount), options);
    if (!result.ok) problem(columns.amount, cell(columns.amount) === '' ? 'errors.import.amount_missing' : result.messageKey);
    return result.ok ? result.minor : null;
  }
  let total = 0n;
  let found = false;
  for (const [index, direction] of [
    [columns.inflow, 1n],
    [columns.outflow, -1n],
  ] as const) {
    if (index === undefined || cell(index) === '') continue;
    const result = readAmount(cell(index), options);
    if (!result.ok) {
      problem(index, result.messageKey);
      return null;
    }
    // Money out is out whether the bank writes it as 12.00 or -12.00.
    const magnitude = BigInt(result.minor.replace('-', ''));
    total += direction * magnitude;
    found = true;
  }
  if (!found) {
    problem((columns.amount ?? columns.inflow ?? columns.outflow)!, 'errors.import.amount_missing');
    return null;
  }
  return total.toString();
}

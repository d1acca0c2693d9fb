/**
 * QIF (Quicken Interchange Format), hand-written: no maintained npm parser exists and the format is
 * small. Records of one-letter fields end with `^`; `!Type:Bank`, `!Type:Cash` and `!Type:CCard`
 * registers are read, other sections (investments, category lists, memorized items…) are skipped
 * with a reason. Fields: D date, T amount, U amount (wins over T: Quicken writes it with full
 * precision), P payee, M memo, N number, C cleared, L category or `[Account]` (a transfer), splits
 * S/E/$. Day/month order is decided once per file from all dates (a 13 in the first place means
 * day-first), with the user's override; `'` years (1/2'05) are 20xx, two-digit years pivot at 50.
 * An `!Account` record before a register names the account the register belongs to.
 */
import type { DateOrder, ImportIssue, SkippedLine, StatementAccount, StatementRow, StatementSplit } from '../statement';
import { exponentOf } from '../../../shared/money';
import { readAmount } from './amount';
import { calendarDate } from './dates';
import { kindOfSigned, withoutEmpty, type ParserContext, type StatementBody } from './body';
import { abort, importIssue } from './issues';

type Register = 'bank' | 'cash' | 'credit';

const REGISTERS: Record<string, Register> = { bank: 'bank', cash: 'cash', ccard: 'credit', 'oth a': 'bank', 'oth l': 'credit' };

interface Field {
  code: string;
  value: string;
  line: number;
}

interface QifRecord {
  line: number;
  fields: Field[];
  register: Register | 'skip' | 'account' | null;
  account: string;
}

/** Splits the file into records, each tagged with the section it is in. */
function readRecords(text: string): QifRecord[] {
  const records: QifRecord[] = [];
  let register: QifRecord['register'] = null;
  let account = '';
  let fields: Field[] = [];
  const finish = (): void => {
    if (fields.length > 0) records.push({ line: fields[0]!.line, fields, register, account });
    fields = [];
  };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    if (line.startsWith('!')) {
      finish();
      const header = line.slice(1).toLowerCase();
      if (header.startsWith('type:')) {
        const kind = header.slice(5).trim();
        register = REGISTERS[kind] ?? 'skip';
      } else if (header === 'account') register = 'account';
      else if (!header.startsWith('option') && !header.startsWith('clear')) register = 'skip';
      return;
    }
    if (line.startsWith('^')) {
      const record = fields;
      finish();
      // `!Account` records name the account of the registers that follow.
      if (register === 'account') account = record.find((field) => field.code === 'N')?.value ?? account;
      return;
    }
    fields.push({ code: line[0]!.toUpperCase(), value: line.slice(1).trim(), line: index + 1 });
  });
  finish();
  return records.filter((record) => record.register !== 'account');
}

interface DateParts {
  first: number;
  second: number;
  year: number;
  /** Year-first (ISO-like) dates fix the order by themselves. */
  yearFirst: boolean;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})(['/.-])(\d{4}|\d{2})$/;
const YEAR_MONTH_DAY = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;

export function qifDateParts(value: string): DateParts | null {
  const compact = value.replace(/\s+/g, '');
  if (compact.length > 12) return null;
  const iso = YEAR_MONTH_DAY.exec(compact);
  if (iso) return { first: Number(iso[2]), second: Number(iso[3]), year: Number(iso[1]), yearFirst: true };
  const match = DAY_MONTH_YEAR.exec(compact);
  if (!match) return null;
  const yearText = match[4]!;
  let year = Number(yearText);
  if (yearText.length === 2) year += match[3] === "'" || year < 50 ? 2000 : 1900;
  return { first: Number(match[1]), second: Number(match[2]), year, yearFirst: false };
}

function qifDate(parts: DateParts, order: DateOrder): string | null {
  if (parts.yearFirst) return calendarDate(parts.year, parts.first, parts.second);
  return order === 'dmy' ? calendarDate(parts.year, parts.second, parts.first) : calendarDate(parts.year, parts.first, parts.second);
}

/** Day-first, month-first, both (a conflict) or neither (ambiguous) from every date in the file. */
function decideOrder(values: readonly DateParts[]): { order: DateOrder; ambiguous: boolean; conflict: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  for (const parts of values) {
    if (parts.yearFirst) continue;
    if (parts.first > 12 && parts.second <= 12) dayFirst = true;
    if (parts.second > 12 && parts.first <= 12) monthFirst = true;
  }
  // Quicken's own default is month-first (US); a file that never shows a day above 12 is read so.
  if (dayFirst && !monthFirst) return { order: 'dmy', ambiguous: false, conflict: false };
  return { order: 'mdy', ambiguous: !monthFirst, conflict: dayFirst && monthFirst };
}

/** Minor units as decimal text in the currency's exponent (for a message). */
function minorText(minor: bigint, currency: string): string {
  const exponent = exponentOf(currency);
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return `${minor < 0n ? '-' : ''}${whole}`;
}

function bracketed(value: string): string | undefined {
  return /^\[(.+)\]/.exec(value)?.[1]?.trim();
}

export function parseQif(text: string, context: ParserContext, override?: DateOrder): StatementBody {
  const records = readRecords(text);
  const firstUntyped = records.find((record) => record.register === null);
  if (firstUntyped) abort(firstUntyped.line, 'errors.import.qif_no_type');
  const registers = records.filter((record) => record.register !== 'skip');
  if (registers.length > context.maxRows) abort(0, 'errors.import.too_many_rows', { max: context.maxRows });
  const dates = registers.flatMap((record) => {
    const parts = qifDateParts(record.fields.find((field) => field.code === 'D')?.value ?? '');
    return parts ? [parts] : [];
  });
  const decided = decideOrder(dates);
  const errors: ImportIssue[] = [];
  if (!override && decided.conflict) errors.push(importIssue(0, 'errors.import.qif_date_order_conflict'));
  const order = override ?? decided.order;

  const skipped: SkippedLine[] = [];
  const accounts = new Map<string, StatementAccount>();
  for (const record of records) {
    if (record.register === 'skip' || record.register === null || record.register === 'account') {
      skipped.push({ line: record.line, reason: 'import.format.skip.qif_section' });
      continue;
    }
    const key = `${record.account}\u0000${record.register}`;
    let account = accounts.get(key);
    if (!account) {
      account = withoutEmpty<StatementAccount>({ id: record.account, type: record.register, rows: [] });
      accounts.set(key, account);
    }
    const row = readRecord(record, order, context, errors);
    if (row) account.rows.push(row);
  }
  return {
    accounts: [...accounts.values()],
    skipped,
    errors,
    detected: { dateOrder: order, dateOrderAmbiguous: !override && decided.ambiguous },
  };
}

function readRecord(record: QifRecord, order: DateOrder, context: ParserContext, errors: ImportIssue[]): StatementRow | null {
  /** The record's other fields by letter (P payee, M memo, L category); repeated ones joined by lines. */
  const fields: Record<string, string> = {};
  const splits: StatementSplit[] = [];
  let failed = false;
  const amountOf = (field: Field): string | null => {
    const result = readAmount(field.value, { decimal: 'auto', currency: context.currency });
    if (result.ok) return result.minor;
    errors.push(importIssue(field.line, result.messageKey, { column: field.code, value: field.value }));
    failed = true;
    return null;
  };
  let dateField: Field | undefined;
  let amount: string | null = null;
  let amountFromU = false;
  for (const field of record.fields) {
    switch (field.code) {
      case 'D':
        dateField = field;
        break;
      case 'T':
        if (!amountFromU) amount = amountOf(field);
        break;
      case 'U':
        amount = amountOf(field);
        amountFromU = true;
        break;
      case 'S': {
        const transfer = bracketed(field.value);
        splits.push(withoutEmpty<StatementSplit>({ amountMinor: '0', category: transfer ? undefined : field.value, transferAccount: transfer }));
        continue;
      }
      case 'E':
        if (splits.length === 0) splits.push({ amountMinor: '0' });
        splits.at(-1)!.memo = field.value;
        continue;
      case '$': {
        if (splits.length === 0 || splits.at(-1)!.amountMinor !== '0') splits.push({ amountMinor: '0' });
        const splitAmount = amountOf(field);
        if (splitAmount !== null) splits.at(-1)!.amountMinor = splitAmount;
        continue;
      }
      default:
        break;
    }
    // Repeated fields (A address lines) are kept together.
    fields[field.code] = fields[field.code] === undefined ? field.value : `${fields[field.code]}\n${field.value}`;
  }
  const parts = dateField ? qifDateParts(dateField.value) : null;
  const date = parts ? qifDate(parts, order) : null;
  if (!date) {
    errors.push(importIssue(dateField?.line ?? record.line, 'errors.import.date_invalid', { column: 'D', value: dateField?.value ?? '' }));
    return null;
  }
  if (failed) return null;
  if (amount === null) {
    errors.push(importIssue(record.line, 'errors.import.amount_missing', { column: 'T' }));
    return null;
  }
  if (splits.length > 0) {
    // A split transaction is recorded line by line: its splits must add up to its amount exactly.
    const sum = splits.reduce((total, split) => total + BigInt(split.amountMinor), 0n);
    if (sum !== BigInt(amount)) {
      const first = record.fields.find((field) => field.code === 'S' || field.code === '$');
      errors.push(
        importIssue(
          first?.line ?? record.line,
          'errors.import.qif_split_total',
          { column: 'S/$', value: minorText(sum, context.currency) },
          { total: minorText(BigInt(amount), context.currency) },
        ),
      );
      return null;
    }
  }
  const category = fields.L ?? '';
  const transferAccount = bracketed(category);
  return withoutEmpty<StatementRow>({
    line: record.line,
    date,
    amountMinor: amount,
    payee: fields.P,
    note: fields.M,
    category: transferAccount ? undefined : category,
    transferAccount,
    kind: transferAccount ? 'neutral' : kindOfSigned(amount),
    splits: splits.length > 0 ? splits : undefined,
  });
}

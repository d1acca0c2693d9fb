/**
 * Export, so no one is locked in: transactions as CSV and everything as JSON. Both are NOT
 * encrypted (the UI and the CLI say so); both are written atomically so a failed export never
 * leaves half a file under the chosen name.
 */
import { exponentOf, toDecimalString } from '../../shared/money';
import { translate, type Language } from '../../shared/i18n';
import { writeFileAtomic } from '../support/atomic-file';
import { toCsv } from './csv';
import { exportError } from './errors';
import { foldTransactions, type ExportRow } from './export-fold';
import { dirname } from 'node:path';

/** The tools form: English column names and the ledger's own codes (expense, cleared, yes), stable across versions. */
export const CSV_HEADER = ['Date', 'Account', 'Payee', 'Category', 'Amount', 'Currency', 'Kind', 'Status', 'Tags', 'Note', 'Deleted', 'Transaction ID', 'Transfer ID'];
const HEADER_KEYS = ['date', 'account', 'payee', 'category', 'amount', 'currency', 'kind', 'status', 'tags', 'note', 'deleted', 'transaction_id', 'transfer_id'];

export interface CsvOptions {
  includeDeleted?: boolean;
  /** Column names, kinds, statuses and "deleted" in this language (people open the file in Excel). */
  language?: Language;
  /** The tools form (CSV_HEADER and the ledger's codes) whatever the language. */
  englishHeaders?: boolean;
}

/** How the header and the enum cells read: translated for people, codes for tools. */
function csvVocabulary(options: CsvOptions) {
  if (options.englishHeaders || !options.language) {
    return { header: CSV_HEADER, kind: (kind: string) => kind, status: (status: string) => status, yes: 'yes', adjustment: translate('en-US', 'ledger.adjustment') };
  }
  const language = options.language;
  const known = (group: string, value: string) => {
    const key = `ledger.${group}.${value}`;
    const text = translate(language, key);
    return text === key ? value : text;
  };
  return {
    header: HEADER_KEYS.map((key) => translate(language, `backup.csv.headers.${key}`)),
    kind: (kind: string) => known('transactionKinds', kind),
    status: (status: string) => known('statuses', status),
    yes: translate(language, 'backup.csv.deleted_yes'),
    adjustment: translate(language, 'ledger.adjustment'),
  };
}

function amount(row: ExportRow): string {
  try {
    exponentOf(row.currency);
    return toDecimalString(row.amountMinor, row.currency);
  } catch {
    return String(row.amountMinor); // an unknown currency: minor units are still exact
  }
}

export function transactionsCsv(payloads: Iterable<unknown>, options: CsvOptions = {}): { csv: string; count: number } {
  const rows = foldTransactions(payloads).filter((row) => options.includeDeleted || !row.voided);
  const words = csvVocabulary(options);
  const lines = rows.map((row) => [row.date, row.accountName, row.payee, row.adjustment ? words.adjustment : row.category, amount(row), row.currency, words.kind(row.kind), words.status(row.status), row.tags.join(';'), row.note, row.voided ? words.yes : '', row.transactionId, row.transferId ?? '']);
  return { csv: toCsv([words.header, ...lines]), count: rows.length };
}

export interface JsonExportMeta {
  vaultId: string;
  walletName: string;
  headSeq: number;
  exportedAt: string;
  appVersion: string;
}

export function fullJson(payloads: Iterable<unknown>, meta: JsonExportMeta): { json: string; count: number } {
  const events = [...payloads];
  const document = { format: 'onewallet-export', version: 1, encrypted: false, ...meta, events };
  return { json: `${JSON.stringify(document, null, 2)}\n`, count: events.length };
}

export function writeExport(path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw exportError(error, dirname(path), path);
  }
}

/**
 * Export, so no one is locked in: transactions as CSV and everything as JSON. Both are NOT
 * encrypted (the UI and the CLI say so); both are written atomically so a failed export never
 * leaves half a file under the chosen name.
 */
import { exponentOf, toDecimalString } from '../../shared/money';
import { writeFileAtomic } from '../support/atomic-file';
import { toCsv } from './csv';
import { exportError } from './errors';
import { foldTransactions, type ExportRow } from './export-fold';
import { dirname } from 'node:path';

export const CSV_HEADER = ['Date', 'Account', 'Payee', 'Category', 'Amount', 'Currency', 'Kind', 'Status', 'Tags', 'Note', 'Deleted', 'Transaction ID', 'Transfer ID'];

function amount(row: ExportRow): string {
  try {
    exponentOf(row.currency);
    return toDecimalString(row.amountMinor, row.currency);
  } catch {
    return String(row.amountMinor); // an unknown currency: minor units are still exact
  }
}

export function transactionsCsv(payloads: Iterable<unknown>, options: { includeDeleted?: boolean } = {}): { csv: string; count: number } {
  const rows = foldTransactions(payloads).filter((row) => options.includeDeleted || !row.voided);
  const lines = rows.map((row) => [row.date, row.accountName, row.payee, row.category, amount(row), row.currency, row.kind, row.status, row.tags.join(';'), row.note, row.voided ? 'yes' : '', row.transactionId, row.transferId ?? '']);
  return { csv: toCsv([CSV_HEADER, ...lines]), count: rows.length };
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

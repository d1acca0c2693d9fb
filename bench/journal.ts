/**
 * Writes a ledger projection as an hledger journal: one commodity directive per currency (so
 * '1.500 KWD' reads as a decimal and amounts print with the ISO exponent), an opening-balance
 * transaction per account, and every live transaction with its postings — expenses and incomes
 * against their category, transfers as one transaction with both legs (two commodities when it
 * crossed currencies; hledger infers the rate). Amounts are exact decimal text of the minor units.
 */
import { writeFileSync } from 'node:fs';
import { exponentOf, toDecimalString } from '../shared/money';
import type { LedgerProjection } from '../electron/ledger';

interface Row {
  account_id: string;
  kind: string;
  amount_minor: number;
  currency: string;
  date: string;
  payee: string;
  note: string;
  status: string;
  transfer_id: string | null;
  category_id: string | null;
}

/** hledger account names: ':' separates levels and two spaces end the name. */
function part(name: string): string {
  return name.replace(/[:;]/g, '-').replace(/\s+/g, ' ').trim() || '-';
}

function text(value: string): string {
  return value.replace(/[;\r\n]/g, ' ').trim();
}

export interface JournalInfo {
  /** Our account id → hledger account name. */
  accounts: Map<string, string>;
  transactions: number;
  bytes: number;
}

export function hledgerAccounts(p: LedgerProjection): Map<string, string> {
  const accounts = new Map<string, string>();
  const rows = p.sql.all<{ id: string; name: string; kind: string }>('SELECT id, name, kind FROM accounts ORDER BY n');
  for (const row of rows) accounts.set(row.id, `${row.kind === 'credit' ? 'liabilities' : 'assets'}:${row.kind}:${part(row.name)}`);
  return accounts;
}

function categoryAccounts(p: LedgerProjection): Map<string, string> {
  const rows = p.sql.all<{ id: string; name: string; kind: string; parent_id: string | null }>('SELECT id, name, kind, parent_id FROM categories');
  const byId = new Map(rows.map((row) => [row.id, row]));
  const names = new Map<string, string>();
  for (const row of rows) {
    const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
    names.set(row.id, `${row.kind === 'income' ? 'income' : 'expenses'}:${parent ? `${part(parent.name)}:` : ''}${part(row.name)}`);
  }
  return names;
}

function posting(account: string, minor: number, currency: string): string {
  return `    ${account}  ${toDecimalString(minor, currency)} ${currency}\n`;
}

export function writeJournal(p: LedgerProjection, path: string): JournalInfo {
  const accounts = hledgerAccounts(p);
  const categories = categoryAccounts(p);
  const chunks: string[] = ['; OneWallet bench export: live transactions of the projection\n'];
  for (const { currency } of p.sql.all<{ currency: string }>('SELECT DISTINCT currency FROM accounts ORDER BY currency')) {
    const exponent = exponentOf(currency);
    chunks.push(`commodity 1000.${'0'.repeat(exponent)} ${currency}\n`);
  }
  chunks.push('\n');
  const opening = p.sql.all<{ id: string; currency: string; opening_balance_minor: number; opened_on: string }>(
    'SELECT id, currency, opening_balance_minor, opened_on FROM accounts ORDER BY n',
  );
  for (const account of opening) {
    if (account.opening_balance_minor === 0) continue;
    chunks.push(`${account.opened_on} * Opening balance\n${posting(accounts.get(account.id)!, account.opening_balance_minor, account.currency)}    equity:opening balances\n\n`);
  }
  let transactions = 0;
  const firstLegs = new Map<string, Row>();
  const statement = p.sql.prepare(
    `SELECT account_id, kind, amount_minor, currency, date, payee, note, status, transfer_id, category_id
     FROM transactions WHERE voided = 0 ORDER BY date, n`,
  );
  for (const row of statement.iterate() as IterableIterator<Row>) {
    let postings: string;
    if (row.transfer_id) {
      const other = firstLegs.get(row.transfer_id);
      if (!other) {
        firstLegs.set(row.transfer_id, row);
        continue;
      }
      firstLegs.delete(row.transfer_id);
      const [out, into] = other.amount_minor < 0 ? [other, row] : [row, other];
      postings = posting(accounts.get(out.account_id)!, out.amount_minor, out.currency) + posting(accounts.get(into.account_id)!, into.amount_minor, into.currency);
    } else {
      const category = row.category_id ? categories.get(row.category_id) : undefined;
      const counter = category ?? (row.kind === 'income' ? 'income:uncategorized' : 'expenses:uncategorized');
      postings = posting(accounts.get(row.account_id)!, row.amount_minor, row.currency) + `    ${counter}\n`;
    }
    const note = text(row.note);
    chunks.push(`${row.date} ${row.status === 'pending' ? '!' : '*'} ${text(row.payee)}\n${note ? `    ; ${note}\n` : ''}${postings}\n`);
    transactions += 1;
  }
  if (firstLegs.size > 0) throw new Error(`bench: ${firstLegs.size} transfer legs without their other leg`);
  const journal = chunks.join('');
  writeFileSync(path, journal);
  return { accounts, transactions, bytes: Buffer.byteLength(journal) };
}

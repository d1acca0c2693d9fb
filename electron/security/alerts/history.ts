/** Reads what the rules judge from the open wallet's projection (electron/ledger/schema.ts). */
import type { LedgerProjection } from '../../ledger/projection';
import { foldAlertFacts, type AlertFact, type AlertMemory } from './memory';
import { payeeKey, type AccountFacts, type HistoryRow } from './rules';

/** A line as the query returns it: everything the rules read, plus its recording order. */
type Row = HistoryRow & { n: number };

export interface LedgerHistory {
  rows: (HistoryRow & { n: number })[];
  accounts: Map<string, AccountFacts>;
  categoryNames: Map<string, string>;
  /** Recording order of the newest line (0 for none): lines above it are new. */
  lastN: number;
}

const COLUMNS = `n, id, account_id AS accountId, kind, amount_minor AS amountMinor, currency, date, payee,
  category_id AS categoryId, recorded_at AS recordedAt, import_batch AS importBatchId`;

/**
 * More new lines than this (an import, a merge) are judged against the whole history: the
 * per-line lookups below would then cost more than one read of everything.
 */
export const FEW_NEW_LINES = 200;

export function readHistory(projection: LedgerProjection): LedgerHistory {
  const rows = projection.sql.all<Row>(`SELECT ${COLUMNS} FROM transactions WHERE voided = 0 ORDER BY date, n`);
  return withNames(projection, rows);
}

/**
 * What the rules need to judge the lines recorded after `sinceN`, without reading the whole
 * history (a wallet of 100k lines took a few hundred milliseconds of the event loop after every
 * record). Each rule looks at the past of one key of the line, so the lines sharing a key with a
 * new line are all it needs: the same payee (new payee, unusual amount, double charge), the same
 * category (unusual amount), the account's last line before it (long-unused account), and the
 * wallet's first line (how long the history is). The alerts come out identical to
 * `readHistory`'s (tests/security/alerts-window.test.ts). Every lookup uses an index.
 */
export function readHistoryFor(projection: LedgerProjection, sinceN: number): LedgerHistory {
  const { sql } = projection;
  const news = sql.all<Row>(`SELECT ${COLUMNS} FROM transactions WHERE voided = 0 AND n > ? ORDER BY n`, sinceN);
  if (news.length > FEW_NEW_LINES) return readHistory(projection);
  const byN = new Map<number, Row>(news.map((row) => [row.n, row]));
  const add = (rows: Row[]) => {
    for (const row of rows) byN.set(row.n, row);
  };
  if (news.length > 0) {
    // Payees compare by payeeKey (trimmed, lower case, as the rules do): the distinct spellings come from the payee index.
    const keys = new Set(news.map((row) => payeeKey(row.payee)).filter((key) => key !== ''));
    const spellings = keys.size === 0 ? [] : sql.all<{ payee: string }>('SELECT DISTINCT payee FROM transactions').map((row) => row.payee).filter((payee) => keys.has(payeeKey(payee)));
    const categories = [...new Set(news.flatMap((row) => (row.categoryId ? [row.categoryId] : [])))];
    if (spellings.length > 0) add(sql.all<Row>(`SELECT ${COLUMNS} FROM transactions WHERE voided = 0 AND payee IN (SELECT value FROM json_each(?))`, JSON.stringify(spellings)));
    if (categories.length > 0) add(sql.all<Row>(`SELECT ${COLUMNS} FROM transactions WHERE voided = 0 AND category_id IN (SELECT value FROM json_each(?))`, JSON.stringify(categories)));
    for (const row of news) {
      const before = sql.get<Row>(
        `SELECT ${COLUMNS} FROM transactions WHERE account_id = ? AND voided = 0 AND (date < ? OR (date = ? AND n < ?)) ORDER BY date DESC, n DESC LIMIT 1`,
        row.accountId,
        row.date,
        row.date,
        row.n,
      );
      if (before) add([before]);
    }
    const first = sql.get<Row>(`SELECT ${COLUMNS} FROM transactions WHERE voided = 0 ORDER BY date, n LIMIT 1`);
    if (first) add([first]);
  }
  const rows = [...byN.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.n - b.n));
  return withNames(projection, rows);
}

function withNames(projection: LedgerProjection, rows: Row[]): LedgerHistory {
  const accounts = new Map(
    projection.sql
      .all<{ id: string; name: string; frozen: number; frozenAt: string | null; openedAt: string }>('SELECT id, name, frozen, frozen_at AS frozenAt, opened_at AS openedAt FROM accounts')
      .map((a) => [a.id, { name: a.name, frozenSince: a.frozen ? (a.frozenAt ?? a.openedAt) : null, addedOn: a.openedAt.slice(0, 10) }]),
  );
  const categoryNames = new Map(projection.sql.all<{ id: string; name: string }>('SELECT id, name FROM categories').map((c) => [c.id, c.name]));
  return { rows, accounts, categoryNames, lastN: lastLine(projection) };
}

export function lastLine(projection: LedgerProjection): number {
  return projection.sql.get<{ n: number | null }>('SELECT MAX(n) AS n FROM transactions')?.n ?? 0;
}

export function readMemory(projection: LedgerProjection): AlertMemory {
  const facts = projection.sql
    .all<{ type: AlertFact['type']; body: string }>('SELECT type, body FROM alert_facts ORDER BY n')
    .map((row) => ({ type: row.type, ...JSON.parse(row.body) }) as AlertFact);
  return foldAlertFacts(facts);
}

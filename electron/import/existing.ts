/**
 * The planner's read-only view of the wallet: every account with its running balance
 * and the live lines of the accounts a statement may touch, looked up through the projection's
 * indexes as the planner asks (tx_external for a statement id, tx_balance for an amount), so
 * re-importing 100k rows costs 100k index probes (asked 2,000 ids per statement), not a read of every
 * line of the account.
 */
import type { LedgerProjection } from '../ledger';
import type { ExistingLine, ExistingLines, PlanAccount } from './plan';

export function planAccounts(p: LedgerProjection): Map<string, PlanAccount> {
  const rows = p.sql.all<{ id: string; name: string; currency: string; credit_limit_minor: number; balance: number; frozen: number; closed: number }>(
    // The running balance (schema.ts: opening + live lines, what the funds check reads), not a SUM
    // over the lines: ~70 ms per plan for a 100k-line account, twice per import.
    `SELECT a.id, a.name, a.currency, a.credit_limit_minor, a.frozen, a.closed, a.balance_minor AS balance
     FROM accounts a ORDER BY a.n`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.name, currency: row.currency, creditLimitMinor: row.credit_limit_minor, balanceMinor: row.balance, usable: !row.frozen && !row.closed },
    ]),
  );
}

interface LineRow {
  n: number;
  id: string;
  account_id: string;
  date: string;
  amount_minor: number;
  payee: string;
  external_id: string | null;
  status: ExistingLine['status'];
}

const COLUMNS = 'n, id, account_id, date, amount_minor, payee, external_id, status';
const toLine = (row: LineRow): ExistingLine => ({
  id: row.id,
  accountId: row.account_id,
  date: row.date,
  amountMinor: row.amount_minor,
  payee: row.payee,
  externalId: row.external_id,
  status: row.status,
});
/** Date, then recording order. Sorted here, not by ORDER BY: that would lead SQLite to walk tx_register instead of probing the index named below. */
const inRegisterOrder = (rows: LineRow[]): ExistingLine[] => rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.n - b.n)).map(toLine);

/**
 * Live lines of `accountIds` as the planner looks them up; valid until the projection changes.
 * Each query is one probe of an index (tests/import/existing-lines.test.ts checks the plans): tx_external
 * for a statement id, named (left alone, SQLite took tx_balance and walked every line of the account
 * per row: minutes for a 100k re-import; tx_external is never paused by a fold, so naming it is safe),
 * and tx_balance (account, voided, amount) for an amount — `+date` keeps the window a filter, so
 * SQLite does not pick tx_register and walk every line of those days.
 */
/** Statement id → ids of its live lines in register order (date, then recording order). */
export type ExternalIdLines = ReadonlyMap<string, readonly string[]>;

/** A line as the exact match reads it: statement id, line id, date, n. */
export type ExternalIdRow = [externalId: string, id: string, date: string, n: number, ...rest: unknown[]];

/** The line ids of one statement id's rows, in register order (the rule is one line per id; the rest are sorted). */
export function lineIdsInRegisterOrder(rows: ExternalIdRow[]): string[] {
  if (rows.length > 1) rows.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] - b[3]));
  return rows.map((row) => row[1]);
}

/** walletLines' lookups, exported so a test can hold each to its index (EXPLAIN QUERY PLAN). */
export const LINE_LOOKUPS = {
  byExternal: `SELECT ${COLUMNS} FROM transactions INDEXED BY tx_external WHERE account_id = ? AND external_id = ? AND voided = 0`,
  /**
   * byExternal for a slice of the statement's ids at once (a JSON list): one statement, one probe
   * per id, and only the columns the exact match needs (read as arrays: a 100k re-import reads 100k).
   */
  byExternalMany: `SELECT external_id, id, date, n FROM transactions INDEXED BY tx_external WHERE account_id = ? AND external_id IN (SELECT value FROM json_each(?)) AND voided = 0`,
  near: `SELECT ${COLUMNS} FROM transactions WHERE account_id = ? AND voided = 0 AND amount_minor = ? AND +date BETWEEN ? AND ?`,
  nearWithoutId: `SELECT ${COLUMNS} FROM transactions WHERE account_id = ? AND voided = 0 AND amount_minor = ? AND +date BETWEEN ? AND ? AND external_id IS NULL`,
  anyWithId: 'SELECT 1 FROM transactions INDEXED BY tx_external WHERE account_id = ? AND external_id IS NOT NULL AND voided = 0 LIMIT 1',
  anyWithoutId: 'SELECT 1 FROM transactions WHERE account_id = ? AND voided = 0 AND external_id IS NULL LIMIT 1',
  anywhere: `SELECT ${COLUMNS} FROM transactions INDEXED BY tx_external WHERE external_id = ? AND voided = 0 AND account_id IN (SELECT value FROM json_each(?))`,
  /** Transfer lines of an amount in the window whose other line (same transfer_id, tx_transfer named: left alone, SQLite walked the other account's lines per candidate) is in the given account. */
  transfer: `SELECT ${COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')} FROM transactions t
    WHERE t.account_id = ? AND t.voided = 0 AND t.amount_minor = ? AND +t.date BETWEEN ? AND ? AND t.transfer_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM transactions c INDEXED BY tx_transfer WHERE c.transfer_id = t.transfer_id AND c.transfer_id IS NOT NULL AND c.id <> t.id AND c.account_id = ? AND c.voided = 0)`,
} as const;

/**
 * `readAhead`: one account's statement ids already read (read-ahead.ts), answering its exact
 * matches without a query; the caller passes it only while it still describes the projection.
 */
export function walletLines(p: LedgerProjection, accountIds: readonly string[], readAhead?: { accountId: string; lines: ExternalIdLines }): ExistingLines {
  const accounts = JSON.stringify([...new Set(accountIds)]);
  const all = (sql: string, ...params: (string | number)[]) => inRegisterOrder(p.sql.all<LineRow>(sql, ...params));
  // Which kinds of line an account holds, each asked once and only when a lookup needs it: a first
  // import into an account with no lines, or a bank CSV whose every line carries its id, then skips
  // 100k probes that find nothing. "Any line without an id" has no index to probe (it reads the
  // account's lines until it finds one: ~0.25 s, one statement, for 100k lines that all have ids),
  // so a re-import whose every row is found by its id never asks it.
  const kinds = new Map<string, { readonly withId: boolean; readonly withoutId: boolean }>();
  const holds = (accountId: string) => {
    let found = kinds.get(accountId);
    if (!found) {
      let withId: boolean | undefined;
      let withoutId: boolean | undefined;
      found = {
        get withId() {
          return (withId ??= p.sql.get(LINE_LOOKUPS.anyWithId, accountId) !== undefined);
        },
        get withoutId() {
          return (withoutId ??= p.sql.get(LINE_LOOKUPS.anyWithoutId, accountId) !== undefined);
        },
      };
      kinds.set(accountId, found);
    }
    return found;
  };
  return {
    withExternalId: (accountId, externalId) => (holds(accountId).withId ? all(LINE_LOOKUPS.byExternal, accountId, externalId) : []),
    withExternalIds: (accountId, externalIds) => {
      if (readAhead && readAhead.accountId === accountId) {
        const known = new Map<string, readonly string[]>();
        for (const externalId of externalIds) {
          const lines = readAhead.lines.get(externalId);
          if (lines) known.set(externalId, lines);
        }
        return known;
      }
      const found = new Map<string, string[]>();
      if (externalIds.length === 0 || !holds(accountId).withId) return found;
      const rows = p.sql.prepare(LINE_LOOKUPS.byExternalMany).raw(true).all(accountId, JSON.stringify(externalIds)) as ExternalIdRow[];
      const byId = new Map<string, ExternalIdRow[]>();
      for (const row of rows) {
        const list = byId.get(row[0]);
        if (list) list.push(row);
        else byId.set(row[0], [row]);
      }
      for (const [externalId, lines] of byId) found.set(externalId, lineIdsInRegisterOrder(lines));
      return found;
    },
    near: (accountId, amountMinor, from, to, withoutId) => {
      const held = holds(accountId);
      if (!held.withoutId && (withoutId || !held.withId)) return [];
      return all(withoutId ? LINE_LOOKUPS.nearWithoutId : LINE_LOOKUPS.near, accountId, amountMinor, from, to);
    },
    withExternalIdAnywhere: (externalId) => all(LINE_LOOKUPS.anywhere, externalId, accounts).at(-1),
    transferLines: (accountId, amountMinor, from, to, counterAccountId, withoutId) =>
      all(LINE_LOOKUPS.transfer, accountId, amountMinor, from, to, counterAccountId)
        .filter((line) => !(withoutId && line.externalId))
        .map((line) => ({ ...line, counterAccountId })),
  };
}

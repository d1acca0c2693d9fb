/**
 * Reads over the projection: accounts with derived balances, totals, net worth, the register,
 * history, categories and "recently deleted". Every balance is a SUM over live transaction rows
 * at the moment of the read; none is ever stored.
 */
import { DomainError } from '../../shared/errors';
import { addMinor, convert, parseAmount } from '../../shared/money';
import { checkBookingDate } from './dates';
import type { LedgerProjection } from './projection';
import { accountListOrder } from './schema';
import { reconcileFigures, type ReconcileFigures } from './reconcile';
import { toAccount, type AccountRow, type CategoryRow } from './rows';
import { TRANSACTION_FROM, TRANSACTION_SELECT, toView, type RawTransactionView } from './transaction-rows';
import type { AccountView, CategoryNode, Converted, HistoryEntry, Page, Rates, RegisterLine, TransactionView } from './views';

export const MAX_PAGE = 1000;

export function clampPage(offset = 0, limit = 100): { offset: number; limit: number } {
  return {
    offset: Math.max(0, Math.floor(Number.isFinite(offset) ? offset : 0)),
    limit: Math.min(MAX_PAGE, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 100))),
  };
}

function toAccountView(row: AccountRow & { balance: number; starts_on: string }): AccountView {
  return {
    ...toAccount(row),
    openedOn: row.starts_on,
    frozenReason: row.frozen_reason,
    balanceMinor: row.balance,
    availableMinor: Math.max(0, row.balance + row.credit_limit_minor),
  };
}

/**
 * openedOn is the earlier of the opening date and the account's first live line: a line dated
 * before the opening moves the opening back (the decision of issue #13), so the opening balance
 * and that line start together and no report has a month with a line but no account.
 */
const ACCOUNT_WITH_BALANCE = `
  SELECT a.*, a.opening_balance_minor + COALESCE(s.total, 0) AS balance, MIN(a.opened_on, COALESCE(s.first_date, a.opened_on)) AS starts_on
  FROM accounts a
  LEFT JOIN (SELECT account_id, SUM(amount_minor) AS total, MIN(date) AS first_date FROM transactions WHERE voided = 0 GROUP BY account_id) s
    ON s.account_id = a.id`;

/** Accounts in the user's order (unplaced ones after, in opening order); closed ones only when asked. */
export function listAccounts(p: LedgerProjection, options: { includeClosed?: boolean } = {}): AccountView[] {
  return p.sql
    .all<AccountRow & { balance: number; starts_on: string }>(`${ACCOUNT_WITH_BALANCE} WHERE ? OR a.closed = 0 ORDER BY ${accountListOrder('a')}`, options.includeClosed ? 1 : 0)
    .map(toAccountView);
}

export function getAccount(p: LedgerProjection, accountId: string): AccountView {
  const row = p.sql.get<AccountRow & { balance: number; starts_on: string }>(`${ACCOUNT_WITH_BALANCE} WHERE a.id = ?`, accountId);
  if (!row) throw new DomainError('not_found', 'errors.account_not_found', { accountId });
  return toAccountView(row);
}

export function accountBalance(p: LedgerProjection, accountId: string): number {
  return getAccount(p, accountId).balanceMinor;
}

/** Sum of balances per currency, e.g. { CNY: 1250, USD: -300 }; currencies are never mixed. */
export function totalsByCurrency(p: LedgerProjection): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const account of listAccounts(p, { includeClosed: true })) {
    totals[account.currency] = addMinor(totals[account.currency] ?? 0, account.balanceMinor);
  }
  return totals;
}

/** Converts per-currency amounts into one currency with user-entered rates; currencies without a rate are reported, not guessed. */
export function convertTotals(totals: Readonly<Record<string, number>>, currency: string, rates: Rates): Converted {
  let totalMinor = 0;
  const missingRates: string[] = [];
  for (const [code, amount] of Object.entries(totals).sort(([a], [b]) => a.localeCompare(b))) {
    if (code === currency) totalMinor = addMinor(totalMinor, amount);
    else if (rates[code] !== undefined) totalMinor = addMinor(totalMinor, convert(amount, code, currency, rates[code]));
    else if (amount !== 0) missingRates.push(code);
  }
  return { currency, totalMinor, missingRates };
}

export function netWorth(p: LedgerProjection, currency: string, rates: Rates = {}): Converted {
  return convertTotals(totalsByCurrency(p), currency, rates);
}

export interface StoredRate {
  currency: string;
  base: string;
  rate: string;
}

/** Every rate the user stored in the wallet (ExchangeRateSet), by pair. */
export function exchangeRates(p: LedgerProjection): StoredRate[] {
  return p.sql.all<StoredRate>('SELECT currency, base, rate FROM exchange_rates ORDER BY currency, base');
}

/** The stored rates into `currency`, overridden per currency by `given` (what a caller typed for this one query). */
export function ratesInto(p: LedgerProjection, currency: string, given: Rates = {}): Rates {
  const stored = p.sql.all<{ currency: string; rate: string }>('SELECT currency, rate FROM exchange_rates WHERE base = ?', currency);
  return { ...Object.fromEntries(stored.map((row) => [row.currency, row.rate])), ...given };
}

/**
 * One account's live lines, newest first, each with the balance right after it. The page's top
 * balance is the account balance minus every newer line (summed from the covering index), and
 * each following line steps back by one amount: no window over the whole account per page.
 */
export function register(p: LedgerProjection, accountId: string, page: { offset?: number; limit?: number } = {}): Page<RegisterLine> {
  const account = getAccount(p, accountId);
  const { offset, limit } = clampPage(page.offset, page.limit);
  const total = p.sql.get<{ total: number }>('SELECT COUNT(*) AS total FROM transactions WHERE account_id = ? AND voided = 0', accountId)?.total ?? 0;
  const newer =
    offset === 0
      ? 0
      : (p.sql.get<{ total: number | null }>(
          `SELECT SUM(amount_minor) AS total FROM (
             SELECT amount_minor FROM transactions WHERE account_id = ? AND voided = 0 ORDER BY date DESC, n DESC LIMIT ?)`,
          accountId,
          offset,
        )?.total ?? 0);
  const rows = p.sql.all<RawTransactionView>(
    `SELECT ${TRANSACTION_SELECT} FROM ${TRANSACTION_FROM}
     WHERE t.account_id = ? AND t.voided = 0 ORDER BY t.date DESC, t.n DESC LIMIT ? OFFSET ?`,
    accountId,
    limit,
    offset,
  );
  let running = addMinor(account.balanceMinor, -newer);
  const lines = rows.map((raw) => {
    const line = { ...toView(raw), runningBalanceMinor: running };
    running = addMinor(running, -raw.amountMinor);
    return line;
  });
  return { total, rows: lines };
}

export function getTransaction(p: LedgerProjection, transactionId: string): TransactionView {
  const row = p.sql.get<RawTransactionView>(`SELECT ${TRANSACTION_SELECT} FROM ${TRANSACTION_FROM} WHERE t.id = ?`, transactionId);
  if (!row) throw new DomainError('not_found', 'errors.transaction_not_found', { transactionId });
  return toView(row);
}

/** Deleted (voided) transactions, most recently deleted first; a transfer shows once, by its outgoing leg. */
export function recentlyDeleted(p: LedgerProjection, page: { offset?: number; limit?: number } = {}): Page<TransactionView> {
  const { offset, limit } = clampPage(page.offset, page.limit);
  const where = 't.voided = 1 AND NOT (t.transfer_id IS NOT NULL AND t.amount_minor > 0)';
  const total = p.sql.get<{ total: number }>(`SELECT COUNT(*) AS total FROM transactions t WHERE ${where}`)?.total ?? 0;
  const rows = p.sql.all<RawTransactionView>(
    `SELECT ${TRANSACTION_SELECT} FROM ${TRANSACTION_FROM} WHERE ${where} ORDER BY t.voided_at DESC, t.n DESC LIMIT ? OFFSET ?`,
    limit,
    offset,
  );
  return { total, rows: rows.map(toView) };
}

export function transactionHistory(p: LedgerProjection, transactionId: string): HistoryEntry[] {
  if (!p.transaction(transactionId)) throw new DomainError('not_found', 'errors.transaction_not_found', { transactionId });
  return p.sql
    .all<{ eventId: string; at: string; action: HistoryEntry['action']; details: string }>(
      'SELECT event_id AS eventId, at, action, details FROM transaction_history WHERE transaction_id = ? ORDER BY n',
      transactionId,
    )
    .map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}

/** Top-level categories in use (not archived) with their children, expense first, each level in definition order. */
export function listCategories(p: LedgerProjection): CategoryNode[] {
  const rows = p.sql.all<CategoryRow>("SELECT id, name, kind, parent_id, archived FROM categories WHERE archived = 0 ORDER BY kind = 'income', n");
  const nodes = new Map<string, CategoryNode>(
    rows.map((row) => [row.id, { id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id, children: [] }]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * What the reconcile screen shows while the user ticks lines. The statement balance is decimal
 * text in the account's currency; the finishing command applies the same arithmetic.
 */
export function reconciliationPreview(
  p: LedgerProjection,
  accountId: string,
  statementDate: string,
  statementBalance: string,
  clearedTransactionIds: readonly string[],
): ReconcileFigures & { currency: string; statementDate: string } {
  const account = getAccount(p, accountId);
  checkBookingDate(statementDate);
  const figures = reconcileFigures(p, accountId, parseAmount(statementBalance, account.currency), clearedTransactionIds);
  return { ...figures, currency: account.currency, statementDate };
}

/** Live, not yet reconciled lines of an account up to the statement date: what the user can tick. */
export function unreconciledTransactions(p: LedgerProjection, accountId: string, statementDate: string): TransactionView[] {
  getAccount(p, accountId);
  checkBookingDate(statementDate);
  return p.sql
    .all<RawTransactionView>(
      `SELECT ${TRANSACTION_SELECT} FROM ${TRANSACTION_FROM}
       WHERE t.account_id = ? AND t.voided = 0 AND t.status <> 'reconciled' AND t.date <= ?
       ORDER BY t.date, t.n`,
      accountId,
      statementDate,
    )
    .map(toView);
}

export interface ReconciliationView {
  id: string;
  statementDate: string;
  statementBalanceMinor: number;
  clearedCount: number;
  at: string;
}

export function reconciliations(p: LedgerProjection, accountId: string): ReconciliationView[] {
  return p.sql.all<ReconciliationView>(
    `SELECT id, statement_date AS statementDate, statement_balance_minor AS statementBalanceMinor, cleared_count AS clearedCount, at
     FROM reconciliations WHERE account_id = ? ORDER BY n DESC`,
    accountId,
  );
}

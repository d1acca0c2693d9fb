/**
 * Budgets and reports. Amounts are grouped per currency and never added across currencies,
 * except in net worth, which converts with rates the user typed in.
 */
import { addMinor } from '../../shared/money';
import { checkMonth, lastDayOfMonth, monthsBetween } from './dates';
import type { LedgerProjection } from './projection';
import { convertTotals, listAccounts } from './queries';
import type { Converted, Rates } from './views';

export interface BudgetProgress {
  categoryId: string;
  name: string;
  parentId: string | null;
  currency: string;
  budgetMinor: number;
  /** Expenses in the month in this category and its children, in the budget's currency. */
  spentMinor: number;
  /** Negative when over budget. */
  remainingMinor: number;
  /** The month the budget amount was set for (it carries forward until changed). */
  setForMonth: string;
  /** The parent whose budget already contains this one (same currency), or null when it counts on its own. */
  includedIn: string | null;
  /** Names of the children whose budgets are part of this one. */
  includes: string[];
}

export interface BudgetTotal {
  currency: string;
  budgetMinor: number;
  spentMinor: number;
}

/**
 * The roll-up rule, in this one place:
 * - A child's budget is part of its parent's budget when the parent has a budget in the same
 *   currency (Food 1000 with Food › Coffee 100 is 1000 in all); otherwise it counts on its own.
 * - A budget's spent is the month's expenses in its category and its children.
 * - The total's spent counts each expense once: every expense in a category that has a budget or
 *   whose parent has one, in that currency — never once for the child and again for the parent.
 */
export function budgetOverview(p: LedgerProjection, month: string): { month: string; rows: BudgetProgress[]; totals: BudgetTotal[] } {
  const rows = budgetProgress(p, month);
  const budgeted = new Set(rows.map((row) => `${row.categoryId}|${row.currency}`));
  const totals = new Map<string, BudgetTotal>();
  for (const row of rows) {
    if (row.includedIn !== null) continue;
    const total = totals.get(row.currency) ?? { currency: row.currency, budgetMinor: 0, spentMinor: 0 };
    total.budgetMinor = addMinor(total.budgetMinor, row.budgetMinor);
    totals.set(row.currency, total);
  }
  const spent = p.sql.all<{ categoryId: string; parentId: string | null; currency: string; spent: number }>(
    `SELECT t.category_id AS categoryId, c.parent_id AS parentId, t.currency AS currency, -SUM(t.amount_minor) AS spent
     FROM transactions t JOIN categories c ON c.id = t.category_id
     WHERE t.voided = 0 AND t.kind = 'expense' AND t.date BETWEEN ? AND ?
     GROUP BY 1, 2, 3`,
    `${month}-01`,
    lastDayOfMonth(month),
  );
  for (const line of spent) {
    const covered = budgeted.has(`${line.categoryId}|${line.currency}`) || (line.parentId !== null && budgeted.has(`${line.parentId}|${line.currency}`));
    const total = totals.get(line.currency);
    if (covered && total) total.spentMinor = addMinor(total.spentMinor, line.spent);
  }
  return { month, rows, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

/** Budgets in effect for `month` ('YYYY-MM') with what has been spent against them. */
export function budgetProgress(p: LedgerProjection, month: string): BudgetProgress[] {
  checkMonth(month);
  const rows = p.sql.all<Omit<BudgetProgress, 'remainingMinor' | 'includedIn' | 'includes'>>(
    `WITH effective AS (
       SELECT b.category_id, b.month, b.amount_minor, b.currency FROM budgets b
       WHERE b.month = (SELECT MAX(b2.month) FROM budgets b2 WHERE b2.category_id = b.category_id AND b2.month <= ?)
     )
     SELECT e.category_id AS categoryId, c.name AS name, c.parent_id AS parentId, e.currency AS currency,
            e.amount_minor AS budgetMinor, e.month AS setForMonth,
            COALESCE((SELECT -SUM(t.amount_minor) FROM transactions t
                      WHERE t.category_id IN (SELECT id FROM categories WHERE id = e.category_id OR parent_id = e.category_id)
                        AND t.voided = 0 AND t.kind = 'expense' AND t.currency = e.currency
                        AND t.date BETWEEN ? AND ?), 0) AS spentMinor
     FROM effective e JOIN categories c ON c.id = e.category_id
     WHERE e.amount_minor > 0 AND c.archived = 0
     ORDER BY c.n`,
    month,
    `${month}-01`,
    lastDayOfMonth(month),
  );
  const key = (categoryId: string, currency: string) => `${categoryId}|${currency}`;
  const budgeted = new Set(rows.map((row) => key(row.categoryId, row.currency)));
  return rows.map((row) => ({
    ...row,
    remainingMinor: addMinor(row.budgetMinor, -row.spentMinor),
    includedIn: row.parentId !== null && budgeted.has(key(row.parentId, row.currency)) ? row.parentId : null,
    includes: rows.filter((child) => child.parentId === row.categoryId && child.currency === row.currency).map((child) => child.name),
  }));
}

export interface CategorySpending {
  /** The top-level category (children are rolled up); null for uncategorized expenses. */
  categoryId: string | null;
  name: string | null;
  currency: string;
  spentMinor: number;
}

export function spendingByCategory(p: LedgerProjection, range: { fromMonth: string; toMonth: string }): CategorySpending[] {
  checkMonth(range.fromMonth);
  checkMonth(range.toMonth);
  return p.sql.all<CategorySpending>(
    `SELECT s.category_id AS categoryId, top.name AS name, s.currency AS currency, s.spent AS spentMinor
     FROM (SELECT COALESCE(c.parent_id, c.id) AS category_id, t.currency AS currency, -SUM(t.amount_minor) AS spent
           FROM transactions t LEFT JOIN categories c ON c.id = t.category_id
           WHERE t.voided = 0 AND t.kind = 'expense' AND t.date BETWEEN ? AND ?
           GROUP BY 1, 2) s
     LEFT JOIN categories top ON top.id = s.category_id
     ORDER BY s.currency, s.spent DESC, top.n`,
    `${range.fromMonth}-01`,
    lastDayOfMonth(range.toMonth),
  );
}

export interface MonthIncomeExpense {
  month: string;
  currency: string;
  incomeMinor: number;
  /** Positive: the total spent. */
  expenseMinor: number;
}

/** Every month of the range for each currency that has any income or expense in it (transfers excluded). */
export function incomeVsExpenseByMonth(p: LedgerProjection, range: { fromMonth: string; toMonth: string }): MonthIncomeExpense[] {
  checkMonth(range.fromMonth);
  checkMonth(range.toMonth);
  const rows = p.sql.all<MonthIncomeExpense>(
    `SELECT substr(t.date, 1, 7) AS month, t.currency AS currency,
            SUM(CASE WHEN t.kind = 'income' THEN t.amount_minor ELSE 0 END) AS incomeMinor,
            -SUM(CASE WHEN t.kind = 'expense' THEN t.amount_minor ELSE 0 END) AS expenseMinor
     FROM transactions t
     WHERE t.voided = 0 AND t.kind IN ('income', 'expense') AND t.date BETWEEN ? AND ?
     GROUP BY 1, 2`,
    `${range.fromMonth}-01`,
    lastDayOfMonth(range.toMonth),
  );
  const byKey = new Map(rows.map((row) => [`${row.month}|${row.currency}`, row]));
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  return monthsBetween(range.fromMonth, range.toMonth).flatMap((month) =>
    currencies.map((currency) => byKey.get(`${month}|${currency}`) ?? { month, currency, incomeMinor: 0, expenseMinor: 0 }),
  );
}

export interface NetWorthPoint extends Converted {
  month: string;
}

/**
 * Net worth at each month end: every account's opening balance (once it was opened) plus its
 * live lines dated up to that day, summed per currency, then converted with today's rates.
 * An account counts from its openedOn as listAccounts gives it: the earlier of the opening date
 * and its first live line, so a line dated before the opening never shows as a month with the
 * line but without the opening balance.
 */
export function netWorthOverTime(
  p: LedgerProjection,
  options: { fromMonth: string; toMonth: string; currency: string; rates?: Rates },
): NetWorthPoint[] {
  checkMonth(options.fromMonth);
  checkMonth(options.toMonth);
  const accounts = listAccounts(p, { includeClosed: true }).map((a) => ({ id: a.id, currency: a.currency, opening: a.openingBalanceMinor, openedOn: a.openedOn }));
  const monthly = p.sql.all<{ accountId: string; month: string; total: number }>(
    `SELECT account_id AS accountId, substr(date, 1, 7) AS month, SUM(amount_minor) AS total
     FROM transactions WHERE voided = 0 AND date <= ? GROUP BY 1, 2 ORDER BY 2`,
    lastDayOfMonth(options.toMonth),
  );
  const months = monthsBetween(options.fromMonth, options.toMonth);
  const points: NetWorthPoint[] = [];
  const balances = new Map<string, number>();
  let next = 0;
  for (const month of months) {
    // Fold in every month up to and including this one (earlier months only on the first pass).
    while (next < monthly.length && monthly[next]!.month <= month) {
      const row = monthly[next]!;
      balances.set(row.accountId, addMinor(balances.get(row.accountId) ?? 0, row.total));
      next += 1;
    }
    const monthEnd = lastDayOfMonth(month);
    const totals: Record<string, number> = {};
    for (const account of accounts) {
      const opening = account.openedOn <= monthEnd ? account.opening : 0;
      const balance = addMinor(opening, balances.get(account.id) ?? 0);
      totals[account.currency] = addMinor(totals[account.currency] ?? 0, balance);
    }
    points.push({ month, ...convertTotals(totals, options.currency, options.rates ?? {}) });
  }
  return points;
}

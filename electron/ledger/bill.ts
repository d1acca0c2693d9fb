/**
 * The bill view's figures (Alipay style): what the current filter spent and earned, in total and
 * per month, per currency. One GROUP BY over the list's own WHERE clause (search.ts whereClause),
 * so the figures, the count and the rows always describe the same lines, whatever page is on screen.
 */
import { addMinor } from '../../shared/money';
import type { LedgerProjection } from './projection';
import { whereClause, type TransactionSearch } from './search';
import { TRANSACTION_FROM } from './transaction-rows';

export interface CurrencyFlow {
  currency: string;
  /** Expenses, as a positive amount. */
  spentMinor: number;
  incomeMinor: number;
  /** income − spent. */
  netMinor: number;
}

export interface MonthBill {
  /** YYYY-MM */
  month: string;
  /** Rows of the list in this month (a transfer once), whatever they are. */
  count: number;
  totals: CurrencyFlow[];
}

export interface BillTotals {
  /** The list's row count for this filter. */
  count: number;
  totals: CurrencyFlow[];
  /** Months with any row, in the list's date order (newest first unless `direction` is 'asc'). */
  months: MonthBill[];
}

interface MonthCurrencyRow {
  month: string;
  currency: string;
  count: number;
  spent: number;
  income: number;
}

const flow = (currency: string, spentMinor: number, incomeMinor: number): CurrencyFlow => ({ currency, spentMinor, incomeMinor, netMinor: addMinor(incomeMinor, -spentMinor) });

/**
 * Transfers move money between the user's own accounts: neither spent nor income. Deleted lines
 * are rows when the filter shows them but never money. A row counts in the currency of the leg shown.
 */
export function billTotals(p: LedgerProjection, search: TransactionSearch): BillTotals {
  const { where, params } = whereClause(p, search);
  const direction = search.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = p.sql.all<MonthCurrencyRow>(
    `SELECT substr(t.date, 1, 7) AS month, t.currency AS currency, COUNT(*) AS count,
       COALESCE(SUM(CASE WHEN t.voided = 0 AND t.kind = 'expense' THEN -t.amount_minor END), 0) AS spent,
       COALESCE(SUM(CASE WHEN t.voided = 0 AND t.kind = 'income' THEN t.amount_minor END), 0) AS income
     FROM ${TRANSACTION_FROM} WHERE ${where}
     GROUP BY month, t.currency ORDER BY month ${direction}, t.currency`,
    ...params,
  );
  const months: MonthBill[] = [];
  const overall = new Map<string, { spent: number; income: number }>();
  for (const row of rows) {
    let month = months[months.length - 1];
    if (month?.month !== row.month) months.push((month = { month: row.month, count: 0, totals: [] }));
    month.count += row.count;
    month.totals.push(flow(row.currency, row.spent, row.income));
    const sum = overall.get(row.currency) ?? { spent: 0, income: 0 };
    overall.set(row.currency, { spent: addMinor(sum.spent, row.spent), income: addMinor(sum.income, row.income) });
  }
  const totals = [...overall.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) => flow(currency, sum.spent, sum.income));
  return { count: months.reduce((sum, month) => sum + month.count, 0), totals, months };
}

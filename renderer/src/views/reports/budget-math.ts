/** Budget figures for display: progress percent and status from integer minor units. */
import type { BudgetRow } from '../../../../shared/ledger-views';

/** Percent of the budget spent, for a progress bar (display only; the amounts stay integers). */
export function budgetPercent(row: Pick<BudgetRow, 'budgetMinor' | 'spentMinor'>): number {
  if (row.budgetMinor <= 0) return row.spentMinor > 0 ? 100 : 0;
  return Math.round((row.spentMinor / row.budgetMinor) * 1000) / 10;
}

export type BudgetState = 'ok' | 'near' | 'over';

export function budgetState(row: Pick<BudgetRow, 'budgetMinor' | 'spentMinor'>): BudgetState {
  if (row.spentMinor > row.budgetMinor) return 'over';
  return row.spentMinor * 10 >= row.budgetMinor * 9 ? 'near' : 'ok';
}

/** Budgets and spending summed per currency (budgets in different currencies are never added). */
export function budgetTotals(rows: readonly BudgetRow[]): { currency: string; budgetMinor: number; spentMinor: number }[] {
  const totals = new Map<string, { currency: string; budgetMinor: number; spentMinor: number }>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? { currency: row.currency, budgetMinor: 0, spentMinor: 0 };
    total.budgetMinor += row.budgetMinor;
    total.spentMinor += row.spentMinor;
    totals.set(row.currency, total);
  }
  return [...totals.values()];
}

/** Budget figures for display: progress percent and status from integer minor units. */
import type { BudgetRow } from '../../../../shared/ledger-views';
import { formatList } from '../../../../shared/format';

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

/** The hint under a budget line: which child budgets it includes, or which parent budget includes it. */
export function budgetHint(
  row: Pick<BudgetRow, 'includedIn' | 'includes'>,
  rows: readonly Pick<BudgetRow, 'categoryId' | 'name'>[],
  t: (key: string, params: Record<string, string>) => string,
  language: string,
): string | undefined {
  if (row.includedIn !== null) {
    const parent = rows.find((other) => other.categoryId === row.includedIn);
    return t('reports.budgets.partOf', { parent: parent?.name ?? '' });
  }
  return row.includes.length > 0 ? t('reports.budgets.includes', { names: formatList(row.includes, language) }) : undefined;
}

/** One budget line: category, spent of budget, and a progress bar that turns amber near and red over. */
import { Progress, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BudgetRow } from '../../../../shared/ledger-views';
import { useMoney } from '../../lib/money';
import { budgetPercent, budgetState } from './budget-math';

export function BudgetProgress({
  row,
  label,
  hint,
}: {
  row: Pick<BudgetRow, 'budgetMinor' | 'spentMinor' | 'currency'>;
  label: string;
  /** How this line rolls up (e.g. "Includes Coffee"), shown under the amounts. */
  hint?: string | undefined;
}) {
  const { t } = useTranslation();
  const { format } = useMoney();
  const { token } = theme.useToken();
  const state = budgetState(row);
  const percent = budgetPercent(row);
  const left = row.budgetMinor - row.spentMinor;
  const color = state === 'over' ? token.colorError : state === 'near' ? token.colorWarning : token.colorPrimary;
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
        <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
          {label}
        </Typography.Text>
        <Typography.Text style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {t('reports.budgets.spentOf', { spent: format(row.spentMinor, row.currency), budget: format(row.budgetMinor, row.currency) })}
        </Typography.Text>
      </div>
      <Progress
        percent={Math.min(100, percent)}
        showInfo={false}
        strokeColor={color}
        aria-label={t('reports.budgets.progressLabel', { name: label, percent })}
      />
      <Typography.Text type={state === 'over' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {state === 'over'
          ? t('reports.budgets.over', { amount: format(-left, row.currency) })
          : t('reports.budgets.left', { amount: format(left, row.currency), percent })}
      </Typography.Text>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="budget-hint">
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}

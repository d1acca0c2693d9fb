/** This month's spending against budget: totals per currency and the lines closest to their limit. */
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../../lib/api-context';
import { useQuery } from '../../lib/use-query';
import { thisMonth } from '../accounts/helpers';
import { BudgetProgress } from '../reports/BudgetProgress';
import { budgetHint, budgetPercent } from '../reports/budget-math';

const SHOWN = 4;

export function MonthBudgetCard({ onOpenBudgets }: { onOpenBudgets(): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const month = thisMonth();
  const budgets = useQuery(() => api.ledger.budgets({ month }), [api, month]);
  const rows = budgets.data?.rows ?? [];
  const closest = [...rows].sort((a, b) => budgetPercent(b) - budgetPercent(a)).slice(0, SHOWN);

  return (
    <Card
      title={t('dashboard.budget.title')}
      extra={
        <Button type="link" onClick={onOpenBudgets}>
          {t('dashboard.budget.manage')}
        </Button>
      }
      style={{ height: '100%' }}
    >
      {budgets.error ? (
        <Alert type="error" showIcon title={errorText(budgets.error, t)} />
      ) : !budgets.data ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.budget.empty')}>
          <Button onClick={onOpenBudgets}>{t('dashboard.budget.setFirst')}</Button>
        </Empty>
      ) : (
        <>
          {rows.length > 1 && budgets.data.totals.map((total) => (
            <BudgetProgress
              key={total.currency}
              row={total}
              label={t('dashboard.budget.total', { currency: total.currency })}
              hint={rows.some((row) => row.includedIn !== null) ? t('dashboard.budget.totalHint') : undefined}
            />
          ))}
          {closest.map((row) => (
            <BudgetProgress key={row.categoryId + row.currency} row={row} label={row.name} hint={budgetHint(row, rows, t, i18n.language)} />
          ))}
        </>
      )}
    </Card>
  );
}

/** Monthly budgets per category with progress, plus setting budgets and creating categories. */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../../lib/api-context';
import { useMoney } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { thisMonth } from '../accounts/helpers';
import { BudgetProgress } from './BudgetProgress';
import { budgetHint } from './budget-math';
import { CategoryDialog, categoryLabel } from './CategoryDialog';
import { SetBudgetDialog, type BudgetDraft } from './SetBudgetDialog';

export function BudgetsPanel({ defaultCurrency }: { defaultCurrency: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { toInput } = useMoney();
  const [month, setMonth] = useState(thisMonth);
  const budgets = useQuery(() => api.ledger.budgets({ month }), [api, month]);
  const categories = useQuery(() => api.ledger.categories({}), [api]);
  const [draft, setDraft] = useState<BudgetDraft | null>(null);
  const [creatingCategory, setCreatingCategory] = useState(false);

  const all = categories.data?.categories ?? [];
  const hasExpenseCategory = all.some((c) => c.kind === 'expense');
  const rows = budgets.data?.rows ?? [];
  const error = budgets.error ?? categories.error;

  return (
    <Card
      title={t('reports.budgets.title')}
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            aria-label={t('reports.budgets.month')}
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
          />
          <Button icon={<TagsOutlined />} onClick={() => setCreatingCategory(true)}>
            {t('reports.category.new')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} disabled={!hasExpenseCategory} onClick={() => setDraft({ currency: defaultCurrency })}>
            {t('reports.budgets.set')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error, t)} />
      ) : !budgets.data || !categories.data ? (
        <Skeleton active />
      ) : !hasExpenseCategory ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.budgets.noCategories')}>
          <Button type="primary" icon={<TagsOutlined />} onClick={() => setCreatingCategory(true)}>
            {t('reports.category.new')}
          </Button>
        </Empty>
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.budgets.empty', { month })}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({ currency: defaultCurrency })}>
            {t('reports.budgets.set')}
          </Button>
        </Empty>
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', columnGap: 32 }}>
          {rows.length > 1 && budgets.data.totals.map((total) => (
            <BudgetProgress
              key={`total-${total.currency}`}
              row={total}
              label={t('dashboard.budget.total', { currency: total.currency })}
              hint={rows.some((row) => row.includedIn !== null) ? t('dashboard.budget.totalHint') : undefined}
            />
          ))}
          {rows.map((row) => {
            const category = all.find((c) => c.id === row.categoryId);
            const label = category ? categoryLabel(category, all) : row.name;
            return (
              <div key={row.categoryId + row.currency} style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <BudgetProgress row={row} label={label} hint={budgetHint(row, rows, t, i18n.language)} />
                </div>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('reports.budgets.edit', { name: label })}
                  onClick={() => setDraft({ categoryId: row.categoryId, currency: row.currency, amount: toInput(row.budgetMinor, row.currency) })}
                />
              </div>
            );
          })}
        </div>
      )}
      {!error && categories.data && all.length > 0 && (
        <section aria-label={t('reports.category.listLabel')} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {t('reports.category.listLabel')}
          </Typography.Text>
          {all.map((c) => (
            <Tag key={c.id} color={c.kind === 'income' ? 'success' : undefined} style={{ marginBottom: 4 }}>
              {categoryLabel(c, all)}
            </Tag>
          ))}
        </section>
      )}
      <SetBudgetDialog open={draft !== null} month={month} draft={draft ?? { currency: defaultCurrency }} categories={all} onClose={() => setDraft(null)} />
      <CategoryDialog open={creatingCategory} categories={all} onClose={() => setCreatingCategory(false)} />
    </Card>
  );
}

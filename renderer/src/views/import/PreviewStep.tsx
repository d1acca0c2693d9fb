/**
 * Step 3: what the import would do — counts per status, totals per direction, each account's
 * balance before and after, warnings when a balance would break its account's rule — and every
 * row in a virtualized table (only the rows on screen are in the DOM). Possible duplicates are
 * skipped unless ticked.
 */
import { useRef } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AccountView, CategoryView } from '../../../../shared/ledger-views';
import type { PlannedRowView } from '../../../../shared/import-views';
import { useMoney } from '../../lib/money';
import { useCategories } from '../../components/ledger-data';
import { categoryLabel } from '../reports/CategoryDialog';
import { IssueList } from './IssueList';
import { StatementMapping } from './StatementMapping';
import type { ImportWizard } from './use-import';

const STATUS_COLOR: Record<PlannedRowView['status'], string> = { new: 'success', duplicate: 'default', possible_duplicate: 'warning', error: 'error', skipped: 'default' };
const ROW_HEIGHT = 40;

export function PreviewStep({ wizard, accounts }: { wizard: ImportWizard; accounts: readonly AccountView[] }) {
  const { t } = useTranslation();
  const { format } = useMoney();
  const scroller = useRef<HTMLDivElement>(null);
  const preview = wizard.preview;
  const rows = preview?.rows ?? [];
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const categories = useCategories();
  if (!preview) return null;
  const summary = wizard.totals ?? preview;
  const accountOf = (id: string) => accounts.find((a) => a.id === id);
  const currency = accountOf(wizard.choices.accountId ?? '')?.currency ?? 'CNY';
  const importing = preview.counts.new + wizard.include.length;
  return (
    <Card title={t('import.wizard.preview.title')} data-testid="import-preview">
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('import.wizard.status.new')} value={preview.counts.new} valueStyle={{ color: 'var(--ant-color-success)' }} data-testid="count-new" />
        <Statistic title={t('import.wizard.status.duplicate')} value={preview.counts.duplicate} data-testid="count-duplicate" />
        <Statistic title={t('import.wizard.status.possible_duplicate')} value={preview.counts.possibleDuplicate} data-testid="count-possible" />
        <Statistic title={t('import.wizard.status.skipped')} value={preview.counts.skipped} />
        <Statistic title={t('import.wizard.status.error')} value={preview.counts.error} />
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('import.wizard.preview.income')}>{format(summary.totals.incomeMinor, currency)}</Descriptions.Item>
        <Descriptions.Item label={t('import.wizard.preview.expense')}>{format(summary.totals.expenseMinor, currency)}</Descriptions.Item>
        <Descriptions.Item label={t('import.wizard.preview.transfer_in')}>{format(summary.totals.transferInMinor, currency)}</Descriptions.Item>
        <Descriptions.Item label={t('import.wizard.preview.transfer_out')}>{format(summary.totals.transferOutMinor, currency)}</Descriptions.Item>
        {summary.balances.map((balance) => (
          <Descriptions.Item key={balance.accountId} label={t('import.wizard.preview.balance', { account: accountOf(balance.accountId)?.name ?? '' })}>
            {format(balance.beforeMinor, balance.currency)} → {format(balance.afterMinor, balance.currency)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {summary.warnings.map((warning) => (
        <Alert
          key={warning.accountId}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.wizard.preview.floor_warning', {
            account: warning.account,
            balance: format(warning.balanceMinor, warning.currency),
            floor: format(warning.floorMinor, warning.currency),
            adjustment: format(warning.suggestedAdjustmentMinor, warning.currency),
          })}
        />
      ))}
      <IssueList issues={preview.errors} count={preview.errorCount} />
      <StatementMapping wizard={wizard} accounts={accounts} categories={categories} />
      <div role="table" aria-label={t('import.wizard.preview.table')} aria-rowcount={rows.length + 1} className="ow-import-table">
        <div role="rowgroup">
          <div role="row" className="ow-import-row ow-import-head">
            {(['line', 'date', 'payee', 'category', 'amount', 'status', 'include'] as const).map((column) => (
              <span key={column} role="columnheader" style={column === 'amount' ? { textAlign: 'right' } : undefined}>
                {t(`import.wizard.columns.${column}`)}
              </span>
            ))}
          </div>
        </div>
        <div ref={scroller} role="rowgroup" className="ow-import-scroller" tabIndex={0} data-testid="import-rows">
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div key={item.key} role="row" className="ow-import-row" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                  <span role="cell">{row.line}</span>
                  <span role="cell">{row.date}</span>
                  <span role="cell" title={row.note}>
                    {row.payee}
                  </span>
                  <span role="cell" title={row.category || undefined}>
                    <RowCategory row={row} categories={categories} accountName={(id) => accountOf(id)?.name ?? ''} />
                  </span>
                  <span role="cell" style={{ textAlign: 'right' }}>
                    {format(row.amountMinor, accountOf(row.accountId)?.currency ?? currency)}
                  </span>
                  <span role="cell" title={row.issue ? t(row.issue.messageKey, row.issue.params) : undefined}>
                    <Tag color={STATUS_COLOR[row.status]}>{t(`import.wizard.status.${row.status}`)}</Tag>
                    {row.issue && <span className="ow-import-issue">{t(row.issue.messageKey, row.issue.params)}</span>}
                  </span>
                  <span role="cell">
                    {row.status === 'possible_duplicate' && (
                      <Checkbox
                        aria-label={t('import.wizard.preview.include', { line: row.line })}
                        checked={wizard.include.includes(row.index)}
                        onChange={(event) => void wizard.toggleInclude(row.index, event.target.checked)}
                      />
                    )}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <Button type="primary" style={{ marginTop: 16 }} disabled={importing === 0} loading={wizard.busy === 'commit'} onClick={() => void wizard.commit()} data-testid="import-commit">
        {t('import.wizard.preview.commit', { count: importing })}
      </Button>
    </Card>
  );
}

/** A row's category: the wallet category it is recorded with, the transfer's other account, or the statement's own text when nothing matched. */
function RowCategory({ row, categories, accountName }: { row: PlannedRowView; categories: readonly CategoryView[]; accountName: (id: string) => string }) {
  const { t } = useTranslation();
  if (row.counterAccountId) return <span>{`${row.amountMinor < 0 ? '→' : '←'} ${accountName(row.counterAccountId)}`}</span>;
  if (row.transferAccount) return <span className="ow-import-issue">[{row.transferAccount}]</span>;
  const category = row.categoryId ? categories.find((c) => c.id === row.categoryId) : undefined;
  if (category) return <span>{categoryLabel(category, categories)}</span>;
  if (!row.category) return null;
  // A row left out (a neutral row, an error) is not recorded: its statement category is shown as it is.
  if (row.status === 'skipped' || row.status === 'error' || row.kind === 'neutral') return <Typography.Text type="secondary">{row.category}</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      {row.category} · {t('import.wizard.categories.none')}
    </Typography.Text>
  );
}

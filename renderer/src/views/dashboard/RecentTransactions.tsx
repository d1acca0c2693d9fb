/** The ten most recent transactions across accounts. */
import { Alert, Button, Card, Empty, Skeleton, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../../shared/ledger-views';
import { errorText, useApi } from '../../lib/api-context';
import { useFormat } from '../../lib/format';
import { rowAmount } from '../../lib/transaction-amount';
import { useMoney } from '../../lib/money';
import { useQuery } from '../../lib/use-query';

export function describeTransaction(row: TransactionView, t: TFunction): string {
  if (row.kind === 'transfer') {
    return t(row.amountMinor < 0 ? 'accounts.register.transferTo' : 'accounts.register.transferFrom', { account: row.counterAccountName ?? '' });
  }
  return row.payee || row.categoryName || t(`ledger.transactionKinds.${row.kind}`);
}

export function RecentTransactions({ onOpenAll, onRecord }: { onOpenAll(): void; onRecord(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { format } = useMoney();
  const formatter = useFormat();
  const { day } = formatter;
  const { token } = theme.useToken();
  const recent = useQuery(() => api.ledger.transactions({ limit: 10, sort: 'date', direction: 'desc' }), [api]);

  return (
    <Card
      title={t('dashboard.recent.title')}
      extra={
        <Button type="link" onClick={onOpenAll}>
          {t('dashboard.recent.all')}
        </Button>
      }
      style={{ height: '100%' }}
    >
      {recent.error ? (
        <Alert type="error" showIcon title={errorText(recent.error, t)} />
      ) : !recent.data ? (
        <Skeleton active />
      ) : recent.data.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.recent.empty')}>
          <Button onClick={onRecord}>{t('dashboard.actions.record')}</Button>
        </Empty>
      ) : (
        <ul aria-label={t('dashboard.recent.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {recent.data.rows.map((row, index) => (
            <li
              key={row.id}
              style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 0', borderTop: index ? `1px solid ${token.colorBorderSecondary}` : undefined }}
            >
              <span style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text ellipsis style={{ display: 'block' }}>
                  {describeTransaction(row, t)}
                </Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {`${day(row.date)} · ${row.accountName}${row.categoryName && row.payee ? ` · ${row.categoryName}` : ''}`}
                </Typography.Text>
              </span>
              <Typography.Text
                strong
                style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: row.amountMinor > 0 ? token.colorSuccessText : undefined }}
              >
                {row.kind === 'transfer' ? rowAmount(row, formatter) : format(row.amountMinor, row.currency)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

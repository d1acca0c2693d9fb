/**
 * One transaction's history, oldest first: every event that recorded, edited, deleted, restored
 * or re-statused it, read from `ledger/history`. Nothing in the journal is overwritten, so this is
 * the full story of the line.
 */
import { Alert, Descriptions, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../shared/format';
import type { TFunction } from 'i18next';
import type { TransactionHistory } from '../../../shared/ledger-views';
import { errorText, useApi } from '../lib/api-context';
import { useMoney } from '../lib/money';
import { useQuery } from '../lib/use-query';
import { displayPayee } from './dialog-parts';
import './dialogs.css';
import { useAccounts, useCategories } from './ledger-data';

export interface HistoryDrawerProps {
  open: boolean;
  onClose(): void;
  /** The transaction whose history to show; nothing loads while it is null. */
  transactionId: string | null;
}

/** Shown elsewhere (the formatted amount carries the currency) or meaningless to a person. */
const HIDDEN_FIELDS = new Set(['currency', 'reconciliationId']);

const ACTION_COLORS: Record<string, string> = {
  recorded: 'success',
  amended: 'processing',
  voided: 'error',
  restored: 'success',
  status: 'gray',
  reconciled: 'processing',
};

export function HistoryDrawer({ open, onClose, transactionId }: HistoryDrawerProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const query = useQuery<TransactionHistory | null>(
    () => (open && transactionId ? api.ledger.history({ transactionId }) : Promise.resolve({ ok: true, value: null })),
    [api, open, transactionId],
  );
  const describe = useDetailFormatter();
  const history = query.data;

  return (
    <Drawer open={open} onClose={onClose} title={t('transactions.history.title')} size={460} closable={{ 'aria-label': t('transactions.dialog.close') }}>
      {query.error && <Alert type="error" showIcon title={errorText(query.error, t)} />}
      {!history && query.loading && <Spin />}
      {history && (
        <>
          <Typography.Paragraph type="secondary">
            {t('transactions.history.intro', { payee: displayPayee(history.transaction, t) })}
          </Typography.Paragraph>
          {history.entries.length === 0 ? (
            <Empty description={t('transactions.history.empty')} />
          ) : (
            <Timeline
              items={history.entries.map((entry) => ({
                key: entry.eventId,
                color: ACTION_COLORS[entry.action] ?? 'gray',
                content: (
                  <div className="ow-history-entry">
                    <div>
                      <Tag color={ACTION_COLORS[entry.action]}>{t(`ledger.history.${entry.action}`)}</Tag>
                      <Typography.Text type="secondary">{formatInstant(entry.at, i18n.language)}</Typography.Text>
                    </div>
                    <Descriptions
                      size="small"
                      column={1}
                      items={Object.entries(entry.details)
                        .filter(([key, value]) => value !== undefined && value !== '' && !HIDDEN_FIELDS.has(key))
                        .map(([key, value]) => ({
                          key,
                          label: fieldLabel(key, t),
                          children: describe(key, value, history.transaction.currency),
                        }))}
                    />
                  </div>
                ),
              }))}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

function fieldLabel(key: string, t: TFunction): string {
  return t(`transactions.history.fields.${key}`, { defaultValue: key });
}

/** Turns an event's raw field (ids, minor units, status codes) into what a person reads. */
function useDetailFormatter() {
  const { t } = useTranslation();
  const { format } = useMoney();
  const { accounts } = useAccounts();
  const categories = useCategories();
  const describe = (key: string, value: unknown, currency: string): string => {
    if (value === null) return '—';
    // Amendments record each changed field as { from, to }.
    if (typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value) {
      return `${describe(key, value.from, currency)} → ${describe(key, value.to, currency)}`;
    }
    if ((key === 'amountMinor' || key === 'counterAmountMinor') && typeof value === 'number') {
      return key === 'amountMinor' ? format(value, currency) : String(value);
    }
    if (key === 'accountId') return accounts.find((account) => account.id === value)?.name ?? String(value);
    if (key === 'categoryId') return categories.find((category) => category.id === value)?.name ?? String(value);
    if (key === 'status' && typeof value === 'string') return t(`ledger.statuses.${value}`);
    if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return describe;
}

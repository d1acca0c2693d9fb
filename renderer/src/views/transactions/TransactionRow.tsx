/** One line of the transactions list: date, payee, category, account, signed amount, status, actions. */
import { memo } from 'react';
import { Button, Dropdown, Skeleton, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { EditOutlined, HistoryOutlined, LockOutlined, MoreOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../../shared/ledger-views';
import { useFormat } from '../../lib/format';
import { rowAmounts } from '../../lib/transaction-amount';
import { displayPayee } from '../../components/dialog-parts';

export interface RowActions {
  edit(row: TransactionView): void;
  void(row: TransactionView): void;
  restore(row: TransactionView): void;
  setStatus(row: TransactionView, status: 'pending' | 'cleared'): void;
  history(row: TransactionView): void;
}

// Semantic colours follow the theme's contrast-checked tokens (lib/theme.ts); antd's preset palettes do not.
export const STATUS_COLORS = { pending: 'warning', cleared: 'success', reconciled: 'processing' } as const;

interface Props {
  row: TransactionView | undefined;
  index: number;
  actions: RowActions;
  /** In "recently deleted" the row offers Restore first and shows when it was deleted. */
  deletedView?: boolean;
}

export const TransactionRow = memo(function TransactionRow({ row, index, actions, deletedView }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} aria-busy className="ow-tx-row ow-tx-row-loading">
        <Skeleton.Input active size="small" block />
      </div>
    );
  }
  const payee = displayPayee(row, t);
  const category =
    row.kind === 'transfer'
      ? t('ledger.transactionKinds.transfer')
      : row.categoryName
        ? row.parentCategoryName
          ? `${row.parentCategoryName} › ${row.categoryName}`
          : row.categoryName
        : t('ledger.uncategorized');
  const account =
    row.kind === 'transfer' && row.counterAccountName
      ? row.amountMinor < 0
        ? `${row.accountName} → ${row.counterAccountName}`
        : `${row.accountName} ← ${row.counterAccountName}`
      : row.accountName;
  const [amount, received] = rowAmounts(row, format);
  const sign = received || row.amountMinor < 0 ? 'ow-amount-out' : row.amountMinor > 0 ? 'ow-amount-in' : '';
  const locked = row.status === 'reconciled';
  // Changing or deleting a transfer changes both legs: a reconciled other leg locks it (its status stays per leg),
  // so its row offers View, not Edit (the dialog opens read-only and names the reconciled leg).
  const readOnly = locked || row.counterStatus === 'reconciled';

  const menu: MenuProps['items'] = [
    ...(!row.voided && !locked
      ? [
          row.status === 'pending'
            ? { key: 'cleared', label: t('transactions.actions.markCleared'), onClick: () => actions.setStatus(row, 'cleared') }
            : { key: 'pending', label: t('transactions.actions.markPending'), onClick: () => actions.setStatus(row, 'pending') },
        ]
      : []),
    { key: 'history', icon: <HistoryOutlined aria-hidden />, label: t('transactions.actions.history'), onClick: () => actions.history(row) },
    ...(!row.voided && !readOnly
      ? [{ type: 'divider' as const }, { key: 'void', danger: true, label: t('transactions.actions.void'), onClick: () => actions.void(row) }]
      : []),
  ];

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`ow-tx-row${row.voided ? ' ow-tx-voided' : ''}`}
      data-testid="transaction-row"
      data-id={row.id}
    >
      <span role="cell" className="ow-tx-date">
        {format.day(row.date)}
      </span>
      <span role="cell" className="ow-tx-payee">
        <Typography.Text strong ellipsis className="ow-tx-strike">
          {payee}
        </Typography.Text>
        {(row.note || row.tags.length > 0) && (
          <Typography.Text type="secondary" ellipsis className="ow-tx-sub">
            {[row.tags.map((tag) => `#${tag}`).join(' '), row.note].filter(Boolean).join(' · ')}
          </Typography.Text>
        )}
      </span>
      <span role="cell" className="ow-tx-category">
        <Typography.Text ellipsis type={row.categoryName || row.kind === 'transfer' ? undefined : 'secondary'}>
          {category}
        </Typography.Text>
      </span>
      <span role="cell" className="ow-tx-account">
        <Typography.Text ellipsis>{account}</Typography.Text>
      </span>
      <span role="cell" className={`ow-tx-amount ${sign} ow-tx-strike`}>
        {received ? (
          // Across currencies: what left, and below it what arrived (one transfer, one row).
          <>
            <span className="ow-tx-amount-line">{amount}</span>
            <span className="ow-tx-amount-line ow-tx-sub ow-amount-in">{`→ ${received}`}</span>
          </>
        ) : (
          amount
        )}
      </span>
      <span role="cell" className="ow-tx-status">
        {row.voided ? (
          <Tag color="red" title={row.voidedAt ?? undefined}>
            {deletedView && row.voidedAt
              ? t('transactions.row.deletedOn', { date: format.instant(row.voidedAt) })
              : t('transactions.row.deleted')}
          </Tag>
        ) : (
          <Tag color={STATUS_COLORS[row.status]} icon={locked ? <LockOutlined aria-hidden /> : undefined}>
            {t(`ledger.statuses.${row.status}`)}
          </Tag>
        )}
      </span>
      <span role="cell" className="ow-tx-actions">
        {row.voided ? (
          <Tooltip title={t('transactions.actions.restore')}>
            <Button
              size="small"
              type={deletedView ? 'primary' : 'default'}
              icon={<UndoOutlined aria-hidden />}
              aria-label={t('transactions.actions.restoreNamed', { payee })}
              onClick={() => actions.restore(row)}
            >
              {deletedView ? t('transactions.actions.restore') : null}
            </Button>
          </Tooltip>
        ) : (
          <Tooltip title={readOnly ? t('transactions.actions.view') : t('transactions.actions.edit')}>
            <Button
              size="small"
              type="text"
              icon={readOnly ? <LockOutlined aria-hidden /> : <EditOutlined aria-hidden />}
              aria-label={t(readOnly ? 'transactions.actions.viewNamed' : 'transactions.actions.editNamed', { payee })}
              onClick={() => actions.edit(row)}
            />
          </Tooltip>
        )}
        <Dropdown menu={{ items: menu }} trigger={['click']}>
          <Button size="small" type="text" icon={<MoreOutlined aria-hidden />} aria-label={t('transactions.actions.moreNamed', { payee })} />
        </Dropdown>
      </span>
    </div>
  );
});

/**
 * Transactions: every expense, income and transfer, searchable and filterable, in a virtualized
 * list that pages through `ledger/transactions`; plus "Recently deleted" to restore voided lines.
 * Adding, editing and transferring happen in the shared dialogs under components/.
 */
import { useCallback, useMemo, useState } from 'react';
import { Button, Space, Tabs, Typography } from 'antd';
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../../shared/format';
import type { TransactionView } from '../../../../shared/ledger-views';
import { ManageCategoriesButton } from '../../components/CategoryManager';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { TransactionDialog } from '../../components/TransactionDialog';
import { TransferDialog } from '../../components/TransferDialog';
import { useAccounts, useCategories } from '../../components/ledger-data';
import { useApi } from '../../lib/api-context';
import { useQuery } from '../../lib/use-query';
import { BillSummary } from './BillParts';
import { NoAccounts, NoMatches, NothingDeleted, NoTransactions } from './EmptyStates';
import { FilterBar } from './FilterBar';
import { filtersFromQuery, isFiltered, NO_FILTERS, toQuery, type Filters } from './filters';
import { routeQuery } from '../../lib/routes';
import { TransactionList } from './TransactionList';
import { useRowActions } from './use-row-actions';
import { usePagedTransactions } from './use-transaction-pages';
import './transactions.css';

type Dialog = { type: 'transaction' | 'transfer'; transaction?: TransactionView } | null;
type Tab = 'all' | 'deleted';

export function TransactionsView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { accounts, loading: accountsLoading } = useAccounts();
  const categories = useCategories();
  const [tab, setTab] = useState<Tab>('all');
  // Opened from a chart: start narrowed to what the slice or bar stood for (lib/routes openTransactions).
  const [filters, setFilters] = useState<Filters>(() => filtersFromQuery(routeQuery()));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [historyId, setHistoryId] = useState<string | null>(null);

  const query = useMemo(() => toQuery(filters), [filters]);
  const queryKey = JSON.stringify(query);
  const all = usePagedTransactions(
    useCallback(
      ({ offset, limit, after }) => (after ? api.ledger.transactionsAfter({ ...query, limit, after }) : api.ledger.transactions({ ...query, offset, limit })),
      [api, query],
    ),
    queryKey,
  );
  // The bill view's sums come from the engine for the same filter (never added up from a page).
  const bill = useQuery(() => api.ledger.billTotals(query), [api, query]);
  const deleted = usePagedTransactions(
    useCallback(({ offset, limit }) => api.ledger.recentlyDeleted({ offset, limit }), [api]),
    'deleted',
  );

  const actions = useRowActions({
    edit: useCallback((row: TransactionView) => setDialog({ type: 'transaction', transaction: row }), []),
    history: useCallback((row: TransactionView) => setHistoryId(row.id), []),
  });

  const addTransaction = () => setDialog({ type: 'transaction' });
  const addTransfer = () => setDialog({ type: 'transfer' });
  const filtered = isFiltered(filters);
  const paged = tab === 'all' ? all : deleted;
  const count = paged.total;

  const emptyAll =
    !accountsLoading && accounts.length === 0 ? (
      <NoAccounts />
    ) : filtered ? (
      <NoMatches onClear={() => setFilters({ ...NO_FILTERS, sort: filters.sort, direction: filters.direction })} />
    ) : (
      <NoTransactions onAdd={addTransaction} onTransfer={addTransfer} canTransfer={accounts.length >= 2} />
    );

  return (
    <div className="ow-tx-view">
      {/* The actions sit beside the tabs, not in antd's tab bar: that bar is a tablist, which may own tabs only. */}
      <div className="ow-tx-tabbar">
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={[
            { key: 'all', label: t('transactions.tabs.all') },
            {
              key: 'deleted',
              label: deleted.total ? t('transactions.tabs.deletedCount', { count: deleted.total }) : t('transactions.tabs.deleted'),
            },
          ]}
        />
        <Space>
          <ManageCategoriesButton />
          <Button icon={<SwapOutlined aria-hidden />} onClick={addTransfer} disabled={accounts.length < 2}>
            {t('transactions.transfer')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={addTransaction} disabled={accounts.length === 0}>
            {t('transactions.add')}
          </Button>
        </Space>
      </div>
      {/* Nothing to filter yet: the empty state speaks alone. */}
      {tab === 'all' && (all.total !== 0 || filtered) && <FilterBar filters={filters} onChange={setFilters} accounts={accounts} categories={categories} />}
      <div className="ow-tx-summary" aria-live="polite">
        <Typography.Text type="secondary" data-testid="transaction-count">
          {count === null
            ? t('transactions.loading')
            : tab === 'all'
              ? t('transactions.count', { count, formatted: formatCount(count, i18n.language) })
              : t('transactions.deletedHint')}
        </Typography.Text>
        {tab === 'all' && bill.data && <BillSummary bill={bill.data} />}
      </div>
      {tab === 'all' ? (
        <TransactionList
          paged={all}
          actions={actions}
          label={t('transactions.tabs.all')}
          empty={emptyAll}
          resetKey={queryKey}
          months={filters.sort === 'date' ? bill.data?.months : null}
        />
      ) : (
        <TransactionList
          paged={deleted}
          actions={actions}
          label={t('transactions.tabs.deleted')}
          empty={<NothingDeleted />}
          deletedView
          resetKey="deleted"
        />
      )}
      <TransactionDialog
        open={dialog?.type === 'transaction'}
        transaction={dialog?.type === 'transaction' ? dialog.transaction : undefined}
        onClose={() => setDialog(null)}
      />
      <TransferDialog open={dialog?.type === 'transfer'} onClose={() => setDialog(null)} />
      <HistoryDrawer open={historyId !== null} transactionId={historyId} onClose={() => setHistoryId(null)} />
    </div>
  );
}

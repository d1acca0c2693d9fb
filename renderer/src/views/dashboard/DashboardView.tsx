/**
 * The dashboard: net worth in a chosen currency, accounts with balances, this month's spending
 * against budget, recent transactions and quick actions. A wallet with no accounts yet gets a
 * welcome card with one thing to do: add the first account.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { AuditOutlined, BarChartOutlined, PlusOutlined, SwapOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../../lib/api-context';
import { useRoute } from '../../lib/routes';
import { useQuery } from '../../lib/use-query';
import { TransactionDialog } from '../../components/TransactionDialog';
import { TransferDialog } from '../../components/TransferDialog';
import { AddAccountDialog } from '../accounts/AddAccountDialog';
import { EmptyAccounts } from '../accounts/EmptyAccounts';
import { BackupReminder } from '../backup/BackupReminder';
import { AccountsCard } from './AccountsCard';
import { MonthBudgetCard } from './MonthBudgetCard';
import { NetWorthCard } from './NetWorthCard';
import { RecentTransactions } from './RecentTransactions';
import { NewSinceCard } from './NewSinceCard';

export function DashboardView() {
  const { t } = useTranslation();
  const api = useApi();
  const [, go] = useRoute();
  const accounts = useQuery(() => api.ledger.accounts({}), [api]);
  const [adding, setAdding] = useState(false);
  // Recording from the dashboard happens right here, without a detour through another view.
  const [recording, setRecording] = useState<'transaction' | 'transfer' | null>(null);
  const dialog = <AddAccountDialog open={adding} onClose={() => setAdding(false)} defaultCurrency={accounts.data?.accounts[0]?.currency} />;

  if (accounts.error) return <Alert type="error" showIcon title={errorText(accounts.error, t)} />;
  if (!accounts.data) return <Skeleton active />;
  if (accounts.data.accounts.length === 0) {
    return (
      <>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 24 }}>
          {t('dashboard.welcome')}
        </Typography.Paragraph>
        <EmptyAccounts onAdd={() => setAdding(true)} />
        {dialog}
      </>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <BackupReminder />
      <NewSinceCard />
      <Card size="small" aria-label={t('dashboard.actions.title')} role="region">
        <Space wrap>
          <Typography.Text strong style={{ marginRight: 8 }}>
            {t('dashboard.actions.title')}
          </Typography.Text>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setRecording('transaction')}>
            {t('dashboard.actions.record')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => setRecording('transfer')}>
            {t('dashboard.actions.transfer')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('accounts.add')}
          </Button>
          <Button icon={<AuditOutlined />} onClick={() => go('accounts')}>
            {t('dashboard.actions.reconcile')}
          </Button>
          <Button icon={<BarChartOutlined />} onClick={() => go('reports')}>
            {t('dashboard.actions.budgets')}
          </Button>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <NetWorthCard accounts={accounts.data} />
        </Col>
        <Col xs={24} xl={14}>
          <AccountsCard accounts={accounts.data} onOpen={() => go('accounts')} />
        </Col>
        <Col xs={24} xl={10}>
          <MonthBudgetCard onOpenBudgets={() => go('reports')} />
        </Col>
        <Col xs={24} xl={14}>
          <RecentTransactions onOpenAll={() => go('transactions')} onRecord={() => setRecording('transaction')} />
        </Col>
      </Row>
      {dialog}
      <TransactionDialog open={recording === 'transaction'} onClose={() => setRecording(null)} />
      <TransferDialog open={recording === 'transfer'} onClose={() => setRecording(null)} />
    </Space>
  );
}

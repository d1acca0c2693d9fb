/** Accounts: every account grouped by kind with totals per currency; select one for its register and reconcile. */
import { useState } from 'react';
import { Alert, Button, Card, Skeleton, Space, Statistic, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../../lib/api-context';
import { useMoney } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { AccountDetail } from './AccountDetail';
import { AccountList } from './AccountList';
import { AddAccountDialog } from './AddAccountDialog';
import { EmptyAccounts } from './EmptyAccounts';

export function AccountsView() {
  const { t } = useTranslation();
  const api = useApi();
  const { format } = useMoney();
  const accounts = useQuery(() => api.ledger.accounts({}), [api]);
  const [adding, setAdding] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [showClosed, setShowClosed] = useState(false);

  const dialog = (
    <AddAccountDialog open={adding} onClose={() => setAdding(false)} defaultCurrency={accounts.data?.accounts[0]?.currency} />
  );
  if (accounts.error) return <Alert type="error" showIcon title={errorText(accounts.error, t)} />;
  if (!accounts.data) return <Skeleton active />;
  const all = accounts.data.accounts;
  if (all.length === 0) {
    return (
      <>
        <EmptyAccounts onAdd={() => setAdding(true)} />
        {dialog}
      </>
    );
  }

  const closedCount = all.filter((a) => a.closed).length;
  const visible = showClosed ? all : all.filter((a) => !a.closed);
  const selected = all.find((a) => a.id === selectedId) ?? visible[0] ?? all[0]!;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <div style={{ display: 'flex', alignItems: 'center', gap: 24, flexWrap: 'wrap' }}>
          <section aria-label={t('accounts.totals')} style={{ display: 'flex', gap: 32, flexWrap: 'wrap', flex: 1 }}>
            {accounts.data.totals.map((total) => (
              <Statistic
                key={total.currency}
                title={t('accounts.totalIn', { currency: total.currency })}
                value={format(total.balanceMinor, total.currency)}
              />
            ))}
          </section>
          <Space wrap>
            {closedCount > 0 && (
              <label>
                <Switch size="small" checked={showClosed} onChange={setShowClosed} /> <Typography.Text>{t('accounts.showClosed', { count: closedCount })}</Typography.Text>
              </label>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('accounts.add')}
            </Button>
          </Space>
        </div>
      </Card>
      <div className="ow-accounts-layout">
        <AccountList accounts={visible} selectedId={selected.id} onSelect={setSelectedId} />
        <AccountDetail account={selected} accounts={all} />
      </div>
      {dialog}
    </Space>
  );
}

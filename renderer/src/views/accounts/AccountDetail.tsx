/** The selected account: derived balance and limits, its actions, and its register. */
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/ledger-views';
import { useFormat } from '../../lib/format';
import { useMoney } from '../../lib/money';
import { AccountActions } from './AccountActions';
import { AccountStateTags } from './AccountList';
import { kindIcon } from './helpers';
import { ReconcileDrawer } from './ReconcileDrawer';
import { Register } from './Register';

export function AccountDetail({ account, accounts }: { account: AccountView; accounts: readonly AccountView[] }) {
  const { t } = useTranslation();
  const { format } = useMoney();
  const { day } = useFormat();
  const [reconciling, setReconciling] = useState(false);

  return (
    <Card
      title={
        <Space wrap>
          {kindIcon(account.kind)}
          <Typography.Text strong>{account.name}</Typography.Text>
          <AccountStateTags account={account} />
        </Space>
      }
      extra={
        <Space wrap>
          {!account.closed && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setReconciling(true)}>
              {t('reconcile.open')}
            </Button>
          )}
          <AccountActions account={account} accounts={accounts} />
        </Space>
      }
      styles={{ body: { paddingTop: 12 } }}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('accounts.detail.balance')}>
          <Typography.Text strong data-testid="account-balance" className="ow-money">
            {format(account.balanceMinor, account.currency)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('accounts.detail.available')}>
          <span className="ow-money">{format(account.availableMinor, account.currency)}</span>
        </Descriptions.Item>
        {account.creditLimitMinor > 0 && (
          <Descriptions.Item label={account.kind === 'credit' ? t('accounts.form.creditLimit') : t('accounts.form.overdraft')}>
            <span className="ow-money">{format(account.creditLimitMinor, account.currency)}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('accounts.detail.opened')}><span className="ow-date">{day(account.openedOn)}</span></Descriptions.Item>
        {account.note && (
          <Descriptions.Item label={t('accounts.edit.note')}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="account-note">{account.note}</Typography.Text>
          </Descriptions.Item>
        )}
        {account.frozen && account.frozenReason && (
          <Descriptions.Item label={t('accounts.detail.frozenReason')}>{account.frozenReason}</Descriptions.Item>
        )}
      </Descriptions>
      <Register key={account.id} account={account} />
      <ReconcileDrawer account={account} open={reconciling} onClose={() => setReconciling(false)} />
    </Card>
  );
}

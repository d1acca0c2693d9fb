/** Every open account with its derived balance, grouped by kind, and totals per currency. */
import { Button, Card, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountsView } from '../../../../shared/ledger-views';
import { useMoney } from '../../lib/money';
import { AccountStateTags } from '../accounts/AccountList';
import { groupByKind, kindIcon } from '../accounts/helpers';

export function AccountsCard({ accounts, onOpen }: { accounts: AccountsView; onOpen(): void }) {
  const { t } = useTranslation();
  const { format } = useMoney();
  const { token } = theme.useToken();
  const open = accounts.accounts.filter((account) => !account.closed);

  return (
    <Card
      title={t('dashboard.accounts.title')}
      extra={
        <Button type="link" onClick={onOpen}>
          {t('dashboard.accounts.manage')}
        </Button>
      }
      style={{ height: '100%' }}
    >
      <section aria-label={t('dashboard.accounts.title')}>
        {groupByKind(open).map(({ kind, accounts: group }) => (
          <div key={kind} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {kindIcon(kind)} {t(`ledger.accountKinds.${kind}`)}
            </Typography.Text>
            {group.map((account) => (
              <div key={account.id} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}>
                <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {account.name} <AccountStateTags account={account} />
                </Typography.Text>
                <Typography.Text
                  style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: account.balanceMinor < 0 ? token.colorErrorText : undefined }}
                >
                  {format(account.balanceMinor, account.currency)}
                </Typography.Text>
              </div>
            ))}
          </div>
        ))}
      </section>
      <div style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, paddingTop: 8, display: 'flex', flexWrap: 'wrap', gap: 16, justifyContent: 'flex-end' }}>
        {accounts.totals.map((total) => (
          <Typography.Text key={total.currency} strong style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('dashboard.accounts.total', { currency: total.currency, amount: format(total.balanceMinor, total.currency) })}
          </Typography.Text>
        ))}
      </div>
    </Card>
  );
}

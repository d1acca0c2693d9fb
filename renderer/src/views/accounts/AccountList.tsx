/** Accounts grouped by kind, each a selectable row with its state tags and derived balance. */
import { Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/ledger-views';
import { useMoney } from '../../lib/money';
import { groupByKind, kindIcon } from './helpers';

export function AccountStateTags({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  return (
    <>
      {account.frozen && <Tag color="orange">{t('accounts.state.frozen')}</Tag>}
      {account.closed && <Tag>{t('accounts.state.closed')}</Tag>}
    </>
  );
}

interface Props {
  accounts: readonly AccountView[];
  selectedId: string | null;
  onSelect(id: string): void;
}

export function AccountList({ accounts, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const { format } = useMoney();
  const { token } = theme.useToken();

  return (
    <nav aria-label={t('accounts.listLabel')}>
      {groupByKind(accounts).map(({ kind, accounts: group }) => (
        <section key={kind} aria-label={t(`ledger.accountKinds.${kind}`)} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary" strong style={{ display: 'block', margin: '0 4px 6px' }}>
            {kindIcon(kind)} {t(`ledger.accountKinds.${kind}`)} · {group.length}
          </Typography.Text>
          <div style={{ background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, overflow: 'hidden' }}>
            {group.map((account, index) => {
              const selected = account.id === selectedId;
              return (
                <button
                  key={account.id}
                  type="button"
                  aria-pressed={selected}
                  onClick={() => onSelect(account.id)}
                  style={{
                    all: 'unset',
                    boxSizing: 'border-box',
                    width: '100%',
                    display: 'flex',
                    alignItems: 'center',
                    gap: 8,
                    padding: '10px 14px',
                    cursor: 'pointer',
                    background: selected ? token.controlItemBgActive : undefined,
                    borderTop: index === 0 ? undefined : `1px solid ${token.colorBorderSecondary}`,
                    opacity: account.closed ? 0.6 : 1,
                  }}
                >
                  <span style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong ellipsis style={{ display: 'block' }}>
                      {account.name}
                    </Typography.Text>
                    <span>
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
                        {account.currency}
                      </Typography.Text>
                      <AccountStateTags account={account} />
                    </span>
                  </span>
                  <Typography.Text
                    strong
                    style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: account.balanceMinor < 0 ? token.colorErrorText : undefined }}
                  >
                    {format(account.balanceMinor, account.currency)}
                  </Typography.Text>
                </button>
              );
            })}
          </div>
        </section>
      ))}
    </nav>
  );
}

/** Designed empty states: no accounts yet, no transactions yet, nothing matches, nothing deleted. */
import { Button, Empty, Space, Typography } from 'antd';
import { BankOutlined, ClearOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

function Message({ title, body, children }: { title: string; body: string; children?: React.ReactNode }) {
  return (
    <Empty
      className="ow-tx-empty-state"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{body}</Typography.Text>
        </>
      }
    >
      {children && <Space wrap>{children}</Space>}
    </Empty>
  );
}

export function NoAccounts() {
  const { t } = useTranslation();
  return (
    <Message title={t('transactions.empty.noAccountsTitle')} body={t('transactions.empty.noAccountsBody')}>
      <Button type="primary" icon={<BankOutlined aria-hidden />} onClick={() => (window.location.hash = '#/accounts')}>
        {t('transactions.empty.goToAccounts')}
      </Button>
    </Message>
  );
}

export function NoTransactions({ onAdd, onTransfer, canTransfer }: { onAdd(): void; onTransfer(): void; canTransfer: boolean }) {
  const { t } = useTranslation();
  return (
    <Message title={t('transactions.empty.noneTitle')} body={t('transactions.empty.noneBody')}>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onAdd}>
        {t('transactions.add')}
      </Button>
      {canTransfer && (
        <Button icon={<SwapOutlined aria-hidden />} onClick={onTransfer}>
          {t('transactions.transfer')}
        </Button>
      )}
    </Message>
  );
}

export function NoMatches({ onClear }: { onClear(): void }) {
  const { t } = useTranslation();
  return (
    <Message title={t('transactions.empty.noMatchesTitle')} body={t('transactions.empty.noMatchesBody')}>
      <Button icon={<ClearOutlined aria-hidden />} onClick={onClear}>
        {t('transactions.filters.clear')}
      </Button>
    </Message>
  );
}

export function NothingDeleted() {
  const { t } = useTranslation();
  return <Message title={t('transactions.empty.nothingDeletedTitle')} body={t('transactions.empty.nothingDeletedBody')} />;
}

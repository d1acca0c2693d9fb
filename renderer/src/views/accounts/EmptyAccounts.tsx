/** What a wallet with no accounts shows: what an account is for, and one button to add the first. */
import { Button, Card, Empty, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function EmptyAccounts({ onAdd }: { onAdd(): void }) {
  const { t } = useTranslation();
  return (
    <Card style={{ maxWidth: 640, margin: '48px auto' }}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={4}>{t('accounts.empty.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('accounts.empty.body')}</Typography.Paragraph>
          </>
        }
      >
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={onAdd}>
          {t('accounts.add')}
        </Button>
      </Empty>
    </Card>
  );
}

/**
 * "I have a backup" (a new machine, or a wallet lost with its disk): a backup file becomes a new
 * wallet here. Nothing is asked for yet: the unlock screen that follows opens it with the
 * password (or recovery key) the wallet had when the backup was made.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, unwrap, useApi } from '../lib/api-context';
import { WalletNameField } from './WalletNameField';

interface Props {
  onRestored(walletId: string): void;
  onCancel(): void;
}

export function RestoreFromBackup({ onRestored, onCancel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: { path: string; name: string }) => {
    setWorking(true);
    setError(null);
    try {
      const { walletId } = await unwrap(api.backup.restoreAsNew({ path: values.path.trim(), name: values.name.trim() }));
      onRestored(walletId);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Card style={{ width: 640, maxWidth: '94vw' }}>
      <Typography.Title level={3}>{t('backup.restore_new.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('backup.new_machine_hint')}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false} onFinish={(values: { path: string; name: string }) => void submit(values)} initialValues={{ name: t('wallet.create.nameDefault') }}>
        <Form.Item
          name="path"
          label={t('backup.restore_new.path')}
          extra={t('backup.restore_new.path_hint')}
          rules={[{ required: true, whitespace: true, message: t('backup.restore_new.path_required') }]}
        >
          <Input spellCheck={false} autoComplete="off" autoFocus />
        </Form.Item>
        <WalletNameField label={t('backup.restore_new.name')} />
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={working}>
            {t('backup.restore_new.submit')}
          </Button>
          <Button onClick={onCancel}>{t('backup.restore_new.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** "Undo restore": the wallets kept by full restores, newest first; putting one back locks the wallet. */
import { useState } from 'react';
import { Alert, App, Button, Card, List, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { ago, dateTime, revertCopyTime } from './format';

export function RevertCopies({ copies }: { copies: string[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { modal, message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const putBack = (file: string) =>
    modal.confirm({
      title: t('backup.revert_confirm_title'),
      content: t('backup.revert_confirm_body'),
      okText: t('backup.revert_put_back'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(null);
        try {
          await unwrap(api.backup.revert({ revertFile: file }));
          void message.info(t('backup.revert_done'));
        } catch (caught) {
          setError(errorText(caught, t));
        }
      },
    });

  return (
    <Card title={t('backup.revert')}>
      <Typography.Paragraph type="secondary">{t('backup.revert_title')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <List
        aria-label={t('backup.revert_title')}
        size="small"
        dataSource={copies}
        locale={{ emptyText: t('backup.revert_empty') }}
        renderItem={(file) => {
          const at = revertCopyTime(file);
          return (
            <List.Item
              actions={[
                <Button key="put-back" size="small" icon={<RollbackOutlined />} aria-label={t('backup.revert_put_back_named', { file })} onClick={() => putBack(file)}>
                  {t('backup.revert_put_back')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={<span title={file}>{at ? t('backup.revert_hint', { when: dateTime(at, i18n.language) }) : file}</span>}
                description={at ? ago(at) : null}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

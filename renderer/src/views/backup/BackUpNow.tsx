/**
 * "Back up now": writes and verifies a backup to every configured folder, with a progress bar.
 * A folder that failed while another succeeded is reported, not hidden; a total failure shows the
 * engine's reason in place (the wallet is untouched either way).
 */
import { useState } from 'react';
import { Alert, App, Button, Space } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { TaskProgress } from './TaskProgress';
import { useTaskProgress } from './use-backup';

export function BackUpNow({ primary = true, onDone }: { primary?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [partial, setPartial] = useState<string[]>([]);
  const progress = useTaskProgress('backup', running);

  const run = async () => {
    setRunning(true);
    setError(null);
    setPartial([]);
    try {
      const result = await unwrap(api.backup.create({}));
      setPartial(result.failures.map((failure) => t('backup.backup_partial', { dir: failure.dir, reason: t(failure.messageKey, failure.params) })));
      void message.success(t('backup.backup_done', { file: result.file }));
      onDone?.();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Button type={primary ? 'primary' : 'default'} icon={<CloudUploadOutlined />} loading={running} onClick={() => void run()}>
          {t('backup.back_up_now')}
        </Button>
        <TaskProgress state={progress} label={t('backup.backup_running')} />
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {partial.map((text) => (
        <Alert key={text} type="warning" showIcon title={text} />
      ))}
    </Space>
  );
}

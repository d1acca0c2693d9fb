/**
 * Settings → About → Updates: this version, the channel, the last check, "check now" (always
 * available, also after a skip or a failed download), automatic checks and downloads on/off.
 */
import { Alert, Button, Card, Descriptions, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api-context';
import { dateTime } from '../backup/format';
import { useUpdateAction } from './UpdateActions';
import { useUpdateStatus } from './use-update-status';

export function UpdateCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useUpdateStatus();
  const run = useUpdateAction(setStatus);
  if (!status) return null;
  const checking = status.state === 'checking';
  const busy = checking || status.state === 'downloading' || status.state === 'verifying' || status.state === 'backing-up';

  return (
    <Card title={t('update.title')} data-testid="update-card">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('update.last_check')}>
            <span data-testid="update-last-check">{status.lastCheckAt ? dateTime(status.lastCheckAt, i18n.language) : t('update.never')}</span>
          </Descriptions.Item>
          {status.skippedVersion && <Descriptions.Item label={t('update.skip')}>{t('update.skipped', { version: status.skippedVersion })}</Descriptions.Item>}
        </Descriptions>
        <div role="status" aria-live="polite">
          {checking && <Typography.Text>{t('update.checking')}</Typography.Text>}
          {status.state === 'up-to-date' && <Alert type="success" showIcon title={t('update.up_to_date', { version: status.currentVersion })} />}
          {status.state === 'error' && status.error && <Alert type="warning" showIcon title={t(status.error.messageKey, status.error.params)} />}
        </div>
        <Button type="primary" loading={checking} disabled={busy || !status.configured} onClick={() => void run(() => api.update.check({}))}>
          {t('update.check_now')}
        </Button>
        <label>
          <Typography.Text strong>{t('update.channel')}</Typography.Text>
          <br />
          <Select
            aria-label={t('update.channel')}
            style={{ width: 260 }}
            value={status.settings.channel}
            disabled={busy}
            onChange={(channel: 'stable' | 'beta') => void run(() => api.update.updateSettings({ channel }))}
            options={[
              { value: 'stable', label: t('update.channels.stable') },
              { value: 'beta', label: t('update.channels.beta') },
            ]}
          />
        </label>
        {(['autoCheck', 'autoDownload'] as const).map((key) => (
          <Space key={key}>
            <Switch id={`ow-update-${key}`} checked={status.settings[key]} onChange={(on) => void run(() => api.update.updateSettings({ [key]: on }))} />
            <label htmlFor={`ow-update-${key}`}>{t(key === 'autoCheck' ? 'update.auto_check' : 'update.auto_download')}</label>
          </Space>
        ))}
      </Space>
    </Card>
  );
}

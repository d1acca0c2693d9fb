/** The dashboard's warning when the open wallet has no recent verified backup; hidden otherwise. */
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoute } from '../../lib/routes';
import { BackUpNow } from './BackUpNow';
import { daysSince } from './format';
import { useBackupOverview } from './use-backup';

export function BackupReminder() {
  const { t } = useTranslation();
  const [, go] = useRoute();
  const overview = useBackupOverview();
  if (!overview.data?.stale) return null;
  const { lastGood } = overview.data;
  return (
    <Alert
      type="warning"
      showIcon
      role="region"
      aria-label={t('backup.reminder_title')}
      title={t('backup.reminder_title')}
      description={
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <span>{lastGood ? t('backup.stale_warning', { days: daysSince(lastGood.createdAt) }) : t('backup.none_warning')}</span>
          <Space wrap align="start">
            <BackUpNow />
            <Button type="link" onClick={() => go('backup')}>
              {t('backup.reminder_open')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}

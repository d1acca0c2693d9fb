/** The top of the view: the last verified backup and its age, a warning when stale, "Back up now". */
import { Alert, Card, Space, Typography } from 'antd';
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/contract';
import { BackUpNow } from './BackUpNow';
import { ago, dateTime, daysSince } from './format';

export function StatusCard({ overview }: { overview: BackupOverview }) {
  const { t, i18n } = useTranslation();
  const { lastGood, stale, changedSinceLastBackup } = overview;
  return (
    <Card role="region" aria-label={t('backup.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space align="center" size="middle">
          {stale ? (
            <WarningFilled style={{ fontSize: 28, color: 'var(--ant-color-warning, #faad14)' }} aria-hidden />
          ) : (
            <CheckCircleFilled style={{ fontSize: 28, color: 'var(--ant-color-success, #52c41a)' }} aria-hidden />
          )}
          <div>
            <Typography.Title level={5} style={{ margin: 0 }} type={stale ? 'warning' : undefined} data-testid="last-good">
              {lastGood ? t('backup.last_good', { when: ago(lastGood.createdAt) }) : t('backup.last_good_none')}
            </Typography.Title>
            {lastGood && <Typography.Text type="secondary">{dateTime(lastGood.createdAt, i18n.language)}</Typography.Text>}
          </div>
        </Space>
        {stale && (
          <Alert type="warning" showIcon title={lastGood ? t('backup.stale_warning', { days: daysSince(lastGood.createdAt) }) : t('backup.none_warning')} />
        )}
        {!stale && changedSinceLastBackup && <Alert type="info" showIcon title={t('backup.changed_since')} />}
        <BackUpNow />
      </Space>
    </Card>
  );
}

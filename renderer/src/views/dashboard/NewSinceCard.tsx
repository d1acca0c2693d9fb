/**
 * The dashboard's "new since your last visit": what the security log recorded since the unlock
 * before this one (failed attempts, lockouts, key changes, restores…), the open unusual-payment
 * alerts, and the checkup's reminder when the score dropped or a month went by. Hidden when there
 * is nothing to say.
 */
import { useEffect, type ReactNode } from 'react';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Result, SecurityEventKind, SecurityLogSummary } from '../../../../shared/contract';
import { useApi } from '../../lib/api-context';
import { useQuery } from '../../lib/use-query';
import { formatInstant } from '../../../../shared/format';

/** Everyday entries are not news; the rest is worth a line. */
const ROUTINE = new Set<SecurityEventKind>(['unlocked', 'locked', 'auto_locked', 'backup_made', 'backup_verified', 'wallet_created']);
const DANGER = new Set<SecurityEventKind>(['unlock_failed', 'locked_out', 'auth_failed', 'backup_failed', 'panic_locked', 'recovery_used']);

const openSecurity = (tab: string) => (window.location.hash = `#/security?tab=${tab}`);

export function NewSinceCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const summary = useQuery<SecurityLogSummary>(async () => {
    // The last visit is the unlock before this session's: its time is the second-newest "unlocked" entry.
    const unlocks = await api.security.log({ kinds: ['unlocked'], limit: 2 });
    if (!unlocks.ok) return unlocks;
    return api.security.logSummary({ since: unlocks.value.entries[1]?.at ?? null });
  }, [api]);
  const alerts = useQuery(() => api.alerts.list({}), [api]);
  const checkup = useQuery(() => api.checkup.run({}) as Promise<Result<{ score: number; reminder: boolean }>>, [api]);
  const { reload } = alerts;
  useEffect(() => api.on('alerts/fired', reload), [api, reload]);
  useEffect(() => api.on('alerts/changed', reload), [api, reload]);

  const news = (summary.data?.kinds ?? []).filter((entry) => !ROUTINE.has(entry.kind));
  const alertCount = alerts.data?.alerts.length ?? 0;
  const reminder = checkup.data?.reminder ? checkup.data.score : null;
  if (news.length === 0 && alertCount === 0 && reminder === null) return null;
  const when = (iso: string) => formatInstant(iso, i18n.language);
  const link = (tab: string, label: string) => (
    <Button key={tab} type="link" size="small" onClick={() => openSecurity(tab)}>
      {label}
    </Button>
  );
  const rows: { key: string; action: ReactNode; content: ReactNode }[] = [
    ...news.map((entry) => ({
      key: entry.kind,
      action: link('log', t('dashboard.newSince.showLog')),
      content: (
        <Space wrap size="small">
          <Tag color={DANGER.has(entry.kind) ? 'error' : 'warning'}>{t(`security.log.kinds.${entry.kind}`)}</Tag>
          <Typography.Text>{t('dashboard.newSince.kindLine', { count: entry.count, last: when(entry.last) })}</Typography.Text>
        </Space>
      ),
    })),
    ...(alertCount > 0
      ? [
          {
            key: 'alerts',
            action: link('alerts', t('dashboard.newSince.showAlerts')),
            content: (
              <Space wrap size="small">
                <Tag color="warning">{t('security.tabs.alerts')}</Tag>
                <Typography.Text data-testid="new-since-alerts">{t('dashboard.newSince.alerts', { count: alertCount })}</Typography.Text>
              </Space>
            ),
          },
        ]
      : []),
    ...(reminder !== null ? [{ key: 'checkup', action: link('checkup', t('dashboard.newSince.openCheckup')), content: <Typography.Text>{t('dashboard.newSince.checkupReminder', { score: reminder })}</Typography.Text> }] : []),
  ];

  return (
    <Card
      size="small"
      role="region"
      aria-label={t('dashboard.newSince.title')}
      data-testid="new-since-card"
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('dashboard.newSince.title')}
        </Space>
      }
    >
      <List size="small" dataSource={rows} rowKey="key" renderItem={(row) => <List.Item actions={[row.action]}>{row.content}</List.Item>} />
    </Card>
  );
}

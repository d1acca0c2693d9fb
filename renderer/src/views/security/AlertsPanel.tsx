/**
 * The alerts tab: unusual payments of the last 90 days, each with why it fired (the rule's own
 * words and numbers), a link to the transaction, "dismiss" and "not unusual" (which teaches the
 * rule). The rules' settings are below the list. Refreshes when a new alert fires or the list changes.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/security-centre';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { useMoney } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { AlertRulesForm } from './AlertRulesForm';

/** Semantic colours: red where money may have gone wrong already, orange for "have a look". */
const RULE_COLORS: Record<AlertView['rule'], string> = {
  largeAmount: 'warning',
  unusualAmount: 'warning',
  doubleCharge: 'error',
  dormantAccount: 'error',
  newPayee: 'warning',
};

export function AlertsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const money = useMoney();
  const query = useQuery(() => api.alerts.list({}), [api]);
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { reload } = query;

  useEffect(() => {
    const stopFired = api.on('alerts/fired', reload);
    const stopChanged = api.on('alerts/changed', reload);
    return () => {
      stopFired();
      stopChanged();
    };
  }, [api, reload]);

  async function act(alert: AlertView, action: 'dismiss' | 'markUsual') {
    setBusy(`${action}:${alert.key}`);
    try {
      await unwrap(action === 'dismiss' ? api.alerts.dismiss({ alertKey: alert.key }) : api.alerts.markUsual({ alertKey: alert.key }));
      void message.success(t(action === 'dismiss' ? 'security.alerts.dismissed' : 'security.alerts.markedUsual'));
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(null);
      reload();
    }
  }

  if (query.error) return <Alert type="error" showIcon title={errorText(query.error, t)} />;
  if (!query.data) return <Skeleton active />;
  const { alerts, settings } = query.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('security.alerts.intro')}
      </Typography.Paragraph>
      <Card size="small" title={t('security.alerts.title')} extra={<Typography.Text type="secondary">{t('security.alerts.count', { count: alerts.length })}</Typography.Text>}>
        {alerts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.alerts.empty')} />
        ) : (
          <List
            dataSource={alerts}
            rowKey="key"
            renderItem={(alert) => (
              <List.Item
                data-testid="security-alert"
                actions={[
                  <Button key="open" type="link" onClick={() => setShown(alert.transactionId)}>
                    {t('security.alerts.open')}
                  </Button>,
                  <Tooltip key="usual" title={t('security.alerts.markUsualHelp')}>
                    <Button loading={busy === `markUsual:${alert.key}`} onClick={() => void act(alert, 'markUsual')}>
                      {t('security.alerts.markUsual')}
                    </Button>
                  </Tooltip>,
                  <Button key="dismiss" loading={busy === `dismiss:${alert.key}`} onClick={() => void act(alert, 'dismiss')}>
                    {t('security.alerts.dismiss')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap size="small">
                      <Tag color={RULE_COLORS[alert.rule]}>{t(`security.alerts.rule.${alert.rule}`)}</Tag>
                      <Typography.Text strong>{money.format(alert.amountMinor, alert.currency)}</Typography.Text>
                      <Typography.Text>{alert.payee || '—'}</Typography.Text>
                      <Typography.Text type="secondary">{alert.date}</Typography.Text>
                    </Space>
                  }
                  description={<span data-testid="security-alert-reason">{t(alert.messageKey, alert.params)}</span>}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <AlertRulesForm settings={settings} onSaved={reload} />
      <HistoryDrawer open={shown !== null} transactionId={shown} onClose={() => setShown(null)} />
    </Space>
  );
}

/**
 * The checkup tab: a score, one card per habit with its state, why it matters, and a fix — run
 * at once by the engine (verify, backup, update check) or a step to the place where the user
 * decides. Opening the tab counts as a review: a later drop in the score brings the reminder back.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Progress, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckupFix, CheckupItem, CheckupReport } from '../../../../shared/security-centre';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { useRoute } from '../../lib/routes';
import { formatInstant } from '../../../../shared/format';

const STATUS_COLORS: Record<CheckupItem['status'], string> = { ok: 'success', warn: 'warning', bad: 'error', unknown: 'default' };
const RUN_FIXES = new Set<CheckupFix>(['runVerify', 'runBackup', 'runUpdateCheck']);

export function CheckupPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [, go] = useRoute();
  const [report, setReport] = useState<CheckupReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<CheckupFix | 'refresh' | null>(null);

  useEffect(() => {
    let current = true;
    unwrap(api.checkup.review({})).then(
      (value) => current && setReport(value),
      (e) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [api, t]);

  async function run(kind: 'refresh' | CheckupFix) {
    setBusy(kind);
    try {
      if (kind === 'refresh') setReport(await unwrap(api.checkup.run({})));
      else {
        setReport(await unwrap(api.checkup.fix({ fix: kind as 'runVerify' | 'runBackup' | 'runUpdateCheck' })));
        void message.success(t('security.checkup.fixed'));
      }
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  }

  function fix(action: CheckupFix) {
    if (RUN_FIXES.has(action)) return void run(action);
    if (action === 'openAlerts') window.location.hash = '#/security?tab=alerts';
    else go(action === 'openBackup' ? 'backup' : 'settings');
  }

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!report) return <Skeleton active />;
  const strokeColor = report.score >= 80 ? 'var(--ant-color-success)' : report.score >= 50 ? 'var(--ant-color-warning)' : 'var(--ant-color-error)';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[24, 16]} align="middle">
          <Col flex="none">
            <Progress type="dashboard" percent={report.score} strokeColor={strokeColor} format={(value) => value} aria-label={t('security.checkup.score')} />
          </Col>
          <Col flex="auto">
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="checkup-score">
              {t('security.checkup.scoreOf', { score: report.score })}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {report.reviewedAt ? t('security.checkup.reviewed', { date: formatInstant(report.reviewedAt, i18n.language) }) : t('security.checkup.neverReviewed')}
            </Typography.Paragraph>
            <Button loading={busy === 'refresh'} onClick={() => void run('refresh')}>
              {t('security.checkup.refresh')}
            </Button>
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        {report.items.map((item) => (
          <Col key={item.id} xs={24} md={12} xxl={8}>
            <Card
              size="small"
              style={{ height: '100%' }}
              data-testid={`checkup-item-${item.id}`}
              title={t(`security.checkup.items.${item.id}.title`)}
              extra={<Tag color={STATUS_COLORS[item.status]}>{t(`security.checkup.status.${item.status}`)}</Tag>}
            >
              <Typography.Paragraph style={{ marginBottom: 8 }}>{t(`security.checkup.items.${item.id}.${item.status}`, item.params)}</Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: item.fix ? 8 : 0 }}>
                <Typography.Text type="secondary" strong>
                  {t('security.checkup.why')}{' '}
                </Typography.Text>
                {t(`security.checkup.items.${item.id}.why`)}
              </Typography.Paragraph>
              {item.fix && (
                <Button type={RUN_FIXES.has(item.fix) ? 'primary' : 'default'} loading={busy === item.fix} onClick={() => fix(item.fix!)}>
                  {t(`security.checkup.fix.${item.fix}`)}
                </Button>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}

/**
 * The alert rules' settings: each rule on or off with its numbers. Limits are typed in the
 * currency's units and stored in minor units; currencies other than CNY and USD keep the limits
 * they have.
 */
import { App, Button, Card, Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { exponentOf } from '../../../../shared/money';
import type { AlertSettings } from '../../../../shared/security-centre';
import { errorText, unwrap, useApi } from '../../lib/api-context';

const toUnits = (minor: number | undefined, currency: string) => (minor === undefined ? null : minor / 10 ** exponentOf(currency));
const toMinor = (units: number | null | undefined, currency: string) => (units ? Math.round(units * 10 ** exponentOf(currency)) : undefined);

interface FormValues {
  largeAmount: boolean;
  largeCny: number | null;
  largeUsd: number | null;
  unusualAmount: boolean;
  k: number;
  minHistory: number;
  doubleCharge: boolean;
  windowMinutes: number;
  dormantAccount: boolean;
  idleDays: number;
  newPayee: boolean;
  newCny: number | null;
  newUsd: number | null;
  suppressDays: number;
}

function withLimits(thresholds: Record<string, number>, cny: number | null, usd: number | null): Record<string, number> {
  const next: Record<string, number> = { ...thresholds };
  for (const [currency, units] of [['CNY', cny], ['USD', usd]] as const) {
    const minor = toMinor(units, currency);
    if (minor === undefined) delete next[currency];
    else next[currency] = minor;
  }
  return next;
}

export function AlertRulesForm({ settings, onSaved }: { settings: AlertSettings; onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const initial: FormValues = {
    largeAmount: settings.largeAmount.enabled,
    largeCny: toUnits(settings.largeAmount.thresholds.CNY, 'CNY'),
    largeUsd: toUnits(settings.largeAmount.thresholds.USD, 'USD'),
    unusualAmount: settings.unusualAmount.enabled,
    k: settings.unusualAmount.k,
    minHistory: settings.unusualAmount.minHistory,
    doubleCharge: settings.doubleCharge.enabled,
    windowMinutes: settings.doubleCharge.windowMinutes,
    dormantAccount: settings.dormantAccount.enabled,
    idleDays: settings.dormantAccount.idleDays,
    newPayee: settings.newPayee.enabled,
    newCny: toUnits(settings.newPayee.thresholds.CNY, 'CNY'),
    newUsd: toUnits(settings.newPayee.thresholds.USD, 'USD'),
    suppressDays: settings.suppressDays,
  };

  async function save(values: FormValues) {
    const next: AlertSettings = {
      largeAmount: { enabled: values.largeAmount, thresholds: withLimits(settings.largeAmount.thresholds, values.largeCny, values.largeUsd) },
      unusualAmount: { enabled: values.unusualAmount, k: values.k, minHistory: values.minHistory },
      doubleCharge: { enabled: values.doubleCharge, windowMinutes: values.windowMinutes },
      dormantAccount: { enabled: values.dormantAccount, idleDays: values.idleDays },
      newPayee: { enabled: values.newPayee, thresholds: withLimits(settings.newPayee.thresholds, values.newCny, values.newUsd) },
      suppressDays: values.suppressDays,
    };
    try {
      await unwrap(api.alerts.updateSettings(next));
      void message.success(t('security.alerts.settings.saved'));
      onSaved();
    } catch (error) {
      void message.error(errorText(error, t));
    }
  }

  const rule = (name: keyof FormValues & AlertSettingsRule, fields: React.ReactNode) => (
    <Row gutter={[16, 0]} align="top">
      <Col xs={24} lg={8}>
        <Form.Item name={name} label={t(`security.alerts.rule.${name}`)} valuePropName="checked" extra={t(`security.alerts.settings.help.${name}`)}>
          <Switch />
        </Form.Item>
      </Col>
      {fields}
    </Row>
  );
  const number = (name: keyof FormValues, label: string, min: number, max: number, step = 1) => (
    <Col xs={24} sm={12} lg={8}>
      <Form.Item name={name} label={label}>
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Card size="small" title={<Typography.Text strong>{t('security.alerts.settings.title')}</Typography.Text>}>
      <Form<FormValues> layout="vertical" initialValues={initial} onFinish={(values) => void save(values)} aria-label={t('security.alerts.settings.title')}>
        {rule('largeAmount', [number('largeCny', t('security.alerts.settings.thresholdCny'), 1, 1e12, 100), number('largeUsd', t('security.alerts.settings.thresholdUsd'), 1, 1e12, 100)])}
        {rule('unusualAmount', [number('k', t('security.alerts.settings.k'), 2, 50), number('minHistory', t('security.alerts.settings.minHistory'), 3, 100)])}
        {rule('doubleCharge', number('windowMinutes', t('security.alerts.settings.windowMinutes'), 1, 1440))}
        {rule('dormantAccount', number('idleDays', t('security.alerts.settings.idleDays'), 7, 3650))}
        {rule('newPayee', [number('newCny', t('security.alerts.settings.thresholdCny'), 1, 1e12, 100), number('newUsd', t('security.alerts.settings.thresholdUsd'), 1, 1e12, 100)])}
        <Row gutter={[16, 0]}>{number('suppressDays', t('security.alerts.settings.suppressDays'), 0, 365)}</Row>
        <Button type="primary" htmlType="submit">
          {t('security.alerts.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}

type AlertSettingsRule = 'largeAmount' | 'unusualAmount' | 'doubleCharge' | 'dormantAccount' | 'newPayee';

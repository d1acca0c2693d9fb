/**
 * Settings → Auto-lock: idle minutes (or never, with a warning), and the desktop app's switches
 * (sleep, screen lock, minimize). Stored in app settings by the engine (`security/updateAutoLock`).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Card, Form, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AutoLockSettings } from '../../../shared/contract';
import { errorText, unwrap, useApi } from '../lib/api-context';

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;
const NEVER = 'never';

export function AutoLockCard({ desktop }: { desktop: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<AutoLockSettings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api.security.autoLockSettings({})).then(setSettings, (e) => setError(errorText(e, t)));
  }, [api, t]);

  const update = (patch: Partial<AutoLockSettings>) =>
    unwrap(api.security.updateAutoLock(patch)).then(
      (next) => {
        setSettings(next);
        void message.success(t('security.autoLock.saved'));
      },
      (e) => void message.error(errorText(e, t)),
    );

  const idleValue = settings?.idleMinutes ?? NEVER;
  const minutes = new Set<number>([...IDLE_CHOICES, ...(typeof idleValue === 'number' ? [idleValue] : [])]);

  return (
    <Card title={t('security.autoLock.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('security.autoLock.intro')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} />}
        {settings && (
          <Form layout="vertical">
            <Form.Item label={t('security.autoLock.idle')} htmlFor="auto-lock-idle">
              <Select
                id="auto-lock-idle"
                style={{ maxWidth: 240 }}
                value={idleValue}
                onChange={(value: number | typeof NEVER) => void update({ idleMinutes: value === NEVER ? null : value })}
                options={[
                  ...[...minutes].sort((a, b) => a - b).map((count) => ({ value: count, label: t('security.autoLock.minutes', { count }) })),
                  { value: NEVER, label: t('security.autoLock.never') },
                ]}
              />
            </Form.Item>
            {settings.idleMinutes === null && <Alert type="warning" showIcon message={t('security.autoLock.neverWarning')} style={{ marginBottom: 16 }} />}
            {!desktop && <Typography.Paragraph type="secondary">{t('security.autoLock.appOnly')}</Typography.Paragraph>}
            {(['onSuspend', 'onScreenLock', 'onMinimize'] as const).map((key) => (
              <Form.Item key={key} style={{ marginBottom: 8 }}>
                <Space>
                  <Switch id={`auto-lock-${key}`} checked={settings[key]} onChange={(checked) => void update({ [key]: checked })} />
                  <label htmlFor={`auto-lock-${key}`}>{t(`security.autoLock.${key}`)}</label>
                </Space>
              </Form.Item>
            ))}
          </Form>
        )}
      </Space>
    </Card>
  );
}

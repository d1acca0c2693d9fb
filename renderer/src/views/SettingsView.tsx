/** Settings & About: language, theme, and what this build is (read through `app/info`). */
import { useEffect, useState } from 'react';
import { Alert, App, Card, Descriptions, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, Settings } from '../../../shared/contract';
import { errorText, unwrap, useApi } from '../lib/api-context';
import { systemLanguage } from '../lib/i18n';
import { WalletSecurityCard } from './WalletSecurityCard';
import { AutoLockCard } from './AutoLockCard';
import { UpdateCard } from './update/UpdateCard';
import { DiagnosticsCard } from './crashes/DiagnosticsCard';

interface Props {
  settings: Settings;
  language: Language;
  onUpdate(patch: Partial<Settings>): Promise<void>;
}

export function SettingsView({ settings, onUpdate }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api.app.info({})).then(setInfo, (e) => setError(errorText(e, t)));
  }, [api, t]);

  const save = (patch: Partial<Settings>) =>
    onUpdate(patch).then(
      () => void message.success(t('settings.saved')),
      (e) => void message.error(errorText(e, t)),
    );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <Card title={t('settings.appearance')}>
        <Space direction="vertical" size="middle">
          <label>
            <Typography.Text strong>{t('language.label')}</Typography.Text>
            <br />
            <Select
              aria-label={t('language.label')}
              style={{ width: 260 }}
              value={settings.language ?? 'system'}
              onChange={(value: Language | 'system') => void save({ language: value === 'system' ? null : value })}
              options={[
                { value: 'system', label: t('language.system', { language: t(`language.${systemLanguage()}`) }) },
                { value: 'zh-CN', label: t('language.zh-CN') },
                { value: 'en-US', label: t('language.en-US') },
              ]}
            />
          </label>
          <div role="group" aria-label={t('theme.label')}>
            <Typography.Text strong>{t('theme.label')}</Typography.Text>
            <br />
            <Radio.Group
              value={settings.theme}
              onChange={(event) => void save({ theme: event.target.value })}
              options={[
                { value: 'light', label: t('theme.light') },
                { value: 'dark', label: t('theme.dark') },
                { value: 'system', label: t('theme.system') },
              ]}
              optionType="button"
            />
          </div>
        </Space>
      </Card>
      <WalletSecurityCard />
      <AutoLockCard desktop={info?.mode === 'electron'} />
      <DiagnosticsCard />
      <Card title={t('about.title')}>
        {error && <Alert type="error" showIcon message={error} />}
        {info && (
          <Descriptions column={1} size="small" aria-label={t('about.title')}>
            <Descriptions.Item label={t('about.version')}>
              <span data-testid="app-version">{info.version}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('about.mode')}>{t(`about.modes.${info.mode}`)}</Descriptions.Item>
            <Descriptions.Item label={t('about.platform')}>{info.platform}</Descriptions.Item>
            <Descriptions.Item label={t('about.dataDir')}>
              <Typography.Text code copyable>
                {info.dataDir}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('about.localFirst')}
        </Typography.Paragraph>
      </Card>
      <UpdateCard />
    </Space>
  );
}

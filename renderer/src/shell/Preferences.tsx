/** Language and theme switches, shown in the app header and in front of a locked wallet. */
import { Button, Select, Space, Tooltip } from 'antd';
import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../shared/contract';

interface Props {
  language: Language;
  dark: boolean;
  onUpdateSettings(patch: Partial<Settings>): Promise<void>;
}

export function Preferences({ language, dark, onUpdateSettings }: Props) {
  const { t } = useTranslation();
  return (
    <Space>
      <Select
        aria-label={t('language.label')}
        value={language}
        style={{ width: 130 }}
        onChange={(value: Language) => void onUpdateSettings({ language: value })}
        options={[
          { value: 'zh-CN', label: t('language.zh-CN') },
          { value: 'en-US', label: t('language.en-US') },
        ]}
      />
      <Tooltip title={t('theme.toggle')}>
        <Button
          aria-label={t('theme.toggle')}
          icon={dark ? <SunOutlined /> : <MoonOutlined />}
          onClick={() => void onUpdateSettings({ theme: dark ? 'light' : 'dark' })}
        />
      </Tooltip>
    </Space>
  );
}

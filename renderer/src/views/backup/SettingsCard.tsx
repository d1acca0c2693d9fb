/** Where and when backups are written; the engine validates and answers with the saved settings. */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupSettingsView } from '../../../../shared/contract';
import { errorText, unwrap, useApi } from '../../lib/api-context';

interface Values {
  primaryDir: string;
  secondaryDir: string;
  intervalHours: number | null;
  onQuit: boolean;
  retention: BackupSettingsView['retention'];
}

const RETENTION_FIELDS = [
  { key: 'today', min: 1, max: 100 },
  { key: 'days', min: 0, max: 365 },
  { key: 'weeks', min: 0, max: 260 },
  { key: 'months', min: 0, max: 600 },
] as const;

export function SettingsCard({ settings }: { settings: BackupSettingsView }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await unwrap(
        api.backup.updateSettings({
          primaryDir: values.primaryDir.trim(),
          secondaryDir: values.secondaryDir.trim() || null,
          intervalHours: values.intervalHours ?? 0,
          onQuit: values.onQuit,
          retention: values.retention,
        }),
      );
      form.setFieldsValue({ ...saved, secondaryDir: saved.secondaryDir ?? '' });
      void message.success(t('backup.settings_more.saved'));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('backup.settings.title')} style={{ height: '100%' }}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ ...settings, secondaryDir: settings.secondaryDir ?? '' }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="primaryDir"
          label={t('backup.settings.folder')}
          extra={t('backup.settings.folder_hint')}
          rules={[{ required: true, whitespace: true, message: t('backup.settings_more.folder_required') }]}
        >
          <Input spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item name="secondaryDir" label={t('backup.settings.second_folder')} extra={t('backup.settings_more.second_folder_hint')}>
          <Input spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="intervalHours"
          label={t('backup.settings_more.interval')}
          extra={t('backup.settings_more.interval_hint')}
          rules={[{ required: true, type: 'integer', min: 0, max: 720, message: t('backup.settings_more.interval_invalid') }]}
        >
          <InputNumber min={0} max={720} step={1} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="onQuit" valuePropName="checked">
          <Checkbox>{t('backup.settings.on_quit')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('backup.settings_more.retention')} extra={t('backup.settings_more.retention_hint')} style={{ marginBottom: 16 }}>
          <Space wrap size="middle">
            {RETENTION_FIELDS.map(({ key, min, max }) => (
              <Form.Item
                key={key}
                name={['retention', key]}
                label={t(`backup.settings_more.retention_${key}`)}
                rules={[{ required: true, type: 'integer', min, max, message: t('backup.settings_more.retention_invalid') }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber min={min} max={max} step={1} precision={0} style={{ width: 110 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('backup.settings_more.save')}
        </Button>
      </Form>
    </Card>
  );
}

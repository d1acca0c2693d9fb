/** Export (no lock-in): transactions as CSV or everything as JSON — plainly NOT encrypted. */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/i18n';
import { errorText, unwrap, useApi } from '../../lib/api-context';

export function ExportCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [dir, setDir] = useState('');
  const [englishHeaders, setEnglishHeaders] = useState(false);
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<{ path: string; count: number } | null>(null);

  const run = async (format: 'csv' | 'json') => {
    setBusy(format);
    setError(null);
    setWritten(null);
    try {
      setWritten(await unwrap(api.backup.export({ format, language: i18n.language as Language, englishHeaders, ...(dir.trim() ? { dir: dir.trim() } : {}) })));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('backup.export.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('backup.export.not_encrypted')} />
        <Form layout="vertical" component="div">
          <Form.Item label={t('backup.export_more.folder')} extra={t('backup.export_more.folder_hint')} htmlFor="backup-export-dir" style={{ marginBottom: 0 }}>
            <Input id="backup-export-dir" value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} autoComplete="off" />
          </Form.Item>
        </Form>
        <Checkbox checked={englishHeaders} onChange={(e) => setEnglishHeaders(e.target.checked)} data-testid="export-english-headers">
          {t('backup.export.english_headers')}
        </Checkbox>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} loading={busy === 'csv'} disabled={busy === 'json'} onClick={() => void run('csv')}>
            {t('backup.export.csv')}
          </Button>
          <Button icon={<FileTextOutlined />} loading={busy === 'json'} disabled={busy === 'csv'} onClick={() => void run('json')}>
            {t('backup.export.json')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        {written && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('backup.export_more.done_count', { count: written.count })}
            description={
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {written.path}
              </Typography.Text>
            }
          />
        )}
      </Space>
    </Card>
  );
}

/** Step 1: the statement file, the account it belongs to, and what was detected (format and encoding, overridable). */
import { useRef } from 'react';
import { Button, Card, Descriptions, Form, Radio, Select, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/ledger-views';
import { IMPORT_FORMATS } from '../../../../shared/import-views';
import type { ImportWizard } from './use-import';

const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'windows-1252'];

export function FileStep({ wizard, accounts, onError }: { wizard: ImportWizard; accounts: readonly AccountView[]; onError(message: string): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { choices, setChoices, detected, source } = wizard;
  const accountOptions = accounts.filter((a) => !a.closed).map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }));
  return (
    <Card title={t('import.wizard.file.title')}>
      <Form layout="vertical">
        <Form.Item label={t('import.wizard.file.account')} required>
          <Select
            aria-label={t('import.wizard.file.account')}
            data-testid="import-account"
            options={accountOptions}
            value={choices.accountId ?? undefined}
            placeholder={t('import.wizard.file.account_placeholder')}
            onChange={(accountId: string) => setChoices((c) => ({ ...c, accountId }))}
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
        <Form.Item label={t('import.wizard.file.file')} extra={t('import.wizard.file.formats')}>
          <input
            ref={input}
            type="file"
            data-testid="import-file"
            aria-label={t('import.wizard.file.file')}
            style={{ display: 'none' }}
            accept=".csv,.txt,.ofx,.qfx,.qif,.xlsx"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) wizard.chooseFile(file).catch(() => onError(t('import.wizard.file.too_large')));
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
            {source ? source.fileName : t('import.wizard.file.choose')}
          </Button>
        </Form.Item>
      </Form>
      {detected && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('import.wizard.file.format')}>
              <Select
                aria-label={t('import.wizard.file.format')}
                data-testid="import-format"
                size="small"
                value={choices.format === 'auto' ? detected.format : choices.format}
                options={IMPORT_FORMATS.map((format) => ({ value: format, label: t(`import.wizard.format.${format}`) }))}
                onChange={(format: (typeof IMPORT_FORMATS)[number]) => setChoices((c) => ({ ...c, format, mapping: null }))}
                style={{ minWidth: 160 }}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('import.wizard.file.encoding')}>
              <Select
                aria-label={t('import.wizard.file.encoding')}
                size="small"
                value={choices.encoding ?? detected.encoding}
                options={[...new Set([detected.encoding, ...ENCODINGS])].map((value) => ({ value, label: value }))}
                onChange={(encoding: string) => setChoices((c) => ({ ...c, encoding }))}
                style={{ minWidth: 140 }}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('import.wizard.file.rows')}>
              <span data-testid="import-detected-rows">{detected.statementAccounts.reduce((sum, a) => sum + a.rows, 0)}</span>
            </Descriptions.Item>
          </Descriptions>
          {detected.statementAccounts.length > 1 && (
            <Form layout="vertical">
              <Form.Item label={t('import.wizard.statementAccounts.label')} extra={t('import.wizard.statementAccounts.help')}>
                <Radio.Group
                  data-testid="import-statement-account"
                  value={choices.statementAccount ?? 0}
                  onChange={(event) => setChoices((c) => ({ ...c, statementAccount: Number(event.target.value) }))}
                  options={detected.statementAccounts.map((account, index) => ({
                    value: index,
                    label: t('import.wizard.statementAccounts.option', {
                      kind: t(`import.wizard.statementAccounts.kind.${account.type ?? 'unknown'}`),
                      number: account.id ? `···${account.id.slice(-4)}` : '—',
                      currency: account.currency ?? '',
                      count: account.rows,
                    }),
                  }))}
                />
              </Form.Item>
            </Form>
          )}
          <Form layout="vertical">
            <Form.Item label={t('import.wizard.neutral.label')} extra={t('import.wizard.neutral.help')}>
              <Space wrap>
                <Radio.Group
                  value={choices.neutral.mode}
                  onChange={(event) =>
                    setChoices((c) => ({ ...c, neutral: event.target.value === 'omit' ? { mode: 'omit' } : { mode: 'transfer', accountId: accountOptions.find((o) => o.value !== c.accountId)?.value ?? '' } }))
                  }
                  options={[
                    { value: 'omit', label: t('import.wizard.neutral.omit') },
                    { value: 'transfer', label: t('import.wizard.neutral.transfer') },
                  ]}
                />
                {choices.neutral.mode === 'transfer' && (
                  <Select
                    aria-label={t('import.wizard.neutral.account')}
                    size="small"
                    style={{ minWidth: 200 }}
                    value={choices.neutral.accountId || undefined}
                    options={accountOptions.filter((o) => o.value !== choices.accountId)}
                    onChange={(accountId: string) => setChoices((c) => ({ ...c, neutral: { mode: 'transfer', accountId } }))}
                  />
                )}
              </Space>
            </Form.Item>
          </Form>
          {detected.errorCount > 0 && (
            <Typography.Text type="warning">{t('import.wizard.file.parse_errors', { count: detected.errorCount })}</Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

/** Step 2 (CSV only): which column holds what, with the first rows as parsed with this mapping, live. */
import { Button, Card, Form, Select, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../lib/files';
import type { ImportWizard, Mapping } from './use-import';
import { IssueList } from './IssueList';
import { mappingFile } from './mapping-file';

const FIELDS = ['date', 'amount', 'inflow', 'outflow', 'payee', 'note', 'externalId'] as const;

export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const { detected, choices, setChoices } = wizard;
  if (!detected) return null;
  const header = (detected.detected.header as string[] | undefined) ?? [];
  const mapping: Mapping = choices.mapping ?? {};
  const set = (field: string, value: string | number | boolean | undefined) => {
    const next: Mapping = { ...mapping };
    if (value === undefined) delete next[field];
    else next[field] = value;
    setChoices((c) => ({ ...c, mapping: next }));
  };
  return (
    <Card
      title={detected.format === 'csv' ? t('import.wizard.mapping.title') : t('import.wizard.mapping.sample_title')}
      extra={
        detected.format === 'csv' && (
          <Space>
            <Button size="small" onClick={() => void wizard.saveMapping()} disabled={!choices.accountId}>
              {t('import.wizard.mapping.save')}
            </Button>
            <Button size="small" onClick={() => downloadText('onewallet-mapping.json', mappingFile(mapping, choices, wizard.preview), 'application/json')}>
              {t('import.wizard.mapping.export')}
            </Button>
          </Space>
        )
      }
    >
      {detected.format === 'csv' && (
        <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
          {FIELDS.map((field) => (
            <Form.Item key={field} label={t(`import.wizard.mapping.fields.${field}`)}>
              <Select
                aria-label={t(`import.wizard.mapping.fields.${field}`)}
                size="small"
                allowClear
                style={{ minWidth: 140 }}
                value={(mapping[field] as string | undefined) ?? undefined}
                options={header.map((name) => ({ value: name, label: name }))}
                onChange={(value: string | undefined) => set(field, value)}
              />
            </Form.Item>
          ))}
          <Form.Item label={t('import.wizard.mapping.fields.flipSign')}>
            <Switch size="small" checked={mapping.flipSign === true} onChange={(on) => set('flipSign', on)} />
          </Form.Item>
        </Form>
      )}
      {detected.mappingSaved && <Typography.Text type="secondary">{t('import.wizard.mapping.saved_used')}</Typography.Text>}
      <Table
        size="small"
        rowKey="line"
        pagination={false}
        scroll={{ x: true }}
        dataSource={detected.sample}
        columns={[
          { title: t('import.wizard.columns.line'), dataIndex: 'line' },
          { title: t('import.wizard.columns.date'), dataIndex: 'date' },
          { title: t('import.wizard.columns.payee'), dataIndex: 'payee' },
          { title: t('import.wizard.columns.amount_minor'), dataIndex: 'amountMinor', align: 'right' },
          { title: t('import.wizard.columns.kind'), dataIndex: 'kind', render: (kind: string) => t(`import.wizard.kind.${kind}`) },
          { title: t('import.wizard.columns.external_id'), dataIndex: 'externalId' },
        ]}
      />
      <IssueList issues={detected.errors} count={detected.errorCount} />
    </Card>
  );
}

/**
 * In the preview: each distinct category of the statement beside the wallet category its rows are
 * recorded with (the engine's match by default, changeable here; "Uncategorized" when nothing
 * matched, never a new category), and each QIF `[Account]` transfer beside the wallet account it
 * goes to ("Needs an account" until one is chosen). A change plans the import again.
 */
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/import-views';
import type { AccountView, CategoryView } from '../../../../shared/ledger-views';
import { categoryLabel } from '../reports/CategoryDialog';
import type { ImportWizard } from './use-import';

const NONE = '';

export function StatementMapping({ wizard, accounts, categories }: { wizard: ImportWizard; accounts: readonly AccountView[]; categories: readonly CategoryView[] }) {
  const { t } = useTranslation();
  const preview = wizard.preview;
  if (!preview || (preview.categories.length === 0 && preview.transferAccounts.length === 0)) return null;
  const home = accounts.find((a) => a.id === wizard.choices.accountId);
  const busy = wizard.busy === 'preview';
  const optionsFor = (kind: ImportPreview['categories'][number]['kind']) => [
    { value: NONE, label: t('import.wizard.categories.none') },
    ...categories.filter((c) => kind === 'mixed' || c.kind === kind).map((c) => ({ value: c.id, label: categoryLabel(c, categories) })),
  ];
  const transferOptions = accounts.filter((a) => !a.closed && a.id !== home?.id && a.currency === home?.currency).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', marginBottom: 16 }} data-testid="import-mapping-lists">
      {preview.transferAccounts.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('import.wizard.transfers.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('import.wizard.transfers.help')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={preview.transferAccounts}
            data-testid="import-transfer-accounts"
            columns={[
              { title: t('import.wizard.transfers.statement'), dataIndex: 'name', render: (name: string) => <span>[{name}]</span> },
              { title: t('import.wizard.columns.rows'), dataIndex: 'rows', width: 100, render: (rows: number) => t('import.wizard.categories.rows', { count: rows }) },
              {
                title: t('import.wizard.transfers.account'),
                dataIndex: 'accountId',
                render: (accountId: string | null, entry) => (
                  <Space>
                    <Select
                      style={{ minWidth: 200 }}
                      aria-label={t('import.wizard.transfers.choose', { name: entry.name })}
                      placeholder={t('import.wizard.transfers.needs_account')}
                      value={accountId ?? undefined}
                      options={transferOptions}
                      disabled={busy}
                      onChange={(value: string) => void wizard.chooseTransferAccount(entry.name, value)}
                    />
                    {accountId === null && <Tag color="error">{t('import.wizard.transfers.needs_account')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </div>
      )}
      {preview.categories.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('import.wizard.categories.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('import.wizard.categories.help')} {t('import.wizard.categories.remembered')}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="text"
            dataSource={preview.categories}
            data-testid="import-categories"
            columns={[
              { title: t('import.wizard.categories.statement'), dataIndex: 'text' },
              { title: t('import.wizard.columns.rows'), dataIndex: 'rows', width: 100, render: (rows: number) => t('import.wizard.categories.rows', { count: rows }) },
              {
                title: t('import.wizard.categories.wallet'),
                dataIndex: 'categoryId',
                render: (categoryId: string | null, entry) => (
                  <Select
                    style={{ minWidth: 200 }}
                    aria-label={t('import.wizard.categories.choose', { text: entry.text })}
                    value={categoryId ?? NONE}
                    options={optionsFor(entry.kind)}
                    disabled={busy}
                    showSearch
                    optionFilterProp="label"
                    onChange={(value: string) => void wizard.chooseCategory(entry.text, value === NONE ? null : value)}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
    </Space>
  );
}

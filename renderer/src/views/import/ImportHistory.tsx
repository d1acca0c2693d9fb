/** Every import of this wallet, newest first, with undo (void the whole batch) and restore. */
import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api-context';
import { useQuery } from '../../lib/use-query';
import type { ImportWizard } from './use-import';
import { formatInstant } from '../../../../shared/format';

export function ImportHistory({ wizard }: { wizard: ImportWizard }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const history = useQuery(() => api.import.history({}), [api]);
  return (
    <Card title={t('import.wizard.history.title')}>
      <Table
        size="small"
        rowKey="batchId"
        loading={history.loading && !history.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={history.data?.batches ?? []}
        locale={{ emptyText: t('import.wizard.history.empty') }}
        scroll={{ x: true }}
        columns={[
          { title: t('import.wizard.history.when'), dataIndex: 'at', render: (at: string) => formatInstant(at, i18n.language) },
          { title: t('import.wizard.history.file'), dataIndex: 'fileName' },
          { title: t('import.wizard.history.account'), dataIndex: 'account' },
          { title: t('import.wizard.history.rows'), dataIndex: 'rows', align: 'right' },
          {
            title: t('import.wizard.history.state'),
            dataIndex: 'undone',
            render: (undone: boolean) => <Tag color={undone ? 'default' : 'success'}>{t(undone ? 'import.wizard.history.undone' : 'import.wizard.history.active')}</Tag>,
          },
          {
            title: <span className="ow-visually-hidden">{t('import.wizard.history.actions')}</span>,
            key: 'actions',
            render: (_: unknown, batch: { batchId: string; undone: boolean; fileName: string }) => (
              <Button size="small" loading={wizard.busy === 'undo'} onClick={() => void wizard.undo(batch.batchId, batch.undone)} aria-label={t(batch.undone ? 'import.wizard.history.restore_named' : 'import.wizard.history.undo_named', { file: batch.fileName })}>
                {t(batch.undone ? 'import.wizard.history.restore' : 'import.wizard.history.undo')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

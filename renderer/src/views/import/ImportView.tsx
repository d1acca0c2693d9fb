/** The import wizard: statement file → detected format → mapping → preview → import → undo; and the import history. */
import { useState } from 'react';
import { Alert, Button, Card, Progress, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../../lib/api-context';
import { useQuery } from '../../lib/use-query';
import { useTaskProgress } from '../backup/use-backup';
import { FileStep } from './FileStep';
import { ImportHistory } from './ImportHistory';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { useImportWizard } from './use-import';
import { StatementBalance } from './StatementBalance';
import './import.css';

export function ImportView() {
  const { t } = useTranslation();
  const api = useApi();
  const accounts = useQuery(() => api.ledger.accounts({}), [api]);
  const wizard = useImportWizard();
  const [notice, setNotice] = useState<string | null>(null);
  const progress = useTaskProgress('import', wizard.busy === 'commit');
  if (!accounts.data) return accounts.error ? <Alert type="error" showIcon title={errorText(accounts.error, t)} /> : <Skeleton active />;
  const list = accounts.data.accounts;
  const { committed, detected } = wizard;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {notice && <Alert type="error" showIcon closable onClose={() => setNotice(null)} title={notice} />}
      {wizard.error ? <Alert type="error" showIcon title={errorText(wizard.error, t)} /> : null}
      <FileStep wizard={wizard} accounts={list} onError={setNotice} />
      {detected && <MappingStep wizard={wizard} />}
      {detected && !wizard.preview && (
        <Button type="primary" disabled={!wizard.choices.accountId} loading={wizard.busy === 'preview'} onClick={() => void wizard.makePreview()} data-testid="import-make-preview">
          {t('import.wizard.preview.make')}
        </Button>
      )}
      <PreviewStep wizard={wizard} accounts={list} />
      {wizard.busy === 'commit' && progress && (
        <Card>
          <Progress percent={progress.percent} aria-label={t('import.wizard.progress')} />
        </Card>
      )}
      {committed && (
        <Alert
          type={committed.imported > 0 ? 'success' : 'info'}
          showIcon
          data-testid="import-summary"
          title={t(committed.imported > 0 ? 'import.wizard.summary.imported' : 'import.wizard.summary.nothing', committed)}
          action={
            committed.batchId && (
              <Button size="small" onClick={() => void wizard.undo(committed.batchId!)} loading={wizard.busy === 'undo'} data-testid="import-undo">
                {t('import.wizard.summary.undo')}
              </Button>
            )
          }
        />
      )}
      {committed?.statementBalance && <StatementBalance balance={committed.statementBalance} />}
      <ImportHistory wizard={wizard} />
    </Space>
  );
}

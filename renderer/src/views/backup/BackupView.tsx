/**
 * Backup & Restore: the last verified backup and "Back up now", every backup with verify and
 * restore (merge or full), the copies kept by restores, where and when backups are written, and
 * unencrypted exports.
 */
import { useState } from 'react';
import { Alert, Col, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntryView } from '../../../../shared/contract';
import { errorText } from '../../lib/api-context';
import { BackupList } from './BackupList';
import { ExportCard } from './ExportCard';
import { RestoreDialog } from './RestoreDialog';
import { RevertCopies } from './RevertCopies';
import { SettingsCard } from './SettingsCard';
import { StatusCard } from './StatusCard';
import { useBackupOverview } from './use-backup';

export function BackupView() {
  const { t } = useTranslation();
  const overview = useBackupOverview();
  const [restoring, setRestoring] = useState<BackupEntryView | null>(null);

  if (overview.error && !overview.data) return <Alert type="error" showIcon title={errorText(overview.error, t)} />;
  if (!overview.data) return <Skeleton active />;
  const data = overview.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <StatusCard overview={data} />
      <BackupList backups={data.backups} onRestore={setRestoring} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SettingsCard settings={data.settings} />
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ExportCard />
            <RevertCopies copies={data.revertCopies} />
          </Space>
        </Col>
      </Row>
      <RestoreDialog entry={restoring} onClose={() => setRestoring(null)} />
    </Space>
  );
}

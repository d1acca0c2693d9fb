/**
 * "Restore…": the two ways to use a backup, each explained before anything changes. Merge brings
 * back only what is missing (with a preview); full restore replaces the wallet, keeps the current
 * one as a "before restore" copy, and locks (the wallet reopens with the password it had then).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntryView } from '../../../../shared/contract';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { dateTime } from './format';
import { MergePanel } from './MergePanel';
import { TaskProgress } from './TaskProgress';
import { useTaskProgress } from './use-backup';
import { hasWalletChanges, REPLACE_LOSES, WalletChangesList } from './WalletChangesList';
import { useQuery } from '../../lib/use-query';

export function RestoreDialog({ entry, onClose }: { entry: BackupEntryView | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={entry !== null}
      onCancel={onClose}
      destroyOnHidden
      width={820}
      title={entry ? t('backup.restore_title', { when: dateTime(entry.createdAt, i18n.language) }) : ''}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      {entry && <RestoreChoice entry={entry} />}
    </Modal>
  );
}

function RestoreChoice({ entry }: { entry: BackupEntryView }) {
  const { t } = useTranslation();
  const [way, setWay] = useState<'merge' | 'full'>('merge');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('backup.restore_choose')}</Typography.Text>
      <Radio.Group
        aria-label={t('backup.restore_choose')}
        value={way}
        onChange={(event) => setWay(event.target.value as 'merge' | 'full')}
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: 'merge', label: t('backup.restore_merge') },
          { value: 'full', label: t('backup.restore_full') },
        ]}
      />
      {way === 'merge' ? <MergePanel entry={entry} /> : <FullRestorePanel entry={entry} />}
    </Space>
  );
}

function FullRestorePanel({ entry }: { entry: BackupEntryView }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [step, setStep] = useState<'verify' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The preview already said why this file cannot be used: the same sentence is not shown twice.
  const [previewError, setPreviewError] = useState<string | null>(null);
  const verifyProgress = useTaskProgress('verify', step === 'verify');
  const restoreProgress = useTaskProgress('restore', step === 'restore');

  if (!entry.mine) return <Alert type="info" showIcon title={t('backup.restore_full_other')} />;

  const restore = async () => {
    setError(null);
    try {
      // Verified in full first, while the wallet is still open: the restore itself only checks the
      // file's checksum, and a listing trusts a file that kept its size since it was verified.
      setStep('verify');
      const check = await unwrap(api.backup.verify({ dir: entry.dir, file: entry.file }));
      if (!check.ok) {
        setError(t('backup.verify_failed'));
        setStep(null);
        return;
      }
      setStep('restore');
      await unwrap(api.backup.restoreFull({ dir: entry.dir, file: entry.file }));
      // The wallet is locked now: the gate shows the unlock screen (wallet/changed).
      void message.info(t('backup.restore_full_done'));
    } catch (caught) {
      setError(errorText(caught, t));
      setStep(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('backup.restore_full_hint')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('backup.restore_full_lock')} />
      <WhatReplacingLoses entry={entry} onError={setPreviewError} />
      {error && error !== previewError && <Alert type="error" showIcon role="alert" title={error} />}
      <Space wrap>
        <Button danger type="primary" loading={step !== null} onClick={() => void restore()}>
          {t('backup.restore_full_confirm')}
        </Button>
        <TaskProgress state={verifyProgress} label={t('backup.progress.verify')} />
        <TaskProgress state={restoreProgress} label={t('backup.progress.replace')} />
      </Space>
    </Space>
  );
}

/** What the wallet recorded or changed after this backup: said before "replace" is pressed. */
function WhatReplacingLoses({ entry, onError }: { entry: BackupEntryView; onError(text: string | null): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const loses = useQuery(() => api.backup.restorePreview({ dir: entry.dir, file: entry.file }), [api, entry.dir, entry.file]);
  const failure = loses.error ? errorText(loses.error, t) : null;
  useEffect(() => onError(failure), [failure, onError]);
  if (failure) return <Alert type="error" showIcon role="alert" title={failure} />;
  if (!loses.data) return <Typography.Text type="secondary">{t('backup.changes.checking')}</Typography.Text>;
  return hasWalletChanges(loses.data, REPLACE_LOSES) ? (
    <Alert type="warning" showIcon role="status" data-testid="restore-loses" title={t('backup.changes.full_loses')} description={<WalletChangesList changes={loses.data} lists={REPLACE_LOSES} />} />
  ) : (
    <Alert type="success" showIcon role="status" data-testid="restore-loses" title={t('backup.changes.full_none')} />
  );
}

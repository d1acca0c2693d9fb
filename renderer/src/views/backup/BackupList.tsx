/**
 * Every backup in the configured folders, newest first, with its status. Verify re-checks a file
 * with a progress bar; a file that fails is shown as damaged from then on and, like every damaged
 * file, is never offered for restore.
 */
import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntryView } from '../../../../shared/contract';
import { ApiError, errorText, unwrap, useApi } from '../../lib/api-context';
import { ago, dateTime, problemText, size } from './format';
import { TaskProgress } from './TaskProgress';
import { useTaskProgress } from './use-backup';

const keyOf = (entry: BackupEntryView) => `${entry.dir}\u0000${entry.file}`;
/** Verify failures that mean the file itself is bad (not a wrong password or a missing folder). */
const DAMAGE_CODES = new Set(['integrity', 'not_a_wallet', 'format_too_new']);

interface VerifyResult {
  ok: boolean;
  text: string;
}

export function BackupList({ backups, onRestore }: { backups: BackupEntryView[]; onRestore(entry: BackupEntryView): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [verifying, setVerifying] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, VerifyResult>>({});
  const [damagedNow, setDamagedNow] = useState<Record<string, string>>({});
  const progress = useTaskProgress('verify', verifying !== null);

  const verify = async (entry: BackupEntryView) => {
    const key = keyOf(entry);
    setVerifying(key);
    try {
      const result = await unwrap(api.backup.verify({ dir: entry.dir, file: entry.file }));
      if (result.ok) setResults((all) => ({ ...all, [key]: { ok: true, text: t('backup.verify_ok', { events: result.events }) } }));
      else {
        setResults((all) => ({ ...all, [key]: { ok: false, text: t('backup.verify_failed') } }));
        setDamagedNow((all) => ({ ...all, [key]: t('backup.problem.integrity') }));
      }
    } catch (caught) {
      setResults((all) => ({ ...all, [key]: { ok: false, text: errorText(caught, t) } }));
      if (caught instanceof ApiError && DAMAGE_CODES.has(caught.failure.code)) {
        setDamagedNow((all) => ({ ...all, [key]: problemText(caught.failure.code, t) }));
      }
    } finally {
      setVerifying(null);
    }
  };

  const statusOf = (entry: BackupEntryView) => {
    const found = damagedNow[keyOf(entry)];
    if (found) return { status: 'damaged' as const, problem: found };
    return { status: entry.status, problem: entry.status === 'damaged' ? problemText(entry.problem, t) : null };
  };

  return (
    <Card title={t('backup.list_title')}>
      <Table<BackupEntryView>
        className="ow-nowrap-head"
        aria-label={t('backup.list_label')}
        rowKey={keyOf}
        dataSource={backups}
        size="middle"
        pagination={backups.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('backup.list_empty') }}
        columns={[
          {
            key: 'created',
            title: t('backup.columns.created'),
            width: 200,
            render: (_, entry) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text title={entry.file} style={{ whiteSpace: 'nowrap' }}>{entry.createdAt ? dateTime(entry.createdAt, i18n.language) : entry.file}</Typography.Text>
                {entry.createdAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {ago(entry.createdAt)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'wallet',
            title: t('backup.columns.wallet'),
            width: 150,
            render: (_, entry) => (
              <Space size={4} wrap>
                <Typography.Text>{entry.walletName ?? '—'}</Typography.Text>
                {!entry.mine && entry.status !== 'damaged' && <Tag>{t('backup.other_wallet')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'trigger',
            title: t('backup.columns_more.trigger'),
            width: 110,
            render: (_, entry) => (entry.trigger ? t(`backup.trigger.${entry.trigger}`, { defaultValue: entry.trigger }) : '—'),
          },
          { key: 'size', title: t('backup.columns.size'), align: 'right', width: 90, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, entry) => size(entry.bytes, i18n.language) },
          {
            key: 'status',
            title: t('backup.columns.status'),
            render: (_, entry) => {
              const { status, problem } = statusOf(entry);
              const result = results[keyOf(entry)];
              return (
                <Space orientation="vertical" size={2}>
                  <Tag color={status === 'verified' ? 'success' : status === 'damaged' ? 'error' : 'default'}>{t(`backup.status.${status}`)}</Tag>
                  {problem && !(result && !result.ok) && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {problem}
                    </Typography.Text>
                  )}
                  {result && (
                    <Typography.Text type={result.ok ? 'success' : 'danger'} style={{ fontSize: 12 }} role="status">
                      {result.text}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            key: 'actions',
            title: t('backup.columns_more.actions'),
            width: 210,
            render: (_, entry) => {
              const key = keyOf(entry);
              const damaged = statusOf(entry).status === 'damaged';
              return (
                <Space orientation="vertical" size={4}>
                  <Space wrap>
                    <Button
                      size="small"
                      aria-label={t('backup.verify_named', { file: entry.file })}
                      loading={verifying === key}
                      disabled={verifying !== null && verifying !== key}
                      onClick={() => void verify(entry)}
                    >
                      {t('backup.verify')}
                    </Button>
                    {damaged ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('backup.damaged_no_restore')}
                      </Typography.Text>
                    ) : (
                      <Button size="small" type="primary" ghost aria-label={t('backup.restore_named', { file: entry.file })} onClick={() => onRestore(entry)}>
                        {t('backup.restore')}
                      </Button>
                    )}
                  </Space>
                  {verifying === key && <TaskProgress state={progress} label={t('backup.verify_running')} />}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

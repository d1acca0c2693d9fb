/**
 * Merge restore: preview what the backup holds that the wallet lacks ("132 transactions, 2
 * accounts lost since 3 March"), pick items (all by default), then bring them back as new events.
 * A backup of another wallet is opened with its own password or recovery key first.
 */
import { useState } from 'react';
import { Alert, Button, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntryView, MergePreview } from '../../../../shared/contract';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { useMoney } from '../../lib/money';
import { day } from './format';
import { TaskProgress } from './TaskProgress';
import { useTaskProgress } from './use-backup';
import { hasWalletChanges, MERGE_DIFFERS, WalletChangesList } from './WalletChangesList';

type Item = MergePreview['items'][number];

export function MergePanel({ entry }: { entry: BackupEntryView }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { format } = useMoney();
  const [secretKind, setSecretKind] = useState<'password' | 'recoveryKey'>('password');
  const [secret, setSecret] = useState('');
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const previewProgress = useTaskProgress('merge-preview', busy === 'preview');
  const applyProgress = useTaskProgress('merge', busy === 'apply');

  const runPreview = async () => {
    setBusy('preview');
    setError(null);
    setDone(null);
    setPreview(null);
    try {
      const input = entry.mine
        ? { dir: entry.dir, file: entry.file }
        : { dir: entry.dir, file: entry.file, secret: secretKind === 'password' ? { password: secret } : { recoveryKey: secret } };
      const result = await unwrap(api.backup.previewMerge(input));
      setPreview(result);
      setPicked(result.items.map((item) => item.id));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setBusy('apply');
    setError(null);
    try {
      const all = picked.length === preview.items.length;
      const result = await unwrap(api.backup.applyMerge({ planId: preview.planId, picked: all ? null : picked }));
      setPreview(null); // a plan is applied once; previewing again finds what is still missing
      setDone(t('backup.merge_done', { transactions: result.transactions, accounts: result.accounts }));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };

  const nothing = preview !== null && preview.items.length === 0;
  // "Nothing is missing" is only true when the wallet also changed nothing the backup has.
  const changed = preview !== null && hasWalletChanges(preview.changedSince, MERGE_DIFFERS);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('backup.restore_merge_hint')}
      </Typography.Paragraph>
      {!entry.mine && (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('errors.backup.password_needed')} description={t('backup.password_hint')} />
          <Segmented
            aria-label={t('backup.secret_kind')}
            value={secretKind}
            onChange={(value) => {
              setSecretKind(value as 'password' | 'recoveryKey');
              setSecret('');
            }}
            options={[
              { value: 'password', label: t('backup.secret_password') },
              { value: 'recoveryKey', label: t('backup.secret_recovery') },
            ]}
          />
          {secretKind === 'password' ? (
            <Input.Password aria-label={t('backup.password_prompt')} placeholder={t('backup.password_prompt')} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
          ) : (
            <Input.TextArea aria-label={t('backup.recovery_prompt')} placeholder={t('backup.recovery_prompt')} value={secret} onChange={(e) => setSecret(e.target.value)} autoSize={{ minRows: 2 }} spellCheck={false} />
          )}
        </Space>
      )}
      <Space wrap>
        <Button type={preview ? 'default' : 'primary'} loading={busy === 'preview'} disabled={busy === 'apply' || (!entry.mine && !secret)} onClick={() => void runPreview()}>
          {t('backup.preview_button')}
        </Button>
        <TaskProgress state={previewProgress} label={t('backup.preview_running')} />
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {done && <Alert type="success" showIcon role="status" title={done} />}
      {nothing && !changed && <Alert type="success" showIcon role="status" title={t('backup.preview_nothing')} />}
      {preview && changed && (
        <Alert
          type="info"
          showIcon
          role="status"
          data-testid="merge-differences"
          title={t(nothing ? 'backup.changes.merge_nothing_missing' : 'backup.changes.merge_also')}
          description={<WalletChangesList changes={preview.changedSince} lists={MERGE_DIFFERS} />}
        />
      )}
      {preview && !nothing && (
        <>
          <Alert
            type="warning"
            showIcon
            role="status"
            data-testid="merge-summary"
            title={t('backup.preview_lost', {
              transactions: preview.missingTransactions,
              accounts: preview.missingAccounts,
              since: day(preview.since, i18n.language),
            })}
          />
          <Typography.Text strong>{t('backup.preview_pick')}</Typography.Text>
          <Table<Item>
            aria-label={t('backup.preview_pick')}
            size="small"
            rowKey="id"
            dataSource={preview.items}
            pagination={preview.items.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
            rowSelection={{
              selectedRowKeys: picked,
              onChange: (keys) => setPicked(keys.map(String)),
              getCheckboxProps: (item) => ({ 'aria-label': t('backup.preview_pick_item', { label: item.label || t('backup.preview_unnamed') }) }),
            }}
            columns={[
              {
                key: 'item',
                title: t('backup.preview_columns.item'),
                render: (_, item) => (
                  <Space size={4} wrap>
                    <Typography.Text delete={item.voided}>{item.label || t('backup.preview_unnamed')}</Typography.Text>
                    {item.voided && <Tag color="orange">{t('backup.preview_comes_back_deleted')}</Tag>}
                  </Space>
                ),
              },
              { key: 'kind', title: t('backup.preview_columns.kind'), render: (_, item) => t(`backup.kind.${item.kind}`) },
              { key: 'date', title: t('backup.preview_columns.date'), render: (_, item) => day(item.date, i18n.language) },
              {
                key: 'amount',
                title: t('backup.preview_columns.amount'),
                align: 'right',
                render: (_, item) =>
                  item.amountMinor !== null && item.currency ? (
                    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{format(item.amountMinor, item.currency)}</span>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          <Space wrap>
            <Button type="primary" loading={busy === 'apply'} disabled={picked.length === 0 || busy === 'preview'} onClick={() => void apply()}>
              {t('backup.preview_apply', { count: picked.length })}
            </Button>
            <Typography.Text type="secondary">{t('backup.preview_selected', { count: picked.length })}</Typography.Text>
            <TaskProgress state={applyProgress} label={t('backup.progress.merge')} />
          </Space>
        </>
      )}
    </Space>
  );
}

/**
 * The update banner above every view: offer (notes, download, skip, later), progress with speed
 * and cancel, verification and the pre-install backup, then "restart and update" / "update when I
 * quit" — or, when the backup failed, the question whether to try again or go on without it.
 * Errors of a download or install are shown with "try again"; a failed automatic check is not
 * (Settings → About shows it), so an offline laptop is not nagged.
 */
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../../shared/format';
import type { UpdateStatus } from '../../../../shared/contract';
import { useApi } from '../../lib/api-context';
import { size } from '../backup/format';
import { ReleaseNotes } from './ReleaseNotes';
import { useUpdateAction } from './UpdateActions';
import { useUpdateStatus } from './use-update-status';
import './update.css';

function Body({ status, run }: { status: UpdateStatus; run: ReturnType<typeof useUpdateAction> }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const release = status.release;
  const version = release?.version ?? '';
  const bytes = (n: number) => size(n, i18n.language);

  switch (status.state) {
    case 'available':
      return (
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text strong>{t('update.banner.available', { version })}</Typography.Text>
          {release && (
            <Typography.Text type="secondary">
              {[release.releaseDate && t('update.released', { date: formatDay(release.releaseDate.slice(0, 10), i18n.language) }), release.sizeBytes !== null && t('update.size', { size: bytes(release.sizeBytes) })]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          )}
          {release && <ReleaseNotes version={version} notes={release.notes} />}
          <Space wrap>
            <Button type="primary" onClick={() => void run(() => api.update.download({}))}>
              {t('update.download')}
            </Button>
            <Button onClick={() => void run(() => api.update.skip({}))}>{t('update.skip')}</Button>
            <Button type="text" onClick={() => void run(() => api.update.remindLater({}))}>
              {t('update.later')}
            </Button>
          </Space>
        </Space>
      );
    case 'downloading': {
      const progress = status.progress;
      const percent = Math.floor(progress?.percent ?? 0);
      return (
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text strong>{t('update.banner.downloading', { version })}</Typography.Text>
          <div data-testid="update-progress" data-percent={percent}>
            <Progress percent={percent} status="active" aria-label={t('update.banner.downloading', { version })} />
          </div>
          {progress && (
            <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('update.progress', { done: bytes(progress.transferred), total: bytes(progress.total), speed: bytes(progress.bytesPerSecond) })}
            </Typography.Text>
          )}
          <Button onClick={() => void run(() => api.update.cancel({}))}>{t('update.cancel')}</Button>
        </Space>
      );
    }
    case 'verifying':
    case 'backing-up':
      return (
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text strong>{t(status.state === 'verifying' ? 'update.banner.verifying' : 'update.banner.backing_up', { version })}</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} />
        </Space>
      );
    case 'ready': {
      const backup = status.backup;
      if (backup?.status === 'failed') {
        return (
          <Space direction="vertical" size="small" style={{ width: '100%' }}>
            <Typography.Text strong>{t('update.backup.failed_title')}</Typography.Text>
            <Typography.Text>{t(backup.messageKey, backup.params)}</Typography.Text>
            <Typography.Text type="secondary">{t('update.backup.ask')}</Typography.Text>
            <Space wrap>
              <Button type="primary" onClick={() => void run(() => api.update.retryBackup({}))}>
                {t('update.retry_backup')}
              </Button>
              <Button danger onClick={() => void run(() => api.update.install({ when: 'now', withoutBackup: true }))}>
                {t('update.install_anyway')}
              </Button>
            </Space>
          </Space>
        );
      }
      return (
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text strong>{t('update.banner.ready', { version })}</Typography.Text>
          {backup && <Typography.Text type="secondary">{t(backup.messageKey, { file: backup.file ?? '' })}</Typography.Text>}
          {status.installOnQuit ? (
            <Typography.Text>{t('update.on_quit_armed', { version })}</Typography.Text>
          ) : (
            <Space wrap>
              <Button type="primary" onClick={() => void run(() => api.update.install({ when: 'now' }))}>
                {t('update.restart')}
              </Button>
              <Button onClick={() => void run(() => api.update.install({ when: 'on-quit' }))}>{t('update.on_quit')}</Button>
            </Space>
          )}
        </Space>
      );
    }
    case 'error':
      return (
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text strong>{t('update.banner.error')}</Typography.Text>
          {status.error && <Typography.Text>{t(status.error.messageKey, status.error.params)}</Typography.Text>}
          <Space wrap>
            <Button type="primary" onClick={() => void run(() => (release ? api.update.download({}) : api.update.check({})))}>
              {t('update.retry')}
            </Button>
            {release && <Button onClick={() => void run(() => api.update.skip({}))}>{t('update.skip')}</Button>}
          </Space>
        </Space>
      );
    default:
      return null;
  }
}

const SHOWN: ReadonlySet<UpdateStatus['state']> = new Set(['available', 'downloading', 'verifying', 'backing-up', 'ready', 'error']);

export function UpdateBanner() {
  const { t } = useTranslation();
  const [status, setStatus] = useUpdateStatus();
  const run = useUpdateAction(setStatus);
  if (!status || !SHOWN.has(status.state)) return null;
  if (status.state === 'available' && status.bannerHidden) return null;
  if (status.state === 'error' && status.error?.during === 'check') return null;
  const type = status.state === 'error' || status.backup?.status === 'failed' ? 'warning' : status.state === 'ready' ? 'success' : 'info';
  return (
    <section aria-label={t('update.banner.label')} data-testid="update-banner" data-state={status.state} className="ow-update-banner">
      <Alert type={type} showIcon title={<Body status={status} run={run} />} />
    </section>
  );
}

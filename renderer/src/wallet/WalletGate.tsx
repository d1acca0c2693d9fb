/**
 * Stands in front of the wallet views: create a wallet, or unlock one, then shows the app.
 * Follows `wallet/changed`, so a lock from anywhere (the header, idle timer, quit) returns here.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../shared/format';
import type { WalletStatus } from '../../../shared/contract';
import { unwrap, useApi } from '../lib/api-context';
import { CreateWallet } from './CreateWallet';
import { RestoreFromBackup } from './RestoreFromBackup';
import { UnlockScreen } from './UnlockScreen';
import { GateFooter } from './GateFooter';
import { WalletAccessBanner } from './WalletAccessBanner';

export function WalletGate({ children, toolbar }: { children: ReactNode; toolbar: ReactNode }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [status, setStatus] = useState<WalletStatus | null>(null);
  const [keyFileDropped, setKeyFileDropped] = useState(false);
  const [creating, setCreating] = useState(false);
  const [fromBackup, setFromBackup] = useState(false);
  /** A wallet just restored from a backup comes first on the unlock screen. */
  const [restoredId, setRestoredId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failedSince, setFailedSince] = useState<{ count: number; times: string[] } | null>(null);

  useEffect(() => {
    unwrap(api.wallet.status({})).then(setStatus, () => setError(t('errors.internal')));
    return api.on('wallet/changed', setStatus);
  }, [api, t]);

  const frame = (content: ReactNode) => (
    <div className="ow-gate">
      <div className="ow-gate-toolbar">{toolbar}</div>
      <div className="ow-center">{content}</div>
      <GateFooter />
    </div>
  );

  if (error) return <Alert type="error" showIcon message={error} style={{ margin: 48 }} />;
  if (!status) return <Spin size="large" className="ow-center" />;

  if (fromBackup) {
    return frame(
      <RestoreFromBackup
        onRestored={(walletId) => {
          setRestoredId(walletId);
          setFromBackup(false);
          setCreating(false);
          void message.success(t('backup.restore_new.done'));
        }}
        onCancel={() => setFromBackup(false)}
      />,
    );
  }
  // While creating, the new wallet is already open but the user still has to record the recovery key.
  if (creating || status.wallets.length === 0) {
    return frame(
      <>
        {status.wallets.length === 0 && (
          <div style={{ textAlign: 'center', maxWidth: 640 }}>
            <Typography.Title level={2}>{t('wallet.welcome.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('wallet.welcome.body')}</Typography.Paragraph>
          </div>
        )}
        <CreateWallet
          onBegin={() => setCreating(true)}
          onCreated={() => setCreating(false)}
          onCancel={status.wallets.length > 0 && !status.unlocked ? () => setCreating(false) : undefined}
          onHaveBackup={status.unlocked ? undefined : () => setFromBackup(true)}
        />
      </>,
    );
  }
  if (!status.unlocked) {
    return frame(
        <UnlockScreen
          wallets={restoredId ? [...status.wallets].sort((a, b) => Number(b.id === restoredId) - Number(a.id === restoredId)) : status.wallets}
          onCreateAnother={() => setCreating(true)}
          onUnlocked={(outcome, recovered, droppedKeyFile) => {
            if (recovered) void message.success(t('wallet.recover.done'));
            setKeyFileDropped(droppedKeyFile);
            const failed = outcome.failedAttemptsSinceLastUnlock;
            setFailedSince(failed.count > 0 ? failed : null);
            if (outcome.snapshotWarnings > 0) void message.info(t('wallet.unlock.snapshotWarning'));
          }}
        />,
    );
  }
  return (
    <>
      <WalletAccessBanner unlocked={status.unlocked} />
      {failedSince && (
        // A banner, not a toast: it must stay until read, and must not cover the header's controls.
        <Alert
          banner
          closable
          type="warning"
          onClose={() => setFailedSince(null)}
          message={t('wallet.unlock.failedSince', { count: failedSince.count })}
          description={t('wallet.unlock.failedSinceBody', {
            times: failedSince.times.map((time) => formatInstant(time, i18n.language)).join(', '),
          })}
        />
      )}
      {keyFileDropped && (
        // Said before the reset (UnlockScreen) and again after it, with the way to put it back.
        <Alert
          banner
          closable
          type="warning"
          data-testid="key-file-dropped"
          onClose={() => setKeyFileDropped(false)}
          message={t('wallet.recover.keyFileDroppedAfter')}
          action={
            <Button
              size="small"
              onClick={() => {
                setKeyFileDropped(false);
                window.location.hash = '#/settings';
              }}
            >
              {t('wallet.recover.setKeyFileAgain')}
            </Button>
          }
        />
      )}
      {children}
    </>
  );
}

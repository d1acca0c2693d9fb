/**
 * What the open wallet's file allows, as a banner that stays until the state changes: read-only
 * (reads work, writes are refused) or lost (deleted, replaced or truncated while open — the open
 * session still holds everything, so it offers to save it as a new wallet file).
 */
import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WalletStatus } from '../../../shared/contract';
import { errorText, unwrap, useApi } from '../lib/api-context';

type Unlocked = NonNullable<WalletStatus['unlocked']>;

export function WalletAccessBanner({ unlocked }: { unlocked: Unlocked }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);

  if (unlocked.access === 'read_only') {
    return <Alert banner type="info" message={t('wallet.read_only.title')} description={t('wallet.read_only.body')} data-testid="wallet-read-only" />;
  }
  if (unlocked.access !== 'file_lost') return null;
  const save = async () => {
    setSaving(true);
    try {
      const name = `${unlocked.name} ${t('wallet.file_lost.name_suffix')}`;
      await unwrap(api.wallet.saveAsNew({ name: name.slice(0, 60) }));
      setSavedAs(name);
    } catch (caught) {
      void message.error(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Alert
      banner
      type="error"
      data-testid="wallet-file-lost"
      message={t('wallet.file_lost.title')}
      description={savedAs ? t('wallet.file_lost.saved', { name: savedAs }) : t('wallet.file_lost.body')}
      action={
        savedAs ? undefined : (
          <Button type="primary" danger loading={saving} onClick={() => void save()}>
            {t('wallet.file_lost.save')}
          </Button>
        )
      }
    />
  );
}

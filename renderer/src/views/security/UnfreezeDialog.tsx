/**
 * Unfreezing asks for proof: the password (and the key file when the wallet has one). The engine
 * checks it (`security/unfreezeAccount`); a wrong one is refused, logged as `auth_failed`, and the
 * account stays frozen.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/ledger-views';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { newRequestId } from '../../lib/money';
import { KeyFilePicker, type ChosenKeyFile } from '../../wallet/KeyFilePicker';

export function UnfreezeDialog({ account, open, onClose }: { account: AccountView; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenKeyFile | null>(null);
  const [needsKeyFile, setNeedsKeyFile] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setRequestId(newRequestId());
    setPassword('');
    setKeyFile(null);
    setError(null);
    unwrap(api.wallet.status({})).then(
      (status) => setNeedsKeyFile(status.wallets.find((w) => w.id === status.unlocked?.id)?.hasKeyFile ?? false),
      () => setNeedsKeyFile(false),
    );
  }, [api, open]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.security.unfreezeAccount({ requestId, accountId: account.id, password, ...(keyFile ? { keyFile: keyFile.base64 } : {}) }));
      void message.success(t('accounts.actions.unfreezeDone', { name: account.name }));
      setPassword('');
      onClose();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('security.freeze.unfreezeTitle', { name: account.name })}
      okText={t('accounts.actions.unfreeze')}
      okButtonProps={{ disabled: password.length === 0 || (needsKeyFile && !keyFile) }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p>{t('security.freeze.unfreezeBody')}</p>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={t('security.freeze.password')} htmlFor="ow-unfreeze-password">
          <Input.Password id="ow-unfreeze-password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </Form.Item>
        {needsKeyFile && (
          <Form.Item label={t('security.freeze.keyFile')}>
            <KeyFilePicker label={t('security.freeze.keyFile')} value={keyFile} onChange={setKeyFile} onError={setError} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

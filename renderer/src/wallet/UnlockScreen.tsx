/** Unlock with password (+ key file), a visible wait during backoff, and the recovery-key way back in. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UnlockOutcome, WalletSummary } from '../../../shared/contract';
import { ApiError, errorText, unwrap, useApi } from '../lib/api-context';
import { KeyFilePicker, type ChosenKeyFile } from './KeyFilePicker';
import { NewPasswordFields } from './NewPasswordFields';

interface Props {
  wallets: WalletSummary[];
  /** `droppedKeyFile`: a recovery reset of a wallet that required a key file (it no longer does). */
  onUnlocked(outcome: UnlockOutcome, recovered: boolean, droppedKeyFile: boolean): void;
  onCreateAnother(): void;
}

function useSecondsUntil(iso: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000)) : 0;
}

export function UnlockScreen({ wallets, onUnlocked, onCreateAnother }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [walletId, setWalletId] = useState(wallets[0]?.id ?? '');
  const wallet = wallets.find((w) => w.id === walletId) ?? wallets[0];
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [keyFile, setKeyFile] = useState<ChosenKeyFile | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<string | null>(wallet?.retryAt ?? null);
  const wait = useSecondsUntil(retryAt);
  const [form] = Form.useForm();

  useEffect(() => setRetryAt(wallet?.retryAt ?? null), [wallet?.retryAt]);

  const run = async (call: () => Promise<UnlockOutcome>, recovered: boolean) => {
    setWorking(true);
    setError(null);
    try {
      const outcome = await call();
      form.resetFields();
      onUnlocked(outcome, recovered, recovered && (wallet?.hasKeyFile ?? false));
    } catch (caught) {
      // A wrong unlock password is cleared for the next try. Kept: the password when only the key
      // file was missing (it was not judged), and the new password of a recovery (it is not a guess;
      // the recovery key was wrong) — both boxes together, so a retry never fails on a half-cleared pair.
      const keyFileMissing = caught instanceof ApiError && caught.failure.messageKey === 'errors.vault.key_file_required';
      if (!recovered && !keyFileMissing) form.resetFields(['password']);
      setError(errorText(caught, t));
      if (caught instanceof ApiError && typeof caught.failure.params.until === 'string') setRetryAt(caught.failure.params.until);
      // The new wait (if any) arrives in the background: the form is usable again at once.
      void unwrap(api.wallet.status({})).then(
        (status) => {
          const fresh = status.wallets.find((w) => w.id === walletId);
          if (fresh) setRetryAt(fresh.retryAt);
        },
        () => undefined,
      );
    } finally {
      setWorking(false);
    }
  };

  if (!wallet) return null;
  const damaged = wallet.problem !== null;

  return (
    <Card style={{ width: 480, maxWidth: '94vw' }}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {mode === 'password' ? t('wallet.unlock.title') : t('wallet.recover.title')}
        </Typography.Title>
        {wallets.length > 1 && (
          <Select
            aria-label={t('wallet.unlock.wallet')}
            value={wallet.id}
            onChange={(id: string) => {
              setWalletId(id);
              setError(null);
            }}
            options={wallets.map((w) => ({ value: w.id, label: w.name }))}
          />
        )}
        {wallets.length === 1 && <Typography.Text type="secondary">{wallet.name}</Typography.Text>}
        {damaged && <Alert type="error" showIcon message={t(wallet.problem === 'no_permission' ? 'wallet.unlock.no_permission' : 'wallet.unlock.damaged')} />}
        {wait > 0 && <Alert type="warning" showIcon role="timer" message={t('wallet.unlock.wait', { seconds: wait })} />}
        {error && wait === 0 && <Alert type="error" showIcon message={error} role="alert" />}

        {mode === 'password' ? (
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onValuesChange={() => setError(null)}
            onFinish={(values: { password: string }) =>
              run(
                () => unwrap(api.wallet.unlock({ walletId: wallet.id, password: values.password, ...(keyFile ? { keyFile: keyFile.base64 } : {}) })),
                false,
              )
            }
          >
            <Form.Item name="password" label={t('wallet.unlock.password')} rules={[{ required: true, message: t('wallet.unlock.password') }]}>
              <Input.Password autoFocus autoComplete="current-password" disabled={damaged} />
            </Form.Item>
            {wallet.hasKeyFile && (
              <Form.Item label={t('wallet.unlock.keyFile')}>
                <KeyFilePicker
                  label={t('wallet.create.chooseKeyFile')}
                  value={keyFile}
                  onChange={(chosen) => {
                    setKeyFile(chosen);
                    setError(null); // the user acted on what the alert asked for
                  }}
                  onError={setError}
                />
              </Form.Item>
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              // Not antd's `loading`: its internal state could stay on after a refusal that came back
              // within the same frame, leaving a disabled button (seen in CI). Our own state decides.
              icon={working ? <LoadingOutlined aria-hidden /> : undefined}
              disabled={working || wait > 0 || damaged}
            >
              {working ? t('wallet.unlock.working') : t('wallet.unlock.submit')}
            </Button>
          </Form>
        ) : (
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onValuesChange={() => setError(null)}
            onFinish={(values: { recoveryKey: string; password: string }) =>
              run(() => unwrap(api.wallet.recover({ walletId: wallet.id, recoveryKey: values.recoveryKey, newPassword: values.password })), true)
            }
          >
            {/* Recovery writes a password-only slot (FORMAT.md, "Keyslots"): say so before, not after. */}
            {wallet.hasKeyFile && <Alert type="info" showIcon message={t('wallet.recover.keyFileDropped')} style={{ marginBottom: 16 }} />}
            <Form.Item name="recoveryKey" label={t('wallet.recover.recoveryKey')} rules={[{ required: true, message: t('wallet.recover.recoveryKey') }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} spellCheck={false} autoComplete="off" />
            </Form.Item>
            <NewPasswordFields passwordLabel={t('wallet.recover.newPassword')} confirmLabel={t('wallet.recover.confirm')} />
            <Button
              type="primary"
              htmlType="submit"
              block
              // Not antd's `loading`: its internal state could stay on after a refusal that came back
              // within the same frame, leaving a disabled button (seen in CI). Our own state decides.
              icon={working ? <LoadingOutlined aria-hidden /> : undefined}
              disabled={working || wait > 0 || damaged}
            >
              {t('wallet.recover.submit')}
            </Button>
          </Form>
        )}
        <Space direction="vertical" size={4}>
          <Typography.Link
            onClick={() => {
              setMode(mode === 'password' ? 'recovery' : 'password');
              setError(null);
              form.resetFields();
            }}
          >
            {mode === 'password' ? t('wallet.unlock.forgot') : t('wallet.recover.back')}
          </Typography.Link>
          <Typography.Link onClick={onCreateAnother}>{t('wallet.unlock.newWallet')}</Typography.Link>
        </Space>
      </Space>
    </Card>
  );
}

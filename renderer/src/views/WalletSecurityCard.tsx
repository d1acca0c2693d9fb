/** Settings → password and keys: change password, key file, new recovery key, verify wallet. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Divider, Form, Input, List, Modal, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/contract';
import { errorText, unwrap, useApi } from '../lib/api-context';
import { KeyFilePicker, type ChosenKeyFile } from '../wallet/KeyFilePicker';
import { NewPasswordFields } from '../wallet/NewPasswordFields';
import { RecoveryKeyCheck, RecoveryKeyShow } from '../wallet/RecoveryKeyStep';

const withKeyFile = (file: ChosenKeyFile | null) => (file ? { keyFile: file.base64 } : {});

/**
 * Runs `work` with the form's values once they pass its rules. A failed validation is already shown
 * on its field; swallowing the rejection here is what keeps it from becoming an uncaught page error.
 */
function whenValid<T>(form: FormInstance, work: (values: T) => Promise<void>): void {
  form.validateFields().then(
    (values: T) => work(values),
    () => undefined,
  );
}

export function WalletSecurityCard() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [hasKeyFile, setHasKeyFile] = useState(false);
  const [walletName, setWalletName] = useState('');
  const [currentKeyFile, setCurrentKeyFile] = useState<ChosenKeyFile | null>(null);
  const [newKeyFile, setNewKeyFile] = useState<ChosenKeyFile | null>(null);
  // A regenerated key is pending in the engine (the old one still works) until it is typed back here.
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const [recoveryStep, setRecoveryStep] = useState<'show' | 'check'>('show');
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [passwordForm] = Form.useForm();
  const [keyForm] = Form.useForm();

  const refresh = () =>
    unwrap(api.wallet.status({})).then((status) => {
      const open = status.wallets.find((w) => w.id === status.unlocked?.id);
      setHasKeyFile(open?.hasKeyFile ?? false);
      setWalletName(status.unlocked?.name ?? '');
    });
  useEffect(() => void refresh(), [api]);

  const act = async (name: string, work: () => Promise<void>) => {
    setBusy(name);
    try {
      await work();
    } catch (caught) {
      void message.error(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('wallet.security.title')}>
      <Typography.Title level={5}>{t('wallet.security.changePassword')}</Typography.Title>
      {/* Named forms: both have a "password" field, and unnamed they share its id, so the second label pointed at the first input. */}
      <Form
        form={passwordForm}
        name="change-password"
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 420 }}
        onFinish={(values: { current: string; password: string }) =>
          act('password', async () => {
            await unwrap(api.wallet.changePassword({ oldPassword: values.current, newPassword: values.password, ...withKeyFile(currentKeyFile) }));
            passwordForm.resetFields();
            void message.success(t('wallet.security.changed'));
          })
        }
      >
        <Form.Item name="current" label={t('wallet.security.currentPassword')} rules={[{ required: true, message: t('wallet.security.currentPassword') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields passwordLabel={t('wallet.security.newPassword')} confirmLabel={t('wallet.security.confirm')} />
        {hasKeyFile && (
          <Form.Item label={t('wallet.security.currentKeyFile')}>
            <KeyFilePicker label={t('wallet.create.chooseKeyFile')} value={currentKeyFile} onChange={setCurrentKeyFile} onError={(e) => void message.error(e)} />
          </Form.Item>
        )}
        <Button htmlType="submit" loading={busy === 'password'}>
          {t('wallet.security.changePassword')}
        </Button>
      </Form>

      <Divider />
      <Typography.Title level={5}>{t('wallet.security.keyFile')}</Typography.Title>
      <Typography.Paragraph type="secondary">{hasKeyFile ? t('wallet.security.keyFileOn') : t('wallet.security.keyFileOff')}</Typography.Paragraph>
      <Form form={keyForm} name="keys" layout="vertical" requiredMark={false} style={{ maxWidth: 420 }}>
        <Form.Item name="password" label={t('wallet.security.currentPassword')} rules={[{ required: true, message: t('wallet.security.currentPassword') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {hasKeyFile && (
          <Form.Item label={t('wallet.security.currentKeyFile')}>
            <KeyFilePicker label={t('wallet.create.chooseKeyFile')} value={currentKeyFile} onChange={setCurrentKeyFile} onError={(e) => void message.error(e)} />
          </Form.Item>
        )}
        <Form.Item label={hasKeyFile ? t('wallet.security.replaceKeyFile') : t('wallet.security.setKeyFile')}>
          <KeyFilePicker label={t('wallet.create.chooseKeyFile')} value={newKeyFile} onChange={setNewKeyFile} onError={(e) => void message.error(e)} />
        </Form.Item>
        <Space wrap>
          <Button
            disabled={!newKeyFile}
            loading={busy === 'keyfile'}
            onClick={() =>
              whenValid(keyForm, (values: { password: string }) =>
                act('keyfile', async () => {
                  await unwrap(api.wallet.setKeyFile({ password: values.password, keyFile: newKeyFile!.base64, ...(currentKeyFile ? { currentKeyFile: currentKeyFile.base64 } : {}) }));
                  keyForm.resetFields();
                  setNewKeyFile(null);
                  setCurrentKeyFile(null);
                  await refresh();
                  void message.success(t('wallet.security.keyFileSaved'));
                }),
              )
            }
          >
            {hasKeyFile ? t('wallet.security.replaceKeyFile') : t('wallet.security.setKeyFile')}
          </Button>
          {hasKeyFile && (
            <Button
              danger
              loading={busy === 'keyfile-off'}
              onClick={() =>
                whenValid(keyForm, (values: { password: string }) =>
                  act('keyfile-off', async () => {
                    await unwrap(api.wallet.setKeyFile({ password: values.password, keyFile: null, ...(currentKeyFile ? { currentKeyFile: currentKeyFile.base64 } : {}) }));
                    keyForm.resetFields();
                    setCurrentKeyFile(null);
                    await refresh();
                    void message.success(t('wallet.security.keyFileSaved'));
                  }),
                )
              }
            >
              {t('wallet.security.removeKeyFile')}
            </Button>
          )}
          <Button
            loading={busy === 'recovery'}
            onClick={() =>
              whenValid(keyForm, (values: { password: string }) =>
                act('recovery', async () => {
                  const result = await unwrap(api.wallet.regenerateRecoveryKey({ password: values.password, ...withKeyFile(currentKeyFile) }));
                  keyForm.resetFields();
                  setRecoveryStep('show');
                  setNewRecoveryKey(result.recoveryKey);
                }),
              )
            }
          >
            {t('wallet.security.regenerate')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('wallet.security.regenerateHelp')}
        </Typography.Paragraph>
      </Form>

      <Divider />
      <Typography.Title level={5}>{t('wallet.security.verify')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('wallet.security.verifyHelp')}</Typography.Paragraph>
      <Button loading={busy === 'verify'} onClick={() => act('verify', async () => setReport(await unwrap(api.wallet.verify({}))))}>
        {t('wallet.security.verify')}
      </Button>
      {report && report.ok && <Alert style={{ marginTop: 12 }} type="success" showIcon message={t('wallet.security.verifyOk', { events: report.events })} />}
      {report && !report.ok && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message={t('wallet.security.verifyFailed')}
          description={<List size="small" dataSource={report.problems} renderItem={(p) => <List.Item>{`${p.where}${p.seq ? ` #${p.seq}` : ''}: ${p.detail}`}</List.Item>} />}
        />
      )}

      <Modal
        open={newRecoveryKey !== null}
        title={t('wallet.recovery.title')}
        footer={
          <Button onClick={() => setNewRecoveryKey(null)} disabled={busy === 'recovery-confirm'}>
            {t('wallet.recovery_confirm.cancel')}
          </Button>
        }
        closable={false}
        width={640}
      >
        {newRecoveryKey && recoveryStep === 'show' && (
          <RecoveryKeyShow recoveryKey={newRecoveryKey} walletName={walletName} onNext={() => setRecoveryStep('check')} />
        )}
        {newRecoveryKey && recoveryStep === 'check' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon message={t('wallet.recovery_confirm.intro')} />
            <RecoveryKeyCheck
              recoveryKey={newRecoveryKey}
              finishLabel={t('wallet.recovery_confirm.confirm')}
              onDone={(typed) =>
                void act('recovery-confirm', async () => {
                  await unwrap(api.wallet.confirmRecoveryKey({ recoveryKey: typed }));
                  setNewRecoveryKey(null);
                  void message.success(t('wallet.recovery_confirm.done'));
                })
              }
            />
          </Space>
        )}
      </Modal>
    </Card>
  );
}

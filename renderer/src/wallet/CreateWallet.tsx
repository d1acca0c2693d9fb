/** First run (or another wallet): name + password (+ key file) → recovery key → re-type check. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Spin, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, unwrap, useApi } from '../lib/api-context';
import { WalletNameField } from './WalletNameField';
import { KeyFilePicker, type ChosenKeyFile } from './KeyFilePicker';
import { NewPasswordFields } from './NewPasswordFields';
import { RecoveryKeyCheck, RecoveryKeyShow } from './RecoveryKeyStep';

interface Props {
  /** Called before the wallet exists: from then on the gate must keep this flow on screen. */
  onBegin(): void;
  onCreated(): void;
  onCancel?: () => void;
  /** "I have a backup": the gate shows the restore-from-backup form instead. */
  onHaveBackup?: () => void;
}

export function CreateWallet({ onBegin, onCreated, onCancel, onHaveBackup }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [keyFile, setKeyFile] = useState<ChosenKeyFile | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; recoveryKey: string } | null>(null);
  const name = (Form.useWatch('name', form) as string | undefined) ?? '';

  const submit = async (values: { name: string; password: string }) => {
    setWorking(true);
    setError(null);
    onBegin();
    try {
      const result = await unwrap(
        api.wallet.create({ name: values.name, password: values.password, ...(keyFile ? { keyFile: keyFile.base64 } : {}) }),
      );
      form.resetFields(['password', 'confirm']); // the password leaves the view as soon as it is used
      setCreated({ name: values.name, recoveryKey: result.recoveryKey });
      setStep(1);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Card style={{ width: 640, maxWidth: '94vw' }}>
      <Typography.Title level={3}>{t('wallet.create.title')}</Typography.Title>
      <Steps
        size="small"
        current={step}
        style={{ margin: '16px 0 24px' }}
        items={[
          { title: t('wallet.create.steps.password') },
          { title: t('wallet.create.steps.recoveryKey') },
          { title: t('wallet.create.steps.confirm') },
        ]}
      />
      {step === 0 && (
        <Spin spinning={working} tip={t('wallet.create.working')}>
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: t('wallet.create.nameDefault') }} requiredMark={false}>
            <WalletNameField label={t('wallet.create.name')} />
            <NewPasswordFields passwordLabel={t('wallet.create.password')} confirmLabel={t('wallet.create.confirmPassword')} userInputs={[name]} />
            <Form.Item label={t('wallet.create.keyFile')} extra={t('wallet.create.keyFileHelp')}>
              <KeyFilePicker label={t('wallet.create.chooseKeyFile')} value={keyFile} onChange={setKeyFile} onError={setError} />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
            <Space>
              <Button type="primary" htmlType="submit" loading={working}>
                {t('wallet.create.submit')}
              </Button>
              {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
              {onHaveBackup && (
                <Button type="link" onClick={onHaveBackup}>
                  {t('backup.new_machine')}
                </Button>
              )}
            </Space>
          </Form>
        </Spin>
      )}
      {step === 1 && created && (
        <RecoveryKeyShow recoveryKey={created.recoveryKey} walletName={created.name} onNext={() => setStep(2)} />
      )}
      {step === 2 && created && (
        <RecoveryKeyCheck
          recoveryKey={created.recoveryKey}
          onDone={() => {
            setCreated(null); // the recovery key is not kept in memory once confirmed
            onCreated();
          }}
        />
      )}
    </Card>
  );
}

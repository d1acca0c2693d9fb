/**
 * The wallet-name field of "create" and "restore as new". It says where the name is typed that
 * the name is NOT encrypted (it is kept in plain text in wallets.json, the backup catalog and
 * backup file names, so the wallet list works while everything is locked), and applies the same
 * one-line rule as the contract (shared/text-rules.ts).
 */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isSingleLineText } from '../../../shared/text-rules';

export function WalletNameField({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="name"
      label={label}
      extra={t('wallet.nameNotEncrypted')}
      rules={[
        { required: true, whitespace: true, max: 60 },
        { validator: (_rule, value?: string) => (!value || isSingleLineText(value) ? Promise.resolve() : Promise.reject(new Error(t('errors.text.name')))) },
      ]}
    >
      <Input autoComplete="off" />
    </Form.Item>
  );
}

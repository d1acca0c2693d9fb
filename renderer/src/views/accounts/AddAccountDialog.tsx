/**
 * "Add account": name, kind, currency (common ones first), opening balance, credit limit or
 * overdraft. While the ledger has no categories, a ticked-by-default box adds the starter
 * categories in the current language with the account (EVENTS.md, "Starter categories").
 */
import { useEffect } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMMON_CURRENCIES, CURRENCY_CODES } from '../../../../shared/currencies';
import type { AccountKind } from '../../../../shared/ledger-views';
import { unwrap, useApi } from '../../lib/api-context';
import { useCategories, useCommandRunner } from '../../components/ledger-data';
import { KINDS_WITH_LIMIT } from './helpers';
import { kindOptions } from './AccountEdit';
import { useFocusOnOpen } from '../../lib/use-focus-on-open';

interface Values {
  name: string;
  kind: AccountKind;
  currency: string;
  openingBalance?: string;
  creditLimit?: string;
  starterCategories?: boolean;
}

export function currencyOptions(t: (key: string) => string) {
  const common = new Set<string>(COMMON_CURRENCIES);
  return [
    { label: t('accounts.form.commonCurrencies'), options: COMMON_CURRENCIES.map((code) => ({ value: code, label: code })) },
    {
      label: t('accounts.form.otherCurrencies'),
      options: CURRENCY_CODES.filter((code) => !common.has(code)).map((code) => ({ value: code, label: code })),
    },
  ];
}

export function AddAccountDialog({ open, onClose, defaultCurrency }: { open: boolean; onClose(): void; defaultCurrency?: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const categories = useCategories();
  const offerStarter = categories.length === 0;
  const [form] = Form.useForm<Values>();
  const { ref: nameRef, focusOnOpen } = useFocusOnOpen(open);
  // One request id per opening, no second submit while one is in flight, the engine's error translated.
  const runner = useCommandRunner(open);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'bank', currency: defaultCurrency ?? 'CNY', starterCategories: true });
  }, [open, form, defaultCurrency]);

  const submit = (values: Values) =>
    runner.run(async (requestId) => {
      await unwrap(
        api.ledger.openAccount({
          requestId,
          name: values.name.trim(),
          kind: values.kind,
          currency: values.currency,
          ...(values.openingBalance?.trim() ? { openingBalance: values.openingBalance.trim() } : {}),
          ...(KINDS_WITH_LIMIT.includes(values.kind) && values.creditLimit?.trim() ? { creditLimit: values.creditLimit.trim() } : {}),
        }),
      );
      if (offerStarter && values.starterCategories) {
        // Its own request id derived from this opening's, so a retry after a failure adds them once.
        const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en-US';
        await unwrap(api.ledger.addStarterCategories({ requestId: `${requestId}-starter`, language }));
      }
      void message.success(t('accounts.form.created', { name: values.name.trim() }));
      onClose();
    });

  return (
    <Modal
      open={open}
      title={t('accounts.form.title')}
      okText={t('accounts.form.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={runner.busy}
      destroyOnHidden
      afterOpenChange={(opened) => opened && focusOnOpen()}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark="optional">
        <Form.Item name="name" label={t('accounts.form.name')} rules={[{ required: true, whitespace: true, message: t('accounts.form.nameRequired') }]}>
          <Input maxLength={100} placeholder={t('accounts.form.namePlaceholder')} ref={nameRef} />
        </Form.Item>
        <Form.Item name="kind" label={t('accounts.form.kind')} rules={[{ required: true }]}>
          <Select aria-label={t('accounts.form.kind')} options={kindOptions(t)} />
        </Form.Item>
        <Form.Item name="currency" label={t('accounts.form.currency')} rules={[{ required: true }]}>
          <Select aria-label={t('accounts.form.currency')} showSearch options={currencyOptions(t)} />
        </Form.Item>
        <Form.Item name="openingBalance" label={t('accounts.form.openingBalance')} extra={t('accounts.form.openingBalanceHint')}>
          <Input inputMode="decimal" placeholder="0.00" />
        </Form.Item>
        {kind && KINDS_WITH_LIMIT.includes(kind) && (
          <Form.Item
            name="creditLimit"
            label={kind === 'credit' ? t('accounts.form.creditLimit') : t('accounts.form.overdraft')}
            extra={kind === 'credit' ? t('accounts.form.creditLimitHint') : t('accounts.form.overdraftHint')}
          >
            <Input inputMode="decimal" placeholder="0.00" />
          </Form.Item>
        )}
        {offerStarter && (
          <Form.Item name="starterCategories" valuePropName="checked" extra={t('daily.starter.hint')}>
            <Checkbox>{t('daily.starter.label')}</Checkbox>
          </Form.Item>
        )}
        {runner.error && <Alert type="error" showIcon title={runner.error} role="alert" />}
      </Form>
    </Modal>
  );
}

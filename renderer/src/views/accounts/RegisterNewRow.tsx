/**
 * The register's inline new row (Actual/YNAB style): date, type, payee, category and amount in one
 * line above the register, the account fixed. Enter in the amount (or the date or payee) saves; the
 * row then clears payee, category and amount, keeps the date and type, and puts the focus back on
 * its first field for the next one. The engine's refusals show in red on the field they concern.
 */
import { useRef } from 'react';
import { Alert, App, Button, Form, Input, Select, type InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/ledger-views';
import { unwrap, useApi } from '../../lib/api-context';
import { AmountInput, amountToSend, typedAmountRule } from '../../components/AmountInput';
import { CategorySelect } from '../../components/CategorySelect';
import { PayeeInput } from '../../components/PayeeInput';
import { showOnField, type DialogField } from '../../components/error-fields';
import { useCategories, useCommandRunner } from '../../components/ledger-data';

const FIELDS: readonly DialogField[] = ['date', 'payee', 'categoryId', 'amount'];

interface Values {
  date: string;
  kind: 'expense' | 'income';
  payee?: string;
  categoryId?: string | null;
  amount: string;
}

export function RegisterNewRow({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const categories = useCategories();
  const [form] = Form.useForm<Values>();
  const runner = useCommandRunner(true);
  const first = useRef<InputRef>(null);
  const kind = Form.useWatch('kind', form) ?? 'expense';

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const ok = await runner.run(
      (requestId) =>
        unwrap(
          api.ledger.recordTransaction({
            requestId,
            kind: values.kind,
            accountId: account.id,
            amount: amountToSend(values.amount, account.currency),
            currency: account.currency,
            date: values.date.trim(),
            payee: values.payee?.trim() ?? '',
            categoryId: values.categoryId ?? null,
            status: 'cleared',
          }),
        ),
      { onFailure: showOnField(form, FIELDS, t) },
    );
    if (!ok) return;
    void message.success(t('transactions.dialog.recorded'));
    runner.renew();
    // Focus first: leaving the amount tidies what was typed there, which must happen before it is cleared.
    first.current?.focus({ cursor: 'all' });
    form.setFieldsValue({ payee: '', categoryId: null, amount: '' });
  };

  return (
    <section aria-label={t('accounts.register.newRow')} className="ow-register-new-row" style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ date: dayjs().format('YYYY-MM-DD'), kind: 'expense', categoryId: null }}
        style={{ rowGap: 8 }}
        onFinish={() => void save()}
      >
        <Form.Item name="date" rules={[{ required: true, message: t('accounts.register.dateRequired') }]} style={{ width: 128 }}>
          <Input ref={first} aria-label={t('accounts.register.date')} placeholder="YYYY-MM-DD" autoComplete="off" onPressEnter={() => void save()} />
        </Form.Item>
        <Form.Item name="kind" style={{ width: 104 }}>
          <Select
            aria-label={t('transactions.fields.kind')}
            options={(['expense', 'income'] as const).map((k) => ({ value: k, label: t(`ledger.transactionKinds.${k}`) }))}
            onChange={() => form.setFieldValue('categoryId', null)}
          />
        </Form.Item>
        <label htmlFor={`ow-new-row-payee-${account.id}`} className="ow-visually-hidden">
          {t('transactions.fields.payee')}
        </label>
        <Form.Item name="payee" style={{ flex: '1 1 140px', minWidth: 120 }}>
          <PayeeInput
            id={`ow-new-row-payee-${account.id}`}
            onPick={(suggestion) => {
              if (!form.getFieldValue('categoryId') && suggestion.lastKind === form.getFieldValue('kind')) form.setFieldValue('categoryId', suggestion.lastCategoryId);
            }}
          />
        </Form.Item>
        <Form.Item name="categoryId" style={{ flex: '1 1 140px', minWidth: 120 }}>
          <CategorySelect categories={categories} kind={kind} placeholder={t('transactions.fields.category')} ariaLabel={t('transactions.fields.category')} />
        </Form.Item>
        <Form.Item
          name="amount"
          rules={[{ required: true, whitespace: true, message: t('accounts.register.amountRequired') }, typedAmountRule(account.currency, t)]}
          style={{ width: 150 }}
        >
          <AmountInput currency={account.currency} aria-label={t('accounts.register.amount')} placeholder="0.00" onPressEnter={() => void save()} />
        </Form.Item>
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Button type="primary" icon={<PlusOutlined />} loading={runner.busy} onClick={() => void save()}>
            {t('accounts.register.add')}
          </Button>
        </Form.Item>
      </Form>
      {runner.error && <Alert type="error" showIcon title={runner.error} role="alert" style={{ marginTop: 8 }} />}
    </section>
  );
}

/** Set (or change) one category's budget for a month, as decimal text in a currency. */
import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../shared/ledger-views';
import { unwrap, useApi } from '../../lib/api-context';
import { currencyOptions } from '../accounts/AddAccountDialog';
import { useCommandRunner } from '../../components/ledger-data';
import { categoryLabel } from './CategoryDialog';

interface Values {
  categoryId: string;
  amount: string;
  currency: string;
}

export interface BudgetDraft {
  categoryId?: string;
  amount?: string;
  currency: string;
}

interface Props {
  open: boolean;
  month: string;
  draft: BudgetDraft;
  categories: readonly CategoryView[];
  onClose(): void;
}

export function SetBudgetDialog({ open, month, draft, categories, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // One request id per opening, no second submit while one is in flight, the engine's error translated.
  const runner = useCommandRunner(open);

  // The draft is read once, when the dialog opens; later renders must not reset what the user typed.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(draft);
  }, [open, form]);

  const submit = (values: Values) =>
    runner.run(async (requestId) => {
      await unwrap(api.ledger.setBudget({ requestId, categoryId: values.categoryId, month, amount: values.amount.trim(), currency: values.currency }));
      void message.success(t('reports.budgets.saved'));
      onClose();
    });

  const expense = categories.filter((c) => c.kind === 'expense');
  return (
    <Modal
      open={open}
      title={t('reports.budgets.dialogTitle', { month })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={runner.busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="categoryId" label={t('reports.budgets.category')} rules={[{ required: true, message: t('reports.budgets.categoryRequired') }]}>
          <Select
            aria-label={t('reports.budgets.category')}
            showSearch
            optionFilterProp="label"
            options={expense.map((c) => ({ value: c.id, label: categoryLabel(c, categories) }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="amount"
            label={t('reports.budgets.amount')}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: t('reports.budgets.amountRequired') }]}
          >
            <Input inputMode="decimal" placeholder="0.00" />
          </Form.Item>
          <Form.Item name="currency" label={t('accounts.form.currency')} style={{ width: 140 }}>
            <Select aria-label={t('accounts.form.currency')} showSearch options={currencyOptions(t)} />
          </Form.Item>
        </div>
        {runner.error && <Alert type="error" showIcon role="alert" title={runner.error} />}
      </Form>
    </Modal>
  );
}

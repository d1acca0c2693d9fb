/** Set (or change) one category's budget for a month, as decimal text in a currency. */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../shared/ledger-views';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { currencyOptions } from '../accounts/AddAccountDialog';
import { useRequestIdPerOpening } from '../accounts/helpers';
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
  const requestId = useRequestIdPerOpening(open);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The draft is read once, when the dialog opens; later renders must not reset what the user typed.
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(draft);
  }, [open, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.ledger.setBudget({ requestId, categoryId: values.categoryId, month, amount: values.amount.trim(), currency: values.currency }));
      void message.success(t('reports.budgets.saved'));
      onClose();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const expense = categories.filter((c) => c.kind === 'expense');
  return (
    <Modal
      open={open}
      title={t('reports.budgets.dialogTitle', { month })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
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
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

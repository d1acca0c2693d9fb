/** "New category": a name, income or expense, and optionally a parent (one level of nesting). */
import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../shared/ledger-views';
import { unwrap, useApi } from '../../lib/api-context';
import { useCommandRunner } from '../../components/ledger-data';
import { useFocusOnOpen } from '../../lib/use-focus-on-open';

interface Values {
  name: string;
  kind: 'expense' | 'income';
  parentId?: string;
}

export function CategoryDialog({ open, onClose, categories }: { open: boolean; onClose(id?: string): void; categories: readonly CategoryView[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { ref: nameRef, focusOnOpen } = useFocusOnOpen(open);
  // One request id per opening, no second submit while one is in flight, the engine's error translated.
  const runner = useCommandRunner(open);
  const kind = Form.useWatch('kind', form) ?? 'expense';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'expense' });
  }, [open, form]);

  const submit = (values: Values) =>
    runner.run(async (requestId) => {
      const outcome = await unwrap(
        api.ledger.defineCategory({ requestId, name: values.name.trim(), kind: values.kind, parentId: values.parentId ?? null }),
      );
      void message.success(t('reports.category.created', { name: values.name.trim() }));
      onClose(outcome.ids[0]);
    });

  const parents = categories.filter((c) => c.parentId === null && c.kind === kind);
  return (
    <Modal
      open={open}
      title={t('reports.category.title')}
      okText={t('reports.category.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={runner.busy}
      destroyOnHidden
      afterOpenChange={(opened) => opened && focusOnOpen()}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark="optional">
        <Form.Item name="name" label={t('reports.category.name')} rules={[{ required: true, whitespace: true, message: t('reports.category.nameRequired') }]}>
          <Input maxLength={100} placeholder={t('reports.category.namePlaceholder')} ref={nameRef} />
        </Form.Item>
        <Form.Item name="kind" label={t('reports.category.kind')}>
          <Radio.Group
            optionType="button"
            onChange={() => form.setFieldValue('parentId', undefined)}
            options={[
              { value: 'expense', label: t('ledger.transactionKinds.expense') },
              { value: 'income', label: t('ledger.transactionKinds.income') },
            ]}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('reports.category.parent')} extra={t('reports.category.parentHint')}>
          <Select aria-label={t('reports.category.parent')} allowClear placeholder={t('reports.category.noParent')} options={parents.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        {runner.error && <Alert type="error" showIcon role="alert" title={runner.error} />}
      </Form>
    </Modal>
  );
}

/** 'Food › Groceries' for a nested category, the plain name for a top-level one. */
export function categoryLabel(category: CategoryView, all: readonly CategoryView[]): string {
  const parent = category.parentId ? all.find((c) => c.id === category.parentId) : undefined;
  return parent ? `${parent.name} › ${category.name}` : category.name;
}

/**
 * "Categories": rename, merge and delete, from the transactions view. Delete is offered for every
 * category; the engine refuses one that any transaction uses and the dialog then turns into a
 * merge with that message, so the user never reaches a dead end.
 */
import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, List, Modal, Select, Typography } from 'antd';
import { TagsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../shared/ledger-views';
import { ApiError, unwrap, useApi } from '../lib/api-context';
import { useCategories, useCommandRunner } from './ledger-data';
import { useFocusOnOpen } from '../lib/use-focus-on-open';

type Action = { type: 'rename' | 'merge' | 'delete'; category: CategoryView; notice?: string };

export function CategoryManager({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [action, setAction] = useState<Action | null>(null);
  const label = (category: CategoryView) => {
    const parent = category.parentId ? categories.find((c) => c.id === category.parentId) : undefined;
    return parent ? `${parent.name} › ${category.name}` : category.name;
  };
  const groups = (['expense', 'income'] as const).map((kind) => ({ kind, items: categories.filter((c) => c.kind === kind) }));

  return (
    <Drawer open={open} onClose={onClose} title={t('daily.manage.title')} size="default" destroyOnHidden>
      {groups.map(({ kind, items }) => (
        <section key={kind} aria-labelledby={`ow-categories-${kind}`}>
          <Typography.Title level={2} id={`ow-categories-${kind}`} style={{ fontSize: 16 }}>
            {t(`ledger.transactionKinds.${kind}`)}
          </Typography.Title>
          <List
            size="small"
            dataSource={items}
            locale={{ emptyText: t('daily.manage.none') }}
            renderItem={(category) => (
              <List.Item
                actions={[
                  <Button key="rename" size="small" type="link" onClick={() => setAction({ type: 'rename', category })} aria-label={t('daily.manage.renameOf', { name: category.name })}>
                    {t('daily.manage.rename')}
                  </Button>,
                  <Button key="merge" size="small" type="link" onClick={() => setAction({ type: 'merge', category })} aria-label={t('daily.manage.mergeOf', { name: category.name })}>
                    {t('daily.manage.merge')}
                  </Button>,
                  <Button key="delete" size="small" type="link" danger onClick={() => setAction({ type: 'delete', category })} aria-label={t('daily.manage.deleteOf', { name: category.name })}>
                    {t('daily.manage.delete')}
                  </Button>,
                ]}
              >
                {label(category)}
              </List.Item>
            )}
          />
        </section>
      ))}
      {action && (
        <CategoryActionDialog
          key={`${action.type}:${action.category.id}`}
          action={action}
          categories={categories}
          label={label}
          onNext={setAction}
          onClose={() => setAction(null)}
        />
      )}
    </Drawer>
  );
}

interface DialogProps {
  action: Action;
  categories: readonly CategoryView[];
  label(category: CategoryView): string;
  /** Replaces this dialog with another action (delete → merge when the category is in use). */
  onNext(action: Action): void;
  onClose(): void;
}

function CategoryActionDialog({ action, categories, label, onNext, onClose }: DialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const runner = useCommandRunner(true);
  const [form] = Form.useForm<{ name?: string; into?: string }>();
  const { ref: nameRef, focusOnOpen } = useFocusOnOpen(action.type === 'rename');
  const { category } = action;
  const targets = categories.filter((c) => c.kind === category.kind && c.id !== category.id && c.parentId !== category.id);

  const submit = async (values: { name?: string; into?: string }) => {
    let inUse: string | null = null;
    const ok = await runner.run(async (requestId) => {
      if (action.type === 'rename') {
        const name = values.name?.trim() ?? '';
        await unwrap(api.ledger.defineCategory({ requestId, categoryId: category.id, name, kind: category.kind, parentId: category.parentId }));
        void message.success(t('daily.manage.renamed', { name }));
      } else if (action.type === 'merge') {
        await unwrap(api.ledger.mergeCategory({ requestId, categoryId: category.id, intoCategoryId: values.into ?? '' }));
        void message.success(t('daily.manage.merged', { name: category.name }));
      } else {
        try {
          await unwrap(api.ledger.deleteCategory({ requestId, categoryId: category.id }));
        } catch (error) {
          if (error instanceof ApiError && error.failure.messageKey === 'errors.category_in_use') inUse = t(error.failure.messageKey, error.failure.params);
          throw error;
        }
        void message.success(t('daily.manage.deleted', { name: category.name }));
      }
    });
    if (ok) onClose();
    else if (inUse) onNext({ type: 'merge', category, notice: inUse });
  };

  const title = t(`daily.manage.${action.type}Title`, { name: label(category) });
  return (
    <Modal
      open
      title={title}
      okText={t(`daily.manage.${action.type}`)}
      okButtonProps={{ danger: action.type === 'delete' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={runner.busy}
      destroyOnHidden
      afterOpenChange={(opened) => opened && focusOnOpen()}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ name: category.name }} requiredMark="optional">
        {action.notice && <Alert type="info" showIcon title={action.notice} style={{ marginBottom: 16 }} />}
        {action.type === 'rename' && (
          <Form.Item name="name" label={t('daily.manage.name')} rules={[{ required: true, whitespace: true, message: t('daily.manage.nameRequired') }]}>
            <Input maxLength={100} ref={nameRef} />
          </Form.Item>
        )}
        {action.type === 'merge' && (
          <Form.Item name="into" label={t('daily.manage.into')} extra={t('daily.manage.mergeHint')} rules={[{ required: true, message: t('daily.manage.intoRequired') }]}>
            <Select aria-label={t('daily.manage.into')} autoFocus showSearch optionFilterProp="label" options={targets.map((c) => ({ value: c.id, label: label(c) }))} />
          </Form.Item>
        )}
        {action.type === 'delete' && <Typography.Paragraph>{t('daily.manage.deleteHint')}</Typography.Paragraph>}
        {runner.error && <Alert type="error" showIcon role="alert" title={runner.error} />}
      </Form>
    </Modal>
  );
}

/** The button that opens the manager, for a view's header. */
export function ManageCategoriesButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<TagsOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('daily.manage.open')}
      </Button>
      <CategoryManager open={open} onClose={() => setOpen(false)} />
    </>
  );
}

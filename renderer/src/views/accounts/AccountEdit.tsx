/**
 * Editing an account in place: name, kind and note in one dialog (the engine refuses a kind that
 * does not fit, and says why on the kind field), and moving it up or down its kind's group by
 * buttons, so re-ordering works by keyboard as well as by mouse.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AccountKind, AccountView } from '../../../../shared/ledger-views';
import { ApiError, errorText, unwrap, useApi } from '../../lib/api-context';
import { newRequestId } from '../../lib/money';
import { useCommandRunner } from '../../components/ledger-data';
import { KIND_ORDER, kindIcon } from './helpers';
import { useFocusOnOpen } from '../../lib/use-focus-on-open';

/** The kinds as Select options, icon and translated name, in list order. */
export function kindOptions(t: TFunction) {
  return KIND_ORDER.map((k) => ({
    value: k,
    label: (
      <span>
        {kindIcon(k)} {t(`ledger.accountKinds.${k}`)}
      </span>
    ),
  }));
}

const RETYPE_ERRORS: ReadonlySet<string> = new Set(['errors.account_retype_frozen', 'errors.account_retype_in_debt', 'errors.account_retype_limit']);

interface EditValues {
  name: string;
  kind: AccountKind;
  note: string;
}

export function EditAccountDialog({ account, open, onClose }: { account: AccountView; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const { ref: nameRef, focusOnOpen } = useFocusOnOpen(open);
  const runner = useCommandRunner(open);
  const [fieldError, setFieldError] = useState<{ field: 'name' | 'kind'; text: string } | null>(null);

  useEffect(() => {
    if (open) form.setFieldsValue({ name: account.name, kind: account.kind, note: account.note });
    setFieldError(null);
  }, [open, form, account]);

  // Retype refusals concern the kind, a taken name the name: each is shown on its field, in red.
  const onFailure = (error: unknown) => {
    const key = error instanceof ApiError ? error.failure.messageKey : '';
    const field = RETYPE_ERRORS.has(key) ? 'kind' : key === 'errors.account_exists' ? 'name' : null;
    if (field) setFieldError({ field, text: errorText(error, t) });
    return field !== null;
  };
  const fieldStatus = (field: 'name' | 'kind') => (fieldError?.field === field ? { validateStatus: 'error' as const, help: fieldError.text } : {});

  const submit = (values: EditValues) =>
    runner.run(async (requestId) => {
      setFieldError(null);
      const name = values.name.trim();
      const note = (values.note ?? '').trim();
      const changes = {
        ...(name !== account.name ? { name } : {}),
        ...(values.kind !== account.kind ? { kind: values.kind } : {}),
        ...(note !== account.note ? { note } : {}),
      };
      // Nothing changed is not an error for a person who just pressed Save.
      if (Object.keys(changes).length > 0) await unwrap(api.ledger.updateAccount({ requestId, accountId: account.id, ...changes }));
      void message.success(t('accounts.edit.done', { name }));
      onClose();
    }, { onFailure });

  return (
    <Modal
      open={open}
      title={t('accounts.edit.title', { name: account.name })}
      okText={t('accounts.edit.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={runner.busy}
      destroyOnHidden
      afterOpenChange={(opened) => opened && focusOnOpen()}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark="optional">
        <Form.Item
          name="name"
          label={t('accounts.form.name')}
          rules={[{ required: true, whitespace: true, message: t('accounts.form.nameRequired') }]}
          {...fieldStatus('name')}
        >
          <Input maxLength={100} ref={nameRef} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item name="kind" label={t('accounts.form.kind')} rules={[{ required: true }]} {...fieldStatus('kind')}>
          <Select aria-label={t('accounts.form.kind')} options={kindOptions(t)} />
        </Form.Item>
        <Form.Item name="note" label={t('accounts.edit.note')}>
          <Input.TextArea maxLength={2000} rows={3} placeholder={t('accounts.edit.notePlaceholder')} />
        </Form.Item>
        {runner.error && <Alert type="error" showIcon title={runner.error} role="alert" />}
      </Form>
    </Modal>
  );
}

/**
 * The account list after moving `id` one place up or down among the open accounts of its kind
 * (the list shows accounts grouped by kind, so that is the neighbour the user sees); null at an edge.
 */
export function movedOrder(accounts: readonly AccountView[], id: string, direction: -1 | 1): string[] | null {
  const open = accounts.filter((a) => !a.closed);
  const index = open.findIndex((a) => a.id === id);
  if (index < 0) return null;
  let neighbour = index + direction;
  while (neighbour >= 0 && neighbour < open.length && open[neighbour]!.kind !== open[index]!.kind) neighbour += direction;
  if (neighbour < 0 || neighbour >= open.length) return null;
  const ids = open.map((a) => a.id);
  [ids[index], ids[neighbour]] = [ids[neighbour]!, ids[index]!];
  return ids;
}

export function MoveButtons({ account, accounts }: { account: AccountView; accounts: readonly AccountView[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const move = async (direction: -1 | 1) => {
    const accountIds = movedOrder(accounts, account.id, direction);
    if (!accountIds || busy) return;
    setBusy(true);
    try {
      // A fresh request per press: moving twice is two moves.
      await unwrap(api.ledger.reorderAccounts({ requestId: newRequestId(), accountIds }));
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const up = t('accounts.edit.moveUp', { name: account.name });
  const down = t('accounts.edit.moveDown', { name: account.name });
  return (
    <Space.Compact>
      <Tooltip title={up}>
        <Button icon={<ArrowUpOutlined />} aria-label={up} loading={busy} disabled={!movedOrder(accounts, account.id, -1)} onClick={() => void move(-1)} />
      </Tooltip>
      <Tooltip title={down}>
        <Button icon={<ArrowDownOutlined />} aria-label={down} loading={busy} disabled={!movedOrder(accounts, account.id, 1)} onClick={() => void move(1)} />
      </Tooltip>
    </Space.Compact>
  );
}

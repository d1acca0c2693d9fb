/**
 * Add or edit one expense or income. Editing is an amendment (a new event): only the fields the
 * user changed are sent, and a reconciled transaction is shown locked. Engine errors (frozen
 * account, insufficient funds, over-precise amount, date out of range…) appear above the buttons,
 * translated, and nothing is recorded. A transfer passed in is edited by the TransferDialog.
 */
import { useEffect, useId, useMemo } from 'react';
import { App, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../shared/ledger-views';
import { unwrap, useApi } from '../lib/api-context';
import { useMoney } from '../lib/money';
import { CategorySelect } from './CategorySelect';
import { accountOptions, DATE_FORMAT, sameTags } from './dialog-parts';
import { useAccounts, useCategories, useCommandRunner, useOpeningKey, usableAccounts } from './ledger-data';
import { TransferDialog } from './TransferDialog';
import { DetailsFields } from './DetailsFields';
import { LedgerDialogFrame } from './LedgerDialogFrame';
import './dialogs.css';

export interface TransactionDialogProps {
  open: boolean;
  onClose(): void;
  /** The transaction to edit; without it the dialog records a new one. */
  transaction?: TransactionView | null;
  defaultAccountId?: string;
  defaultKind?: 'expense' | 'income';
}

interface Values {
  kind: 'expense' | 'income';
  accountId: string;
  amount: string;
  date: Dayjs;
  payee?: string;
  categoryId?: string | null;
  tags?: string[];
  note?: string;
  status: 'pending' | 'cleared' | 'reconciled';
}

export function TransactionDialog(props: TransactionDialogProps) {
  const key = useOpeningKey(props.open);
  if (props.transaction?.kind === 'transfer') {
    return <TransferDialog open={props.open} onClose={props.onClose} transaction={props.transaction} />;
  }
  return <LineDialog key={key} {...props} />;
}

function LineDialog({ open, onClose, transaction, defaultAccountId, defaultKind }: TransactionDialogProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const { toInput } = useMoney();
  const { accounts, loading: accountsLoading } = useAccounts();
  // The form waits for the accounts, so its first values (currencies, amounts) are the right ones.
  const ready = !accountsLoading || accounts.length > 0;
  const categories = useCategories();
  const runner = useCommandRunner(open);
  const [form] = Form.useForm<Values>();
  // Field ids come from the form name: unique per instance, so labels never point into another dialog.
  const formId = useId();
  const editing = transaction ?? null;
  const locked = editing?.status === 'reconciled';

  const initial = useMemo<Partial<Values>>(() => {
    if (editing) {
      return {
        kind: editing.kind === 'income' ? 'income' : 'expense',
        accountId: editing.accountId,
        amount: toInput(Math.abs(editing.amountMinor), editing.currency),
        date: dayjs(editing.date, DATE_FORMAT),
        payee: editing.payee,
        categoryId: editing.categoryId,
        tags: editing.tags,
        note: editing.note,
        status: editing.status,
      };
    }
    return { kind: defaultKind ?? 'expense', date: dayjs(), status: 'cleared', tags: [], accountId: defaultAccountId };
    // Recomputed per opening only: typing must not reset the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing?.id, ready]);

  useEffect(() => {
    if (open && ready) form.resetFields();
  }, [open, ready, initial, form]);

  // A new transaction defaults to the first usable account once accounts have loaded.
  const choices = usableAccounts(accounts);
  useEffect(() => {
    if (open && !editing && !form.getFieldValue('accountId') && choices[0]) form.setFieldValue('accountId', choices[0].id);
  }, [open, editing, choices, form]);

  const kind = Form.useWatch('kind', form) ?? initial.kind ?? 'expense';
  const accountId = Form.useWatch('accountId', form);
  const account = accounts.find((candidate) => candidate.id === accountId);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const date = values.date.format(DATE_FORMAT);
    const ok = await runner.run(async (requestId) => {
      if (!editing) {
        await unwrap(
          api.ledger.recordTransaction({
            requestId,
            kind: values.kind,
            accountId: values.accountId,
            amount: values.amount.trim(),
            currency: account?.currency ?? '',
            date,
            payee: values.payee?.trim() ?? '',
            categoryId: values.categoryId ?? null,
            tags: values.tags ?? [],
            note: values.note ?? '',
            status: values.status === 'pending' ? 'pending' : 'cleared',
          }),
        );
        return;
      }
      const changes = {
        ...(values.accountId !== initial.accountId ? { accountId: values.accountId } : {}),
        ...(values.amount.trim() !== initial.amount ? { amount: values.amount.trim() } : {}),
        ...(date !== editing.date ? { date } : {}),
        ...((values.payee ?? '').trim() !== editing.payee ? { payee: (values.payee ?? '').trim() } : {}),
        ...((values.categoryId ?? null) !== editing.categoryId ? { categoryId: values.categoryId ?? null } : {}),
        ...(!sameTags(values.tags ?? [], editing.tags) ? { tags: values.tags ?? [] } : {}),
        ...((values.note ?? '') !== editing.note ? { note: values.note ?? '' } : {}),
      };
      if (Object.keys(changes).length > 0) {
        await unwrap(api.ledger.amendTransaction({ requestId, transactionId: editing.id, ...changes }));
      }
      if (values.status !== editing.status && values.status !== 'reconciled') {
        await unwrap(
          api.ledger.setTransactionStatus({ requestId: `${requestId}:status`, transactionId: editing.id, status: values.status }),
        );
      }
    });
    if (ok) {
      void message.success(editing ? t('transactions.dialog.updated') : t('transactions.dialog.recorded'));
      onClose();
    }
  };

  const title = editing
    ? t('transactions.dialog.editTitle')
    : kind === 'income'
      ? t('transactions.dialog.addIncomeTitle')
      : t('transactions.dialog.addExpenseTitle');

  return (
    <LedgerDialogFrame
      open={open}
      title={title}
      okText={editing ? t('transactions.dialog.save') : t('transactions.dialog.record')}
      width={560}
      locked={locked}
      ready={ready}
      busy={runner.busy}
      error={runner.error}
      onOk={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} name={`ow-transaction-${formId}`} layout="vertical" initialValues={initial} disabled={locked}>
        <Form.Item name="kind" label={t('transactions.fields.kind')}>
          <Radio.Group
            aria-label={t('transactions.fields.kind')}
            optionType="button"
            buttonStyle="solid"
            disabled={!!editing}
            options={[
              { value: 'expense', label: t('ledger.transactionKinds.expense') },
              { value: 'income', label: t('ledger.transactionKinds.income') },
            ]}
            onChange={() => form.setFieldValue('categoryId', null)}
          />
        </Form.Item>
        <Form.Item name="accountId" label={t('transactions.fields.account')} rules={[{ required: true, message: t('transactions.dialog.accountRequired') }]}>
          <Select options={accountOptions(editing ? accounts : choices, t, i18n.language)} placeholder={t('transactions.dialog.chooseAccount')} />
        </Form.Item>
        <div className="ow-form-row">
          <Form.Item
            name="amount"
            label={t('transactions.fields.amount')}
            rules={[{ required: true, whitespace: true, message: t('transactions.dialog.amountRequired') }]}
          >
            <Input inputMode="decimal" autoComplete="off" placeholder="0.00" suffix={account?.currency ?? ''} />
          </Form.Item>
          <Form.Item name="date" label={t('transactions.fields.date')} rules={[{ required: true, message: t('transactions.dialog.dateRequired') }]}>
            <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="payee" label={t('transactions.fields.payee')}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('transactions.fields.category')}>
          <CategorySelect
            categories={categories}
            kind={kind}
            placeholder={t('ledger.uncategorized')}
            ariaLabel={t('transactions.fields.category')}
          />
        </Form.Item>
        <DetailsFields locked={locked} />
      </Form>
    </LedgerDialogFrame>
  );
}

/**
 * Add or edit one expense or income. Editing is an amendment (a new event): only the fields the
 * user changed are sent, and a reconciled transaction is shown locked. Engine errors (frozen
 * account, insufficient funds, over-precise amount, date out of range…) appear in red under the
 * field they concern (error-fields.ts), translated, and nothing is recorded. A transfer passed in
 * is edited by the TransferDialog.
 *
 * Built for entering many in a row: focus starts on the amount, Enter saves, "save and add
 * another" keeps the kind, account and date and starts again at the amount, and picking a known
 * payee fills in the account and category it was last booked with.
 */
import { useEffect, useId, useMemo } from 'react';
import { App, DatePicker, Form, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../shared/ledger-views';
import { unwrap, useApi } from '../lib/api-context';
import { useMoney } from '../lib/money';
import type { PayeeSuggestion } from '../../../shared/daily-use-views';
import { AmountInput, amountToSend, typedAmountRule, useAmountFocus } from './AmountInput';
import { CategorySelect } from './CategorySelect';
import { showOnField, type DialogField } from './error-fields';
import { PayeeInput } from './PayeeInput';
import { accountOptions, changedSince, DATE_FORMAT, sameTags } from './dialog-parts';
import { useAccounts, useCategories, useCommandRunner, useOpeningKey, usableAccounts } from './ledger-data';
import { TransferDialog } from './TransferDialog';
import { DetailsFields } from './DetailsFields';
import { LedgerDialogFrame } from './LedgerDialogFrame';
import './dialogs.css';

const FIELDS: readonly DialogField[] = ['amount', 'accountId', 'date', 'payee', 'categoryId', 'tags', 'note'];

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
    // Never over what the user has typed: on a slow machine the first values can arrive after typing began.
    if (open && ready && !form.isFieldsTouched()) form.resetFields();
  }, [open, ready, initial, form]);

  // A new transaction defaults to the first usable account once accounts have loaded.
  const choices = usableAccounts(accounts);
  useEffect(() => {
    if (open && !editing && !form.getFieldValue('accountId') && choices[0]) form.setFieldValue('accountId', choices[0].id);
  }, [open, editing, choices, form]);

  const kind = Form.useWatch('kind', form) ?? initial.kind ?? 'expense';
  const accountId = Form.useWatch('accountId', form);
  const account = accounts.find((candidate) => candidate.id === accountId);
  const { ref: amountRef, focus: focusAmount, focusOnOpen } = useAmountFocus(open && ready && !locked);

  /** A known payee: its last account and category, but never over what the user already chose. */
  const pickPayee = (suggestion: PayeeSuggestion) => {
    if (editing) return;
    if (!form.isFieldTouched('kind') && suggestion.lastKind !== form.getFieldValue('kind')) {
      form.setFieldsValue({ kind: suggestion.lastKind, categoryId: null });
    }
    if (!form.isFieldTouched('accountId') && choices.some((choice) => choice.id === suggestion.lastAccountId)) {
      form.setFieldValue('accountId', suggestion.lastAccountId);
    }
    if (!form.getFieldValue('categoryId') && suggestion.lastKind === form.getFieldValue('kind')) {
      form.setFieldValue('categoryId', suggestion.lastCategoryId);
    }
  };

  const submit = async (then: 'close' | 'next' = 'close') => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const date = values.date.format(DATE_FORMAT);
    const amount = amountToSend(values.amount, account?.currency);
    const ok = await runner.run(async (requestId) => {
      if (!editing) {
        await unwrap(
          api.ledger.recordTransaction({
            requestId,
            kind: values.kind,
            accountId: values.accountId,
            amount,
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
        ...(amount !== initial.amount ? { amount } : {}),
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
    }, { onFailure: showOnField(form, FIELDS, t) });
    if (!ok) return;
    void message.success(editing ? t('transactions.dialog.updated') : t('transactions.dialog.recorded'));
    if (then === 'close') {
      onClose();
      return;
    }
    // The next one: same kind, account and date; a new request id so it is a new transaction.
    runner.renew();
    // Set, not reset: resetFields remounts the fields, which would drop the focus placed below.
    form.setFieldsValue({ amount: '', payee: '', categoryId: null, tags: [], note: '' });
    focusAmount();
  };

  const title = locked
    ? t('transactions.dialog.viewTitle')
    : editing
    ? t('transactions.dialog.editTitle')
    : kind === 'income'
      ? t('transactions.dialog.addIncomeTitle')
      : t('transactions.dialog.addExpenseTitle');

  return (
    <LedgerDialogFrame
      open={open}
      title={title}
      okText={editing ? t('transactions.dialog.save') : t('transactions.dialog.record')}
      width={640}
      locked={locked}
      ready={ready}
      busy={runner.busy}
      error={runner.error}
      onOk={() => void submit()}
      onSaveAndAdd={editing ? undefined : () => void submit('next')}
      isDirty={() => changedSince(form.getFieldsValue(), initial, ['amount', 'payee', 'categoryId', 'tags', 'note'])}
      onOpened={focusOnOpen}
      onClose={onClose}
    >
      <Form form={form} name={`ow-transaction-${formId}`} layout="vertical" initialValues={initial} disabled={locked} className="ow-ledger-form">
        <div className="ow-form-row">
          <Form.Item name="kind" label={t('transactions.fields.kind')} className="ow-form-narrow">
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
          <Form.Item
            name="amount"
            label={t('transactions.fields.amount')}
            rules={[{ required: true, whitespace: true, message: t('transactions.dialog.amountRequired') }, typedAmountRule(account?.currency, t)]}
            validateTrigger="onBlur"
          >
            <AmountInput ref={amountRef} placeholder="0.00" currency={account?.currency ?? ''} />
          </Form.Item>
          <Form.Item name="date" label={t('transactions.fields.date')} rules={[{ required: true, message: t('transactions.dialog.dateRequired') }]}>
            <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="ow-form-row">
          <Form.Item name="payee" label={t('transactions.fields.payee')}>
            <PayeeInput onPick={pickPayee} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('transactions.fields.category')}>
            <CategorySelect
              categories={categories}
              kind={kind}
              placeholder={t('ledger.uncategorized')}
              ariaLabel={t('transactions.fields.category')}
            />
          </Form.Item>
        </div>
        <Form.Item name="accountId" label={t('transactions.fields.account')} rules={[{ required: true, message: t('transactions.dialog.accountRequired') }]}>
          <Select options={accountOptions(editing ? accounts : choices, t, i18n.language)} placeholder={t('transactions.dialog.chooseAccount')} />
        </Form.Item>
        <DetailsFields locked={locked} />
      </Form>
    </LedgerDialogFrame>
  );
}

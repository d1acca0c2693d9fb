/**
 * Move money between two of the user's own accounts. When the currencies differ a second amount
 * field asks what arrived. Editing amends the transfer (both legs); its accounts stay fixed, and an
 * amount left empty keeps what was recorded. Once either leg is reconciled the transfer is read-only.
 */
import { useEffect, useId, useMemo } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../shared/ledger-views';
import { unwrap, useApi } from '../lib/api-context';
import { useMoney } from '../lib/money';
import { accountOptions, changedSince, DATE_FORMAT, sameTags } from './dialog-parts';
import { useAccounts, useCommandRunner, useOpeningKey, usableAccounts } from './ledger-data';
import { DetailsFields } from './DetailsFields';
import { AmountInput, amountToSend, typedAmountRule, useAmountFocus } from './AmountInput';
import { showOnField, type DialogField } from './error-fields';
import { LedgerDialogFrame } from './LedgerDialogFrame';
import './dialogs.css';

const FIELDS: readonly DialogField[] = ['amount', 'toAmount', 'fromAccountId', 'toAccountId', 'date', 'payee', 'tags', 'note'];

export interface TransferDialogProps {
  open: boolean;
  onClose(): void;
  /** Either leg of the transfer to edit. */
  transaction?: TransactionView | null;
  /** Preselected source account. */
  defaultAccountId?: string;
}

interface Values {
  fromAccountId: string;
  toAccountId: string;
  amount?: string;
  toAmount?: string;
  date: Dayjs;
  payee?: string;
  tags?: string[];
  note?: string;
  status: 'pending' | 'cleared' | 'reconciled';
}

export function TransferDialog(props: TransferDialogProps) {
  return <TransferForm key={useOpeningKey(props.open)} {...props} />;
}

function TransferForm({ open, onClose, transaction, defaultAccountId }: TransferDialogProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const { toInput } = useMoney();
  const { accounts, loading: accountsLoading } = useAccounts();
  // The form waits for the accounts, so its first values (currencies, amounts) are the right ones.
  const ready = !accountsLoading || accounts.length > 0;
  const runner = useCommandRunner(open);
  const [form] = Form.useForm<Values>();
  // Field ids come from the form name: unique per instance, so labels never point into another dialog.
  const formId = useId();
  const editing = transaction ?? null;
  // Amending or deleting a transfer changes both legs, so one reconciled leg locks the whole transfer
  // (the engine refuses it too); the notice names that leg, which may be the one not opened here.
  const lockedLeg =
    editing?.status === 'reconciled'
      ? { currency: editing.currency, account: editing.accountName }
      : editing?.counterStatus === 'reconciled'
        ? { currency: accounts.find((account) => account.id === editing.counterAccountId)?.currency ?? '', account: editing.counterAccountName ?? '' }
        : null;
  const locked = lockedLeg !== null;
  const lockedNotice = lockedLeg && { title: t('daily.transferLocked.title', lockedLeg), body: t('daily.transferLocked.body', lockedLeg) };

  const initial = useMemo<Partial<Values>>(() => {
    if (!editing) return { date: dayjs(), status: 'cleared', tags: [], fromAccountId: defaultAccountId };
    const outgoing = editing.amountMinor < 0;
    const magnitude = toInput(Math.abs(editing.amountMinor), editing.currency);
    const counter = accounts.find((account) => account.id === editing.counterAccountId);
    const sameCurrency = !counter || counter.currency === editing.currency;
    return {
      fromAccountId: outgoing ? editing.accountId : (editing.counterAccountId ?? undefined),
      toAccountId: outgoing ? (editing.counterAccountId ?? undefined) : editing.accountId,
      // Only this leg's amount is known here; the other one stays as recorded unless typed.
      amount: outgoing || sameCurrency ? magnitude : '',
      toAmount: !outgoing && !sameCurrency ? magnitude : '',
      date: dayjs(editing.date, DATE_FORMAT),
      payee: editing.payee,
      tags: editing.tags,
      note: editing.note,
      status: editing.status,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing?.id, ready]);

  useEffect(() => {
    // Never over what the user has typed: on a slow machine the first values can arrive after typing began.
    if (open && ready && !form.isFieldsTouched()) form.resetFields();
  }, [open, ready, initial, form]);

  const choices = usableAccounts(accounts);
  const fromId = Form.useWatch('fromAccountId', form);
  const toId = Form.useWatch('toAccountId', form);
  const from = accounts.find((account) => account.id === fromId);
  const to = accounts.find((account) => account.id === toId);
  const crossCurrency = !!from && !!to && from.currency !== to.currency;
  const { ref: amountRef, focusOnOpen } = useAmountFocus(open && ready && !locked);

  useEffect(() => {
    if (!open || editing) return;
    if (!form.getFieldValue('fromAccountId') && choices[0]) form.setFieldValue('fromAccountId', choices[0].id);
    const source = form.getFieldValue('fromAccountId') as string | undefined;
    const target = choices.find((account) => account.id !== source);
    if (!form.getFieldValue('toAccountId') && target) form.setFieldValue('toAccountId', target.id);
  }, [open, editing, choices, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const date = values.date.format(DATE_FORMAT);
    const amount = values.amount?.trim() ? amountToSend(values.amount, from?.currency) : '';
    const toAmount = crossCurrency && values.toAmount?.trim() ? amountToSend(values.toAmount, to?.currency) : '';
    const ok = await runner.run(async (requestId) => {
      if (!editing) {
        await unwrap(
          api.ledger.recordTransfer({
            requestId,
            fromAccountId: values.fromAccountId,
            toAccountId: values.toAccountId,
            amount,
            currency: from?.currency ?? '',
            ...(toAmount ? { toAmount, toCurrency: to?.currency ?? '' } : {}),
            date,
            payee: values.payee?.trim() ?? '',
            tags: values.tags ?? [],
            note: values.note ?? '',
            status: values.status === 'pending' ? 'pending' : 'cleared',
          }),
        );
        return;
      }
      const changes = {
        ...(amount && amount !== initial.amount ? { amount } : {}),
        ...(toAmount && toAmount !== initial.toAmount ? { toAmount } : {}),
        ...(date !== editing.date ? { date } : {}),
        ...((values.payee ?? '').trim() !== editing.payee ? { payee: (values.payee ?? '').trim() } : {}),
        ...(!sameTags(values.tags ?? [], editing.tags) ? { tags: values.tags ?? [] } : {}),
        ...((values.note ?? '') !== editing.note ? { note: values.note ?? '' } : {}),
      };
      if (Object.keys(changes).length > 0) {
        await unwrap(api.ledger.amendTransaction({ requestId, transactionId: editing.id, ...changes }));
      }
      if (values.status !== editing.status && values.status !== 'reconciled') {
        await unwrap(api.ledger.setTransactionStatus({ requestId: `${requestId}:status`, transactionId: editing.id, status: values.status }));
      }
    }, { onFailure: showOnField(form, FIELDS, t) });
    if (ok) {
      void message.success(editing ? t('transactions.dialog.updated') : t('transactions.dialog.transferred'));
      onClose();
    }
  };

  // A locked transfer cannot be changed, so "leave empty to keep" would only confuse: an amount not
  // known on this leg shows a dash.
  const amountHint = editing && !locked ? t('transactions.dialog.keepAmountHint') : undefined;
  const keptPlaceholder = locked ? '—' : t('transactions.dialog.unchanged');

  return (
    <LedgerDialogFrame
      open={open}
      title={locked ? t('transactions.dialog.viewTransferTitle') : editing ? t('transactions.dialog.editTransferTitle') : t('transactions.dialog.transferTitle')}
      okText={editing ? t('transactions.dialog.save') : t('transactions.dialog.transfer')}
      width={600}
      locked={locked}
      lockedNotice={lockedNotice ?? undefined}
      ready={ready}
      busy={runner.busy}
      error={runner.error}
      onOk={() => void submit()}
      isDirty={() => changedSince(form.getFieldsValue(), initial, ['amount', 'toAmount', 'payee', 'tags', 'note'])}
      onOpened={focusOnOpen}
      onClose={onClose}
    >
      <Form form={form} name={`ow-transfer-${formId}`} layout="vertical" initialValues={initial} disabled={locked}>
        <div className="ow-form-row ow-transfer-accounts">
          <Form.Item name="fromAccountId" label={t('transactions.fields.fromAccount')} rules={[{ required: true, message: t('transactions.dialog.accountRequired') }]}>
            <Select
              options={accountOptions(editing ? accounts : choices, t, i18n.language)}
              disabled={!!editing}
              placeholder={t('transactions.dialog.chooseAccount')}
              // Picking the current target as source swaps the two rather than leaving an invalid pair.
              onChange={(value: string) => value === toId && form.setFieldValue('toAccountId', fromId)}
            />
          </Form.Item>
          <ArrowRightOutlined aria-hidden className="ow-transfer-arrow" />
          <Form.Item
            name="toAccountId"
            label={t('transactions.fields.toAccount')}
            dependencies={['fromAccountId']}
            rules={[
              { required: true, message: t('transactions.dialog.accountRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value && value === getFieldValue('fromAccountId')
                    ? Promise.reject(new Error(t('errors.transfer_same_account')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Select options={accountOptions(editing ? accounts : choices, t, i18n.language)} disabled={!!editing} placeholder={t('transactions.dialog.chooseAccount')} />
          </Form.Item>
        </div>
        <div className="ow-form-row">
          <Form.Item
            name="amount"
            label={crossCurrency ? t('transactions.fields.amountSent') : t('transactions.fields.amount')}
            extra={amountHint}
            rules={[...(editing ? [] : [{ required: true, whitespace: true, message: t('transactions.dialog.amountRequired') }]), typedAmountRule(from?.currency, t)]}
            validateTrigger="onBlur"
          >
            <AmountInput ref={amountRef} placeholder={editing ? keptPlaceholder : '0.00'} currency={from?.currency ?? ''} />
          </Form.Item>
          {crossCurrency && (
            <Form.Item
              name="toAmount"
              label={t('transactions.fields.amountReceived')}
              rules={[
                ...(editing ? [] : [{ required: true, whitespace: true, message: t('transactions.dialog.toAmountRequired', { currency: to?.currency ?? '' }) }]),
                typedAmountRule(to?.currency, t),
              ]}
              validateTrigger="onBlur"
            >
              <AmountInput placeholder={editing ? keptPlaceholder : '0.00'} currency={to?.currency ?? ''} />
            </Form.Item>
          )}
        </div>
        <div className="ow-form-row">
          <Form.Item name="date" label={t('transactions.fields.date')} rules={[{ required: true, message: t('transactions.dialog.dateRequired') }]}>
            <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="payee" label={t('transactions.fields.description')}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </div>
        <DetailsFields locked={locked} />
      </Form>
    </LedgerDialogFrame>
  );
}

/** Pieces the transaction and transfer dialogs share. */
import type { TFunction } from 'i18next';
import type { AccountView, TransactionView } from '../../../shared/ledger-views';
import { formatMoney } from '../../../shared/format';

/** Booking dates are calendar dates, sent to the engine exactly in this form. */
export const DATE_FORMAT = 'YYYY-MM-DD';

/** "Cash · ¥487.50 (frozen)": the name, what the account holds now, and why it may refuse. */
export function accountLabel(account: AccountView, t: TFunction, locale: string): string {
  const flags = [account.frozen ? t('transactions.account.frozen') : '', account.closed ? t('transactions.account.closed') : '']
    .filter(Boolean)
    .join(', ');
  const balance = formatMoney(account.balanceMinor, account.currency, locale);
  return `${account.name} · ${balance}${flags ? ` (${flags})` : ''}`;
}

export function accountOptions(accounts: readonly AccountView[], t: TFunction, locale: string): { value: string; label: string }[] {
  return accounts.map((account) => ({ value: account.id, label: accountLabel(account, t, locale) }));
}

export function statusOptions(t: TFunction, includeReconciled: boolean): { value: string; label: string; disabled?: boolean }[] {
  return [
    { value: 'pending', label: t('ledger.statuses.pending') },
    { value: 'cleared', label: t('ledger.statuses.cleared') },
    ...(includeReconciled ? [{ value: 'reconciled', label: t('ledger.statuses.reconciled'), disabled: true }] : []),
  ];
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

/** The payee, or for a transfer without one "Transfer to Savings", so no row reads as blank. */
export function displayPayee(row: TransactionView, t: TFunction): string {
  if (row.payee) return row.payee;
  if (row.kind !== 'transfer') return t('transactions.row.noPayee');
  const account = row.counterAccountName ?? '';
  return row.amountMinor < 0 ? t('transactions.row.transferTo', { account }) : t('transactions.row.transferFrom', { account });
}

/**
 * Whether the user typed or picked something in these fields since the dialog opened: what
 * closing would throw away. Compared by value, not by antd's "touched" flag, which fields set by
 * the dialog itself (default account, a payee's category) also raise.
 */
export function changedSince<T extends object>(values: T, initial: Partial<T>, fields: readonly (keyof T & string)[]): boolean {
  const plain = (value: unknown) => (Array.isArray(value) ? value.join('\u0000') : value === null || value === undefined ? '' : String(value));
  return fields.some((field) => plain(values[field]) !== plain(initial[field]));
}

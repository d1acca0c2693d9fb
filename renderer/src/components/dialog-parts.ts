/** Pieces the transaction and transfer dialogs share. */
import type { TFunction } from 'i18next';
import type { AccountView } from '../../../shared/ledger-views';

/** Booking dates are calendar dates, sent to the engine exactly in this form. */
export const DATE_FORMAT = 'YYYY-MM-DD';

export function accountLabel(account: AccountView, t: TFunction): string {
  const flags = [account.frozen ? t('transactions.account.frozen') : '', account.closed ? t('transactions.account.closed') : '']
    .filter(Boolean)
    .join(', ');
  return `${account.name} · ${account.currency}${flags ? ` (${flags})` : ''}`;
}

export function accountOptions(accounts: readonly AccountView[], t: TFunction): { value: string; label: string }[] {
  return accounts.map((account) => ({ value: account.id, label: accountLabel(account, t) }));
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

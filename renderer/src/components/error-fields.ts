/**
 * Which field of a record dialog an engine error is about, so the message appears in red under
 * that field (where the user will fix it) instead of in a banner below the form. Keys the engine
 * raises about the request as a whole map to nothing and keep the banner.
 */
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../lib/api-context';

export type DialogField = 'amount' | 'toAmount' | 'accountId' | 'fromAccountId' | 'toAccountId' | 'date' | 'payee' | 'categoryId' | 'tags' | 'note';

const FIELD_OF_KEY: Readonly<Record<string, DialogField>> = {
  'errors.amount_invalid': 'amount',
  'errors.amount_zero': 'amount',
  'errors.amount_negative': 'amount',
  'errors.amount_precision': 'amount',
  'errors.amount_too_large': 'amount',
  'errors.amount_other_currency': 'amount',
  'errors.insufficient_funds': 'amount',
  'errors.currency_mismatch': 'amount',
  'errors.transfer_to_amount_required': 'toAmount',
  'errors.transfer_amounts_differ': 'toAmount',
  'errors.account_frozen': 'accountId',
  'errors.account_closed': 'accountId',
  'errors.account_not_found': 'accountId',
  'errors.transfer_same_account': 'toAccountId',
  'errors.date_invalid': 'date',
  'errors.date_out_of_range': 'date',
  'errors.category_not_found': 'categoryId',
  'errors.category_kind_mismatch': 'categoryId',
  'errors.category_archived': 'categoryId',
};

/** The field an error key belongs to in a dialog that has `fields`; transfers name their source account differently. */
export function fieldOfError(messageKey: string, fields: readonly DialogField[]): DialogField | null {
  const field = FIELD_OF_KEY[messageKey];
  if (!field) return null;
  if (field === 'accountId' && !fields.includes('accountId') && fields.includes('fromAccountId')) return 'fromAccountId';
  return fields.includes(field) ? field : null;
}

/** A `useCommandRunner` onFailure: puts the engine's error on its field; false (banner) when it has none. */
export function showOnField(form: FormInstance, fields: readonly DialogField[], t: TFunction) {
  return (error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const field = fieldOfError(error.failure.messageKey, fields);
    if (!field) return false;
    form.setFields([{ name: field, errors: [t(error.failure.messageKey, error.failure.params)] }]);
    form.scrollToField(field);
    return true;
  };
}

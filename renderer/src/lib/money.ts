/** Money on screen: integer minor units in, locale-formatted text out (never floats). */
import { useTranslation } from 'react-i18next';
import { formatAmount, toDecimalString } from '../../../shared/money';

export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    format: (minor: number, currency: string) => formatAmount(minor, currency, locale),
    /** For form fields: the exact decimal text the engine will parse back. */
    toInput: (minor: number, currency: string) => toDecimalString(minor, currency),
  };
}

/** A fresh idempotency key per user action; retries of the same action reuse it. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

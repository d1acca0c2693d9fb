/** Money on screen: integer minor units in, locale-formatted text out (never floats). */
import { toDecimalString } from '../../../shared/money';
import { useFormat } from './format';

export function useMoney() {
  const format = useFormat();
  return {
    format: format.money,
    signed: format.signedMoney,
    /** For form fields: the exact decimal text the engine will parse back. */
    toInput: (minor: number, currency: string) => toDecimalString(minor, currency),
  };
}

/** A fresh idempotency key per user action; retries of the same action reuse it. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

/** How a list row states its amount; one rule for the transactions list and the dashboard. */
import type { TransactionView } from '../../../shared/ledger-views';
import type { Formatter } from './format';

type AmountFields = Pick<TransactionView, 'kind' | 'amountMinor' | 'currency' | 'counterAmountMinor' | 'counterCurrency'>;

/**
 * Signed money; a transfer across currencies is one row with both legs, sent first:
 * ["-US$100.00", "+CN¥710.00"] (a same-currency transfer needs only its own leg's amount).
 */
export function rowAmounts(row: AmountFields, format: Formatter): [string] | [string, string] {
  const own = format.signedMoney(row.amountMinor, row.currency);
  if (row.kind !== 'transfer' || row.counterAmountMinor === null || row.counterCurrency === null || row.counterCurrency === row.currency) return [own];
  const other = format.signedMoney(row.counterAmountMinor, row.counterCurrency);
  return row.amountMinor < 0 ? [own, other] : [other, own];
}

/** The same on one line: "-US$100.00 → +CN¥710.00". */
export function rowAmount(row: AmountFields, format: Formatter): string {
  return rowAmounts(row, format).join(' → ');
}

/**
 * The bill view's wire shapes (`ledger/billTotals`): what the transactions list's filter spent and
 * earned, in total and per month, per currency, as the engine summed it (electron/ledger/bill.ts).
 * Money is integer minor units of its currency; currencies are never added together.
 */
import { z } from 'zod';
import { TransactionQuery } from './ledger-views';

const Minor = z.number().int();

export const CurrencyFlow = z.object({
  currency: z.string(),
  /** Expenses, as a positive amount. Transfers are neither spent nor income. */
  spentMinor: Minor,
  incomeMinor: Minor,
  /** income − spent */
  netMinor: Minor,
});
export type CurrencyFlow = z.infer<typeof CurrencyFlow>;

export const MonthBill = z.object({
  /** YYYY-MM */
  month: z.string(),
  /** Rows of the list in this month (a transfer once). */
  count: z.number().int(),
  totals: z.array(CurrencyFlow),
});
export type MonthBill = z.infer<typeof MonthBill>;

export const BillTotals = z.object({
  /** The list's row count for the same filter. */
  count: z.number().int(),
  totals: z.array(CurrencyFlow),
  /** Months with any row, in the list's date order. */
  months: z.array(MonthBill),
});
export type BillTotals = z.infer<typeof BillTotals>;

/** The list's query without its paging: the same filter, sort and direction. */
export const BillQuery = TransactionQuery.omit({ offset: true, limit: true });
export type BillQuery = z.infer<typeof BillQuery>;

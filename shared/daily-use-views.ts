/**
 * Wire shapes of the everyday-path queries (issue 13): payee suggestions with what each payee was
 * last booked as. Kept apart from ledger-views.ts so this capability's shapes live in one place.
 */
import { z } from 'zod';

export const PayeeQuery = z
  .object({
    /** Part of the payee's name; empty or absent: the most used payees. */
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict();
export type PayeeQuery = z.infer<typeof PayeeQuery>;

export const PayeeSuggestion = z.object({
  payee: z.string(),
  /** Live expenses and incomes booked to this payee. */
  uses: z.number().int(),
  /** The latest of them (by booking date, then recording order): what a new one most likely is. */
  lastKind: z.enum(['expense', 'income']),
  lastAccountId: z.string(),
  /** Null when the latest had no category (a merge moves lines, so this is never a merged-away category). */
  lastCategoryId: z.string().nullable(),
  lastDate: z.string(),
});
export type PayeeSuggestion = z.infer<typeof PayeeSuggestion>;
export const PayeeList = z.object({ payees: z.array(PayeeSuggestion) });
export type PayeeList = z.infer<typeof PayeeList>;

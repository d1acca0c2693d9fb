/**
 * Payees from history: each distinct payee of live expenses and incomes with how often it was
 * used and what its latest line was booked as (kind, account, category), so the record dialog can
 * suggest the payee and fill in the rest. Derived from the projection on every call — nothing is
 * remembered outside the ledger, so a restored or merged wallet suggests the same things.
 */
import type { PayeeQuery, PayeeSuggestion } from '../../shared/daily-use-views';
import type { LedgerProjection } from './projection';
import { containsPattern } from './search';

const DEFAULT_LIMIT = 10;

/** Most used first, then most recent: the payee typed every day comes before a one-off. */
export function payeeSuggestions(p: LedgerProjection, query: PayeeQuery = {}): PayeeSuggestion[] {
  const text = query.text?.trim() ?? '';
  return p.sql.all<PayeeSuggestion>(
    `WITH lines AS (
       SELECT t.payee, t.kind, t.account_id, t.date, t.category_id,
              ROW_NUMBER() OVER (PARTITION BY t.payee ORDER BY t.date DESC, t.n DESC) AS latest,
              COUNT(*) OVER (PARTITION BY t.payee) AS uses
       FROM transactions t
       WHERE t.voided = 0 AND t.transfer_id IS NULL AND t.payee <> '' AND (? = '' OR t.payee LIKE ? ESCAPE '\\')
     )
     SELECT payee, uses, kind AS lastKind, account_id AS lastAccountId, category_id AS lastCategoryId, date AS lastDate
     FROM lines WHERE latest = 1
     ORDER BY uses DESC, date DESC, payee
     LIMIT ?`,
    text,
    containsPattern(text),
    query.limit ?? DEFAULT_LIMIT,
  );
}

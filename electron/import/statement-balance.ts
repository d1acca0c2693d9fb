/**
 * An OFX statement's closing balance (LEDGERBAL: BALAMT on DTASOF) set beside the wallet's balance
 * of the account it was imported into, on that date: opening balance plus every live line dated on
 * or before it. The difference is what a reconcile with the statement as target has to explain.
 */
import type { ImportCommitResult } from '../../shared/import-views';
import { toDecimalString } from '../../shared/money';
import type { LedgerProjection } from '../ledger';
import type { ParsedStatement } from './statement';

export type StatementBalance = NonNullable<ImportCommitResult['statementBalance']>;

export function statementBalance(p: LedgerProjection, statement: ParsedStatement, statementAccount: number, accountId: string): StatementBalance | null {
  const source = statement.accounts[statementAccount];
  const closing = source?.ledgerBalance;
  if (!closing) return null;
  const statementMinor = Number(closing.amountMinor);
  if (!/^-?\d{1,16}$/.test(closing.amountMinor) || !Number.isSafeInteger(statementMinor)) return null;
  const account = p.sql.get<{ currency: string; opening: number }>('SELECT currency, opening_balance_minor AS opening FROM accounts WHERE id = ?', accountId);
  // A balance in another currency than the account's is not comparable: offered as nothing.
  if (!account || (source.currency && source.currency !== account.currency)) return null;
  const lines = p.sql.get<{ total: number | null }>('SELECT SUM(amount_minor) AS total FROM transactions WHERE account_id = ? AND voided = 0 AND date <= ?', accountId, closing.date);
  const walletMinor = account.opening + (lines?.total ?? 0);
  return {
    accountId,
    currency: account.currency,
    date: closing.date,
    statementMinor,
    statementAmount: toDecimalString(statementMinor, account.currency),
    walletMinor,
    differenceMinor: statementMinor - walletMinor,
  };
}

/**
 * The planner's read-only view of the wallet: every account with its balance (one grouped query)
 * and the live lines of the accounts a statement may touch, read in pages between event-loop turns
 * so a wallet of 100k lines does not hold the loop.
 */
import type { LedgerProjection } from '../ledger';
import type { ExistingLine, PlanAccount } from './plan';

const PAGE = 20_000;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function planAccounts(p: LedgerProjection): Map<string, PlanAccount> {
  const rows = p.sql.all<{ id: string; name: string; currency: string; credit_limit_minor: number; balance: number; frozen: number; closed: number }>(
    `SELECT a.id, a.name, a.currency, a.credit_limit_minor, a.frozen, a.closed,
       a.opening_balance_minor + COALESCE(SUM(t.amount_minor), 0) AS balance
     FROM accounts a LEFT JOIN transactions t ON t.account_id = a.id AND t.voided = 0
     GROUP BY a.id ORDER BY a.n`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.name, currency: row.currency, creditLimitMinor: row.credit_limit_minor, balanceMinor: row.balance, usable: !row.frozen && !row.closed },
    ]),
  );
}

export async function existingLines(p: LedgerProjection, accountIds: readonly string[]): Promise<ExistingLine[]> {
  const lines: ExistingLine[] = [];
  // Pages walk the register index (account_id, date, n): each page starts where the last ended,
  // so reading 100k lines is one pass, never a sort per page.
  const page = p.sql.prepare(
    `SELECT n, id, account_id, date, amount_minor, payee, external_id, status FROM transactions INDEXED BY tx_register
     WHERE account_id = ? AND (date, n) > (?, ?) AND voided = 0 ORDER BY date, n LIMIT ${PAGE}`,
  );
  for (const accountId of new Set(accountIds)) {
    let after = { date: '', n: 0 };
    for (;;) {
      const rows = page.all(accountId, after.date, after.n) as { n: number; id: string; account_id: string; date: string; amount_minor: number; payee: string; external_id: string | null; status: ExistingLine['status'] }[];
      for (const row of rows) {
        lines.push({ id: row.id, accountId: row.account_id, date: row.date, amountMinor: row.amount_minor, payee: row.payee, externalId: row.external_id, status: row.status });
      }
      if (rows.length < PAGE) break;
      const last = rows.at(-1)!;
      after = { date: last.date, n: last.n };
      await nextTurn();
    }
  }
  return lines;
}

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
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return lines;
  const marks = ids.map(() => '?').join(', ');
  const page = p.sql.prepare(
    `SELECT n, id, account_id, date, amount_minor, payee, external_id, status FROM transactions
     WHERE account_id IN (${marks}) AND voided = 0 AND n > ? ORDER BY n LIMIT ${PAGE}`,
  );
  let after = 0;
  for (;;) {
    const rows = page.all(...ids, after) as { n: number; id: string; account_id: string; date: string; amount_minor: number; payee: string; external_id: string | null; status: ExistingLine['status'] }[];
    for (const row of rows) {
      lines.push({ id: row.id, accountId: row.account_id, date: row.date, amountMinor: row.amount_minor, payee: row.payee, externalId: row.external_id, status: row.status });
    }
    if (rows.length < PAGE) return lines;
    after = rows.at(-1)!.n;
    await nextTurn();
  }
}

/** Reads what the rules judge from the open wallet's projection (electron/ledger/schema.ts). */
import type { LedgerProjection } from '../../ledger/projection';
import { foldAlertFacts, type AlertFact, type AlertMemory } from './memory';
import type { AccountFacts, HistoryRow } from './rules';

/** A line as the query returns it: everything the rules read, plus its recording order. */
type Row = HistoryRow & { n: number };

export interface LedgerHistory {
  rows: (HistoryRow & { n: number })[];
  accounts: Map<string, AccountFacts>;
  categoryNames: Map<string, string>;
  /** Recording order of the newest line (0 for none): lines above it are new. */
  lastN: number;
}

export function readHistory(projection: LedgerProjection): LedgerHistory {
  const rows = projection.sql.all<Row>(
    `SELECT n, id, account_id AS accountId, kind, amount_minor AS amountMinor, currency, date, payee,
            category_id AS categoryId, recorded_at AS recordedAt, import_batch AS importBatchId
     FROM transactions WHERE voided = 0 ORDER BY date, n`,
  );
  const accounts = new Map(
    projection.sql
      .all<{ id: string; name: string; frozen: number; frozenAt: string | null; openedAt: string }>('SELECT id, name, frozen, frozen_at AS frozenAt, opened_at AS openedAt FROM accounts')
      .map((a) => [a.id, { name: a.name, frozenSince: a.frozen ? (a.frozenAt ?? a.openedAt) : null, addedOn: a.openedAt.slice(0, 10) }]),
  );
  const categoryNames = new Map(projection.sql.all<{ id: string; name: string }>('SELECT id, name FROM categories').map((c) => [c.id, c.name]));
  return { rows, accounts, categoryNames, lastN: lastLine(projection) };
}

export function lastLine(projection: LedgerProjection): number {
  return projection.sql.get<{ n: number | null }>('SELECT MAX(n) AS n FROM transactions')?.n ?? 0;
}

export function readMemory(projection: LedgerProjection): AlertMemory {
  const facts = projection.sql
    .all<{ type: AlertFact['type']; body: string }>('SELECT type, body FROM alert_facts ORDER BY n')
    .map((row) => ({ type: row.type, ...JSON.parse(row.body) }) as AlertFact);
  return foldAlertFacts(facts);
}

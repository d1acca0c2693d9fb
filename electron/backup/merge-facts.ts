/**
 * What a merge preview needs to know about the history the open wallet shares with a backup,
 * asked of the wallet's projection instead of decrypting that history: which things (accounts,
 * transactions, transfers, categories, reconciliations, imports, rates) exist, the entity of each
 * transaction id, and each transaction's or transfer's summary as the shared history left it.
 *
 * The projection holds the whole wallet (the shared history and the wallet's own events after
 * it, which the caller decrypts and passes as `walletTail`), and nothing in it is ever deleted
 * except a cleared exchange rate. So:
 * - an entity the wallet has = a row in the projection (a rate: a row, or a rate event in the tail);
 * - a summary at the end of the shared history = the row as it is now, except that a thing the
 *   tail created is not in the shared history, and a thing the tail voided or restored had the
 *   other state before. The other fields only ever matter folded with the tail's own changes,
 *   which the row already holds, or for things the tail did not touch, where the row is the
 *   shared history's state;
 * - no event of the shared history is repeated after it (a journal never holds an event twice).
 * When a backup sets a rate the wallet has no row for (it may have been cleared in the shared
 * history, which only the events tell), `walletFacts` returns null and the caller decrypts.
 */
import type { LedgerProjection } from '../ledger';
import type { SharedBase, Summary } from './merge-differences';
import { asMergeEvent, legsOver, noteLegs, roleOf } from './merge-entities';
import type { WalletKnowledge } from './merge-plan';

interface LineRow {
  n: number;
  amount_minor: number;
  currency: string;
  date: string;
  payee: string;
  voided: number;
}

export function walletFacts(p: LedgerProjection, walletTail: readonly unknown[], backupTail: readonly unknown[]): { knowledge: WalletKnowledge; shared: SharedBase } | null {
  const one = (sql: string, ...params: string[]) => p.sql.get<{ found: number }>(sql, ...params) !== undefined;
  const legCache = new Map<string, string | undefined>();
  const legs = {
    get(id: string): string | undefined {
      if (legCache.has(id)) return legCache.get(id);
      const row = p.sql.get<{ transfer_id: string | null; import_batch: string | null }>('SELECT transfer_id, import_batch FROM transactions WHERE id = ?', id);
      const key = !row ? undefined : row.import_batch !== null ? `import:${row.import_batch}` : row.transfer_id !== null ? `transfer:${row.transfer_id}` : `transaction:${id}`;
      legCache.set(id, key);
      return key;
    },
  };

  // The tail: its event ids, what it created, its rates, and each thing's first void or restore.
  const tailIds = new Set<string>();
  const tailCreated = new Set<string>();
  const tailRates = new Set<string>();
  const firstToggle = new Map<string, string>();
  const tailLegs = legsOver(legs);
  for (const payload of walletTail) {
    const event = asMergeEvent(payload);
    if (!event) continue;
    tailIds.add(event.eventId);
    noteLegs(event, tailLegs);
    const role = roleOf(event, tailLegs);
    if (!role) continue;
    if (role.creates) tailCreated.add(role.key);
    if (role.key.startsWith('rate:')) tailRates.add(role.key);
    if ((event.type === 'TransactionVoided' || event.type === 'TransactionRestored') && !firstToggle.has(role.key)) firstToggle.set(role.key, event.type);
  }

  const entityCache = new Map<string, boolean>();
  const hasEntity = (key: string): boolean => {
    const cached = entityCache.get(key);
    if (cached !== undefined) return cached;
    const colon = key.indexOf(':');
    const [kind, id] = [key.slice(0, colon), key.slice(colon + 1)];
    let found = false;
    if (kind === 'account') found = one('SELECT 1 AS found FROM accounts WHERE id = ?', id);
    else if (kind === 'transaction') found = one('SELECT 1 AS found FROM transactions WHERE id = ? AND transfer_id IS NULL AND import_batch IS NULL', id);
    else if (kind === 'transfer') found = one('SELECT 1 AS found FROM transactions WHERE transfer_id = ? AND import_batch IS NULL LIMIT 1', id);
    else if (kind === 'category') found = one('SELECT 1 AS found FROM categories WHERE id = ?', id);
    else if (kind === 'reconciliation') found = one('SELECT 1 AS found FROM reconciliations WHERE id = ?', id);
    else if (kind === 'import') found = one('SELECT 1 AS found FROM import_batches WHERE id = ?', id);
    else if (kind === 'rate') {
      const slash = id.indexOf('/');
      found = tailRates.has(key) || one('SELECT 1 AS found FROM exchange_rates WHERE currency = ? AND base = ?', id.slice(0, slash), id.slice(slash + 1));
    }
    entityCache.set(key, found);
    return found;
  };

  // A rate the backup sets that the wallet has no row for may have been set and cleared in the shared history.
  for (const payload of backupTail) {
    const event = asMergeEvent(payload);
    if (event?.type === 'ExchangeRateSet' && !hasEntity(`rate:${String(event.currency)}/${String(event.base)}`)) return null;
  }

  const summaries = new Map<string, (Summary & { n: number }) | undefined>();
  const summary = (key: string): (Summary & { n: number }) | undefined => {
    if (summaries.has(key)) return summaries.get(key);
    let found: (Summary & { n: number }) | undefined;
    const transfer = key.startsWith('transfer:');
    if (!tailCreated.has(key) && (transfer || key.startsWith('transaction:'))) {
      const id = key.slice(key.indexOf(':') + 1);
      const columns = 'n, amount_minor, currency, date, payee, voided';
      // A transfer reads as its outgoing leg (as merge-differences.ts summarises it), first recorded at its first leg.
      const row = transfer
        ? p.sql.get<LineRow>(`SELECT ${columns} FROM transactions WHERE transfer_id = ? AND import_batch IS NULL ORDER BY amount_minor < 0 DESC, n LIMIT 1`, id)
        : p.sql.get<LineRow>(`SELECT ${columns} FROM transactions WHERE id = ? AND transfer_id IS NULL AND import_batch IS NULL`, id);
      if (row) {
        const lines = transfer ? 'SELECT id FROM transactions WHERE transfer_id = ?' : 'SELECT ?';
        const last = p.sql.get<{ at: string }>(
          `SELECT at FROM transaction_history WHERE transaction_id IN (${lines}) AND action IN ('recorded', 'amended', 'voided', 'restored') ORDER BY n DESC LIMIT 1`,
          id,
        );
        const first = transfer ? (p.sql.get<{ n: number }>('SELECT min(n) AS n FROM transactions WHERE transfer_id = ?', id)?.n ?? row.n) : row.n;
        const toggle = firstToggle.get(key);
        found = {
          id: key,
          kind: transfer ? 'transfer' : 'transaction',
          label: row.payee,
          date: row.date,
          amountMinor: transfer ? -Math.abs(row.amount_minor) : row.amount_minor,
          currency: row.currency,
          at: last?.at ?? '',
          voided: toggle ? toggle === 'TransactionRestored' : row.voided === 1,
          n: first,
        };
      }
    }
    summaries.set(key, found);
    return found;
  };

  return {
    knowledge: { hasEvent: (id) => tailIds.has(id), hasEntity, legs },
    shared: {
      summary: (key) => {
        const found = summary(key);
        if (!found) return undefined;
        const { n: _n, ...rest } = found;
        return rest;
      },
      legs,
      hasEvent: () => false,
      inOrder: (keys) => [...keys].sort((a, b) => (summary(a)?.n ?? 0) - (summary(b)?.n ?? 0)),
    },
  };
}

/**
 * The account's statement ids, read while a big statement is parsed in its worker. The host's loop
 * is idle then; without this, the plan of a re-import asks for the same lines afterwards, 2,000 ids
 * per query, on the critical path (~0.15 s of a 100k re-import). The read is keyset slices over
 * tx_external, one slice per turn of the loop, and it is used only while the projection holds the
 * same events it was read from (its last seq), so a line recorded meanwhile is never missed.
 *
 * Read only when the account's id'd lines are few enough next to the statement's likely rows that
 * reading them all costs no more than probing each row: an account of a million lines and a
 * statement of a thousand is probed, not read.
 */
import type { LedgerProjection } from '../ledger';
import { nextTurn } from '../vault/cooperative';
import { lineIdsInRegisterOrder, type ExternalIdLines } from './existing';

interface ReadAhead {
  accountId: string;
  seq: number;
  lines: Promise<ExternalIdLines | null>;
}

const SLICE = 2_000;
/** Shortest statement line in bytes (date, amount, an id and two separators): the most rows `bytes` can hold, over-estimated on purpose. */
const MIN_BYTES_PER_ROW = 20;

const pending = new WeakMap<LedgerProjection, ReadAhead>();

/** Exported for the test that holds each to tx_external in index order (EXPLAIN QUERY PLAN). */
export const READ_AHEAD_SQL = {
  count: 'SELECT count(*) AS n FROM transactions INDEXED BY tx_external WHERE account_id = ? AND external_id IS NOT NULL',
  first: `SELECT external_id, id, date, n, voided FROM transactions INDEXED BY tx_external
    WHERE account_id = ? AND external_id IS NOT NULL ORDER BY external_id, n LIMIT ?`,
  next: `SELECT external_id, id, date, n, voided FROM transactions INDEXED BY tx_external
    WHERE account_id = ? AND external_id IS NOT NULL AND (external_id, n) > (?, ?) ORDER BY external_id, n LIMIT ?`,
} as const;

type Row = [externalId: string, id: string, date: string, n: number, voided: number];

/** Starts reading `accountId`'s statement ids, if it is worth it for a statement of `statementBytes` (`slice`: rows per turn, smaller in tests). */
export function readAheadExternalIds(p: LedgerProjection, accountId: string, statementBytes: number, slice = SLICE): void {
  const seq = p.lastSeq();
  const current = pending.get(p);
  if (current && current.accountId === accountId && current.seq === seq) return;
  const held = p.sql.get<{ n: number }>(READ_AHEAD_SQL.count, accountId)?.n ?? 0;
  if (held === 0 || held > (statementBytes / MIN_BYTES_PER_ROW) * 2) {
    pending.delete(p);
    return;
  }
  pending.set(p, { accountId, seq, lines: readAll(p, accountId, seq, slice) });
}

async function readAll(p: LedgerProjection, accountId: string, seq: number, slice: number): Promise<ExternalIdLines | null> {
  const first = p.sql.prepare(READ_AHEAD_SQL.first).raw(true);
  const next = p.sql.prepare(READ_AHEAD_SQL.next).raw(true);
  // Rows come in index order (statement id, then n), so one statement id's lines arrive one after
  // another (across slices too) and are closed as a group when the next id begins.
  const lines = new Map<string, readonly string[]>();
  let group: Row[] = [];
  const close = () => {
    if (group.length > 0) lines.set(group[0]![0], lineIdsInRegisterOrder(group));
    group = [];
  };
  let rows = first.all(accountId, slice) as Row[];
  for (;;) {
    for (const row of rows) {
      if (row[4] !== 0) continue;
      if (group.length > 0 && group[0]![0] !== row[0]) close();
      group.push(row);
    }
    if (rows.length < slice) break;
    const last = rows.at(-1)!;
    await nextTurn();
    // A write between two slices: what was read no longer describes the wallet.
    if (p.lastSeq() !== seq) return null;
    rows = next.all(accountId, last[0], last[3], slice) as Row[];
  }
  close();
  return lines;
}

/**
 * The read-ahead of `accountId`, once, if it still describes the projection (same last seq); null
 * otherwise. Taken, not kept: a plan uses it once and the memory is let go.
 */
export async function takeReadAhead(p: LedgerProjection, accountId: string): Promise<ExternalIdLines | null> {
  const current = pending.get(p);
  if (!current || current.accountId !== accountId || current.seq !== p.lastSeq()) return null;
  pending.delete(p);
  const lines = await current.lines;
  return lines && current.seq === p.lastSeq() ? lines : null;
}

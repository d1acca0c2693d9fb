/**
 * Actual Budget beside OneWallet on the same rows: a budget whose one account holds as many
 * transactions as our wallet has events (seeded through the API's bulk import mode), then single
 * `addTransactions` calls into it (what a user's one new expense costs there) and a full
 * `getTransactions` of the account. Runs in Actual's own child process (peers/actual.ts).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerProjection } from '../electron/ledger';
import { ActualPeer, type ActualRow } from './peers/actual';
import { percentile } from './stats';

export interface ActualResult {
  version: string;
  seedRows: number;
  seedMs: number;
  /** Set when seeding did not finish within the cap: the other figures are then missing. */
  timedOutAfterMs?: number;
  addP50Ms: number;
  addP95Ms: number;
  listMs: number;
  listRows: number;
  peakRssBytes: number;
}

const SINGLE_ADDS = 20;

/** Every live line of the projection as an Actual row (amounts in minor units, as Actual stores cents). */
export function actualRows(p: LedgerProjection, limit: number): ActualRow[] {
  return p.sql
    .all<{ date: string; amount_minor: number; payee: string; note: string }>('SELECT date, amount_minor, payee, note FROM transactions WHERE voided = 0 ORDER BY n LIMIT ?', limit)
    .map((row) => ({ date: row.date, amount: row.amount_minor, payee_name: row.payee, notes: row.note }));
}

/** null (with a printed note) when Actual cannot be installed here. */
export async function runActualSection(rows: readonly ActualRow[], dir: string, capMs: number): Promise<ActualResult | null> {
  const peer = ActualPeer.start(mkdtempSync(join(dir, 'actual-')));
  if (!peer) return null;
  try {
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), capMs)));
    const opened = await Promise.race([peer.open(rows), cap]);
    clearTimeout(timer);
    const empty = { addP50Ms: Number.NaN, addP95Ms: Number.NaN, listMs: Number.NaN, listRows: 0 };
    if (!opened) {
      peer.kill();
      return { version: peer.version, seedRows: rows.length, seedMs: Number.NaN, timedOutAfterMs: capMs, ...empty, peakRssBytes: Number.NaN };
    }
    const adds: number[] = [];
    for (let i = 0; i < SINGLE_ADDS; i += 1) {
      adds.push((await peer.addTransactions([{ date: '2024-06-15', amount: -(1_000 + i), payee_name: 'Bench single add', notes: `#${i}` }])).ms);
    }
    const list = await peer.getTransactions('1900-01-01', '2999-12-31');
    return {
      version: peer.version,
      seedRows: rows.length,
      seedMs: opened.ms,
      addP50Ms: percentile(adds, 50),
      addP95Ms: percentile(adds, 95),
      listMs: list.ms,
      listRows: list.value.rows,
      peakRssBytes: list.peakRssBytes,
    };
  } finally {
    await peer.shutdown().catch(() => peer.kill());
  }
}

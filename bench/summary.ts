/**
 * The closing table of `npm run bench`: one row per scenario of issue #15 with OneWallet's
 * figure, the peer's (or the limit it is held to), their ratio, the target and PASS/MISS — every
 * figure from this same run.
 */
import { printTable } from './table';

export interface SummaryRow {
  scenario: string;
  ours: string;
  /** The peer's figure, with the peer's name; '—' when there is none. */
  peer: string;
  /** How many times faster / smaller we are than the peer ('—' without one). */
  ratio: string;
  target: string;
  /** null: measured only, no target. */
  pass: boolean | null;
  /** On a miss: how far off, as measured ÷ target (shown beside MISS). */
  over?: number;
  /** On a miss: what the profile shows and what would close it (printed under the table). */
  why?: string;
}

export function times(theirs: number, ours: number): string {
  if (!Number.isFinite(theirs) || !Number.isFinite(ours) || ours <= 0) return '—';
  const value = theirs / ours;
  return value >= 10 ? `${Math.round(value)}×` : `${value.toFixed(1)}×`;
}

function result(row: SummaryRow): string {
  if (row.pass === null) return 'measured';
  if (row.pass) return 'PASS';
  return row.over !== undefined && Number.isFinite(row.over) ? `MISS (${row.over.toFixed(1)}× target)` : 'MISS';
}

export function printSummary(rows: readonly SummaryRow[], notes: readonly string[]): void {
  const misses = rows.filter((row) => row.pass === false && row.why).map((row) => `MISS ${row.scenario.trim()}: ${row.why}`);
  printTable(
    'Summary — issue #15 targets (every row from this run)',
    ['scenario', 'OneWallet', 'peer / limit', 'ratio', 'target', 'result'],
    rows.map((row) => [row.scenario, row.ours, row.peer, row.ratio, row.target, result(row)]),
    [...notes, ...misses],
  );
}

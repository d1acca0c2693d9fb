/**
 * Where the import section plugs in: bench/import-section.ts (written with the import capability)
 * calls `registerImportSection` when it is imported, and bench.ts imports it next to this file's
 * import. Until then the summary says the row is not measured in this build.
 */
import type { LedgerProjection } from '../electron/ledger';
import type { KdfParams, VaultSession } from '../electron/vault';
import type { SummaryRow } from './summary';

export interface ImportSectionContext {
  dir: string;
  /** The calibrated KDF the bench's wallets use. */
  kdf: KdfParams;
  /** Event counts the bench runs at (10k, 100k; 10k only with --quick). */
  sizes: readonly number[];
  /** The largest wallet, unlocked, with its loaded projection. */
  session: VaultSession;
  projection: LedgerProjection;
}

/** Prints its own table and returns its rows for the summary (import 10k/100k vs Actual's importTransactions). */
export type ImportSection = (context: ImportSectionContext) => Promise<{ json: unknown; summary: SummaryRow[] }>;

let registered: ImportSection | null = null;

export function registerImportSection(section: ImportSection): void {
  registered = section;
}

export function importSection(): ImportSection | null {
  return registered;
}

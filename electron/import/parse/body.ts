/** What every format parser returns; parseStatement adds the format and the encoding. */
import type { ParsedStatement } from '../statement';

export type StatementBody = Pick<ParsedStatement, 'accounts' | 'skipped' | 'errors' | 'detected'>;

export interface ParserContext {
  /** The account's currency: the exponent of rows that do not name their own. */
  currency: string;
  maxRows: number;
}

/** The kind a signed amount implies when the source says nothing more. */
export function kindOfSigned(minor: string): 'expense' | 'income' | 'neutral' {
  if (minor === '0') return 'neutral';
  return minor.startsWith('-') ? 'expense' : 'income';
}

/** Drops empty optional fields so rows compare and serialize cleanly. */
export function withoutEmpty<T extends object>(row: T): T {
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined || value === '') delete (row as Record<string, unknown>)[key];
  }
  return row;
}

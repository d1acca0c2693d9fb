/**
 * Statement rows as columns, for the parse worker's answer (parse-worker.ts → parse-off-loop.ts):
 * one array per field instead of one object per row, so the JSON carries each field name once per
 * chunk, not once per row. The host parses about half the text and builds the rows in one pass
 * (a 100k-row statement: ~175 → ~90 ms of the host's loop, in 1,000-row turns).
 *
 * A row never holds null (parsers leave absent fields out: body.ts withoutEmpty), so null in a
 * column means "this row has no such field" and the rebuilt row leaves it out again.
 */
import type { StatementRow } from './statement';

export interface RowColumns {
  keys: string[];
  columns: unknown[][];
}

export function toColumns(rows: readonly StatementRow[]): RowColumns {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const columns: unknown[][] = [];
  rows.forEach((row, position) => {
    for (const key of Object.keys(row)) {
      let at = index.get(key);
      if (at === undefined) {
        at = keys.length;
        index.set(key, at);
        keys.push(key);
        columns.push(new Array<unknown>(rows.length).fill(null));
      }
      columns[at]![position] = (row as unknown as Record<string, unknown>)[key];
    }
  });
  return { keys, columns };
}

export function fromColumns({ keys, columns }: RowColumns): StatementRow[] {
  const count = columns[0]?.length ?? 0;
  const rows = new Array<StatementRow>(count);
  for (let position = 0; position < count; position++) {
    const row: Record<string, unknown> = {};
    for (let at = 0; at < keys.length; at++) {
      const value = columns[at]![position];
      if (value !== null && value !== undefined) row[keys[at]!] = value;
    }
    rows[position] = row as unknown as StatementRow;
  }
  return rows;
}

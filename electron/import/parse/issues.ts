/**
 * Building located import issues. A parser records a row-level problem and goes on with the next
 * row; a problem that makes the whole file unreadable is thrown as StatementAbort and turned into a
 * result with that one issue by parseStatement (a parser never throws anything else on purpose).
 */
import type { ImportIssue } from '../statement';

/** Cell values quoted in messages are cut to this length, so a garbage cell cannot flood the UI. */
const MAX_QUOTED_VALUE = 40;

export function quoteValue(value: string): string {
  return value.length > MAX_QUOTED_VALUE ? `${value.slice(0, MAX_QUOTED_VALUE)}…` : value;
}

export function importIssue(
  line: number,
  messageKey: string,
  where: { column?: string; value?: string } = {},
  params: Record<string, string | number> = {},
): ImportIssue {
  const issue: ImportIssue = { line, messageKey, params: { ...params, line } };
  if (where.column !== undefined) {
    issue.column = where.column;
    issue.params.column = where.column;
  }
  if (where.value !== undefined) {
    issue.value = quoteValue(where.value);
    issue.params.value = issue.value;
  }
  return issue;
}

/** A problem that stops the whole file (not a row): too large, unreadable, no header found. */
export class StatementAbort extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.messageKey);
    this.name = 'StatementAbort';
  }
}

export function abort(line: number, messageKey: string, params: Record<string, string | number> = {}): never {
  throw new StatementAbort(importIssue(line, messageKey, {}, params));
}

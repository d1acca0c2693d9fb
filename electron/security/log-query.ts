/**
 * Filtering, paging and summing up the security log: pure functions over decrypted entries (the
 * log is small — a few entries a day — so it is read whole and filtered in memory).
 */
import type { SecurityEvent, SecurityEventKind, SecurityLogPage, SecurityLogSummary } from '../../shared/contract';

export interface LogQuery {
  kinds?: readonly SecurityEventKind[];
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

export const DEFAULT_PAGE = 50;
const SUMMARY_NEWEST = 20;

/** Newest first: by time, then by id (entries moved in at unlock carry the attempt's older time). */
export function newestFirst(entries: readonly SecurityEvent[]): SecurityEvent[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
}

export function queryLog(entries: readonly SecurityEvent[], query: LogQuery): SecurityLogPage {
  const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
  const from = query.from ? Date.parse(query.from) : -Infinity;
  const to = query.to ? Date.parse(query.to) : Infinity;
  const matching = newestFirst(entries).filter((entry) => {
    const at = Date.parse(entry.at);
    return (!kinds || kinds.has(entry.kind)) && at >= from && at <= to;
  });
  const offset = query.offset ?? 0;
  return { total: matching.length, entries: matching.slice(offset, offset + (query.limit ?? DEFAULT_PAGE)) };
}

/** Everything after `since` (all of it when null), counted per kind with the first and last time. */
export function summarizeLog(entries: readonly SecurityEvent[], since: string | null): SecurityLogSummary {
  const after = since ? Date.parse(since) : -Infinity;
  const recent = newestFirst(entries).filter((entry) => Date.parse(entry.at) > after);
  const byKind = new Map<SecurityEventKind, { kind: SecurityEventKind; count: number; first: string; last: string }>();
  for (const entry of [...recent].reverse()) {
    const seen = byKind.get(entry.kind);
    if (seen) {
      seen.count++;
      seen.last = entry.at;
    } else byKind.set(entry.kind, { kind: entry.kind, count: 1, first: entry.at, last: entry.at });
  }
  return { since, total: recent.length, kinds: [...byKind.values()], newest: recent.slice(0, SUMMARY_NEWEST) };
}

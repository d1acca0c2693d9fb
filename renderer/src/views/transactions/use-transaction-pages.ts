/**
 * Pages through a transaction query (offset/limit) for a virtualized list: only the pages the
 * user scrolls to are fetched, so 100k rows cost a few small requests. When the query changes
 * everything reloads from the top; when the ledger changes the visible pages are fetched again
 * and swapped in at once (old rows stay on screen meanwhile, so nothing flickers).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../shared/contract';
import type { TransactionPage, TransactionView } from '../../../../shared/ledger-views';
import { ApiError, useApi } from '../../lib/api-context';

export const PAGE_SIZE = 200;
const REFRESH_DELAY_MS = 60;

export type PageLoader = (offset: number, limit: number) => Promise<Result<TransactionPage>>;

export interface PagedTransactions {
  /** Null until the first page answered. */
  total: number | null;
  error: ApiError | null;
  /** A reload of the whole query is under way (the rows shown may be the previous answer). */
  loading: boolean;
  /** The row at an index, or undefined while its page loads. */
  rowAt(index: number): TransactionView | undefined;
  /** Tells the hook which rows are on screen; missing pages are fetched. */
  showRange(start: number, end: number): void;
  reload(): void;
}

function pagesOf(start: number, end: number): number[] {
  const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
  const last = Math.floor(Math.max(0, end) / PAGE_SIZE);
  const pages: number[] = [];
  for (let page = first; page <= last; page++) pages.push(page);
  return pages;
}

/** `key` identifies the query: a new key starts over from the top. */
export function usePagedTransactions(load: PageLoader, key: string): PagedTransactions {
  const api = useApi();
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, TransactionView[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const range = useRef<[number, number]>([0, 0]);
  const loadRef = useRef(load);
  loadRef.current = load;

  const bump = () => setVersion((v) => v + 1);

  /** Fetches the pages covering the current range afresh and swaps them in together. */
  const refresh = useCallback(() => {
    const mine = ++generation.current;
    inFlight.current.clear();
    const wanted = pagesOf(range.current[0], range.current[1]);
    setLoading(true);
    void Promise.all(wanted.map((page) => loadRef.current(page * PAGE_SIZE, PAGE_SIZE))).then((results) => {
      if (mine !== generation.current) return;
      setLoading(false);
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok) {
        setError(new ApiError(failed));
        return;
      }
      const next = new Map<number, TransactionView[]>();
      results.forEach((result, i) => result.ok && next.set(wanted[i]!, result.value.rows));
      pages.current = next;
      const first = results[0];
      if (first?.ok) setTotal(first.value.total);
      setError(null);
      bump();
    });
  }, []);

  const showRange = useCallback((start: number, end: number) => {
    range.current = [start, end];
    const mine = generation.current;
    for (const page of pagesOf(start, end)) {
      if (pages.current.has(page) || inFlight.current.has(page)) continue;
      inFlight.current.add(page);
      void loadRef.current(page * PAGE_SIZE, PAGE_SIZE).then((result) => {
        if (mine !== generation.current) return;
        inFlight.current.delete(page);
        if (!result.ok) {
          setError(new ApiError(result));
          return;
        }
        pages.current.set(page, result.value.rows);
        // Far-away pages are dropped so a long scroll does not keep 100k rows in memory.
        for (const cached of pages.current.keys()) {
          if (Math.abs(cached - page) > 10) pages.current.delete(cached);
        }
        setTotal(result.value.total);
        bump();
      });
    }
  }, []);

  // A new query: forget everything and start at the top.
  useEffect(() => {
    pages.current = new Map();
    range.current = [0, 0];
    refresh();
  }, [key, refresh]);

  // Bursts of changes (an import, a seeding script) coalesce into one refresh per short window.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('ledger/changed', () => {
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, REFRESH_DELAY_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, refresh]);

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return { total, error, loading, rowAt, showRange, reload: refresh };
}

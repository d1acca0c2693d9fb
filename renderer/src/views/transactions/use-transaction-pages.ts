/**
 * Pages through a transaction query for a virtualized list: only the pages the user scrolls to
 * are fetched, so 100k rows cost a few small requests. A page right after one already read starts
 * from that page's cursor (keyset, `ledger/transactionsAfter`): reading on costs one page however
 * deep in the list, where OFFSET walks every row before it. A jump (to the end, into the middle)
 * reads by offset, and the pages after it by keyset again. When the query changes everything
 * reloads from the top; when the ledger changes the visible pages are fetched again by offset
 * (cursors may have moved) and swapped in at once (old rows stay on screen meanwhile, so nothing
 * flickers).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../shared/contract';
import type { TransactionCursor, TransactionView } from '../../../../shared/ledger-views';
import { ApiError, useApi } from '../../lib/api-context';

export const PAGE_SIZE = 200;
const REFRESH_DELAY_MS = 60;

export interface PageRequest {
  offset: number;
  limit: number;
  /** Where the page before this one ends, when it was read: read from there (keyset). */
  after: TransactionCursor | null;
}
/** A page: the total comes with offset pages; `next` (the cursor after its last row) from loaders that page by keyset. */
export interface LoadedPage {
  total?: number;
  rows: TransactionView[];
  next?: TransactionCursor | null;
}
export type PageLoader = (request: PageRequest) => Promise<Result<LoadedPage>>;

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
  /** The cursor after each page read since the last reload (null: that page was the last). */
  const cursors = useRef(new Map<number, TransactionCursor | null>());
  const inFlight = useRef(new Map<number, Promise<void>>());
  const generation = useRef(0);
  const range = useRef<[number, number]>([0, 0]);
  const loadRef = useRef(load);
  loadRef.current = load;

  const bump = () => setVersion((v) => v + 1);

  const remember = (page: number, result: LoadedPage) => {
    if (result.next !== undefined) cursors.current.set(page, result.next);
  };

  /** Fetches the pages covering the current range afresh (by offset) and swaps them in together. */
  const refresh = useCallback(() => {
    const mine = ++generation.current;
    inFlight.current = new Map();
    cursors.current = new Map();
    const wanted = pagesOf(range.current[0], range.current[1]);
    setLoading(true);
    void Promise.all(wanted.map((page) => loadRef.current({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, after: null }))).then((results) => {
      if (mine !== generation.current) return;
      setLoading(false);
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok) {
        setError(new ApiError(failed));
        return;
      }
      const next = new Map<number, TransactionView[]>();
      results.forEach((result, i) => {
        if (!result.ok) return;
        next.set(wanted[i]!, result.value.rows);
        remember(wanted[i]!, result.value);
      });
      pages.current = next;
      const first = results[0];
      if (first?.ok && first.value.total !== undefined) setTotal(first.value.total);
      setError(null);
      bump();
    });
  }, []);

  /**
   * Fetches one page. When the page before it is on its way it waits for it, so it can start at
   * its cursor; a page whose predecessor was never read (a jump) is read by offset.
   */
  const fetchPage = useCallback((page: number, mine: number): Promise<void> => {
    const running = inFlight.current;
    const existing = running.get(page);
    if (existing) return existing;
    const before = running.get(page - 1);
    const run = async () => {
      if (before) await before;
      if (mine !== generation.current) return;
      const after = page > 0 ? (cursors.current.get(page - 1) ?? null) : null;
      const result = await loadRef.current({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, after });
      if (mine !== generation.current) return;
      if (!result.ok) {
        setError(new ApiError(result));
        return;
      }
      pages.current.set(page, result.value.rows);
      remember(page, result.value);
      // Far-away pages are dropped so a long scroll does not keep 100k rows in memory.
      for (const cached of pages.current.keys()) {
        if (Math.abs(cached - page) > 10) pages.current.delete(cached);
      }
      if (result.value.total !== undefined) setTotal(result.value.total);
      bump();
    };
    const promise = run().finally(() => {
      if (running.get(page) === promise) running.delete(page);
    });
    running.set(page, promise);
    return promise;
  }, []);

  const showRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      const mine = generation.current;
      // In order, so each page can chain on the one before it.
      for (const page of pagesOf(start, end)) {
        if (!pages.current.has(page)) void fetchPage(page, mine);
      }
    },
    [fetchPage],
  );

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

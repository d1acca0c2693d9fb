/**
 * Loads a contract query and reloads it whenever the ledger changes (`ledger/changed`), so every
 * view shows balances derived from the same journal state without manual refreshes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/contract';
import { ApiError, useApi } from './api-context';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

export function useQuery<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): QueryState<T> {
  const api = useApi();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const run = useCallback(load, deps);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    void run().then((result) => {
      if (mine !== generation.current) return; // a newer request answered first: drop this one
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(new ApiError(result));
      setLoading(false);
    });
  }, [run]);

  useEffect(() => {
    reload();
    return api.on('ledger/changed', reload);
  }, [api, reload]);

  return { data, error, loading, reload };
}

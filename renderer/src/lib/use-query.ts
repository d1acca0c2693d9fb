/**
 * Loads a contract query and reloads it whenever the ledger changes (`ledger/changed`), so every
 * view shows balances derived from the same journal state without manual refreshes. When the
 * wallet locks (a lock, panic or auto-lock from anywhere), the loaded data is dropped at once and
 * any answer still on its way is ignored: no wallet data stays in a view that outlives the lock.
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
    const stopLedger = api.on('ledger/changed', reload);
    const stopLock = api.on('wallet/changed', (status) => {
      if (status.unlocked) return;
      generation.current++;
      setData(null);
    });
    return () => {
      stopLedger();
      stopLock();
    };
  }, [api, reload]);

  return { data, error, loading, reload };
}

/**
 * Small hooks the transaction dialogs and views share: accounts and categories read through the
 * contract (reloaded on `ledger/changed`), and a command runner that keeps one request id per
 * dialog opening so a double click or a retry after a timeout records once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, CategoryView } from '../../../shared/ledger-views';
import { errorText, useApi } from '../lib/api-context';
import { newRequestId } from '../lib/money';
import { useQuery } from '../lib/use-query';

export function useAccounts(): { accounts: AccountView[]; loading: boolean } {
  const api = useApi();
  const query = useQuery(() => api.ledger.accounts({}), [api]);
  return { accounts: query.data?.accounts ?? [], loading: query.loading };
}

export function useCategories(): CategoryView[] {
  const api = useApi();
  const query = useQuery(() => api.ledger.categories({}), [api]);
  return query.data?.categories ?? [];
}

/** Accounts a new transaction may use: open and not closed (frozen ones stay, the engine explains why they are refused). */
export function usableAccounts(accounts: readonly AccountView[]): AccountView[] {
  return accounts.filter((account) => !account.closed);
}

/**
 * A key that changes each time a dialog opens, so its form, request id and button states start
 * fresh every time instead of carrying anything over from the last opening.
 */
export function useOpeningKey(open: boolean): number {
  const [state, setState] = useState({ open, key: 0 });
  // Adjusting state while rendering: React re-renders at once with the new key, before committing.
  if (state.open !== open) setState({ open, key: open ? state.key + 1 : state.key });
  return state.key;
}

export interface CommandRunner {
  /** Stable for one opening of the dialog; a fresh one when it opens again. */
  requestId: string;
  busy: boolean;
  error: string | null;
  setError(error: string | null): void;
  /**
   * Runs `action` with this opening's request id; returns true when it succeeded. A failure goes
   * to `error` (the banner) unless `onFailure` shows it elsewhere (on a field) and returns true.
   */
  run(action: (requestId: string) => Promise<unknown>, options?: { onFailure?: (error: unknown) => boolean }): Promise<boolean>;
  /** A fresh request id for the next, different command of the same opening ("save and add another"). */
  renew(): void;
}

export function useCommandRunner(open: boolean): CommandRunner {
  const { t } = useTranslation();
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const wasOpen = useRef(open);

  useEffect(() => {
    if (open && !wasOpen.current) {
      setRequestId(newRequestId());
      setError(null);
    }
    wasOpen.current = open;
  }, [open]);

  const run = useCallback(
    async (action: (requestId: string) => Promise<unknown>, options?: { onFailure?: (error: unknown) => boolean }) => {
      if (running.current) return false; // a second click while the first is in flight
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await action(requestId);
        return true;
      } catch (caught) {
        if (!options?.onFailure?.(caught)) setError(errorText(caught, t));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [requestId, t],
  );

  const renew = useCallback(() => {
    setRequestId(newRequestId());
    setError(null);
  }, []);

  return useMemo(() => ({ requestId, busy, error, setError, run, renew }), [requestId, busy, error, run, renew]);
}

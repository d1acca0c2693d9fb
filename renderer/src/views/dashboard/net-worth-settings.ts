/**
 * Net worth settings. The exchange rates live in the wallet (`ledger/setExchangeRate`), so a new
 * browser profile and a backup keep them; only the net-worth currency, a view preference, stays on
 * this computer (localStorage). OneWallet never fetches rates: it works offline, and a rate is the
 * user's call.
 *
 * Rates typed before they moved into the wallet were kept here too ('USD/CNY' → '7.1234'); the
 * first unlocked wallet that loads the dashboard or reports takes them over once, then they go.
 */
import { useEffect, useState } from 'react';
import type { OneWalletApi } from '../../../../shared/contract';

const STORAGE_KEY = 'onewallet.netWorth';

interface StoredSettings {
  currency: string | null;
  /** Only in what older versions wrote: 'USD/CNY' → '7.1234', units of the second currency per one of the first. */
  rates?: Record<string, string>;
}

function readStorage(): StoredSettings {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<StoredSettings>;
    const rates = Object.fromEntries(
      Object.entries(parsed.rates ?? {}).filter(([pair, rate]) => /^[A-Z]{3}\/[A-Z]{3}$/.test(pair) && typeof rate === 'string'),
    );
    return { currency: typeof parsed.currency === 'string' ? parsed.currency : null, rates };
  } catch {
    return { currency: null, rates: {} };
  }
}

function writeStorage(settings: StoredSettings): void {
  const { currency, rates } = settings;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(rates && Object.keys(rates).length > 0 ? { currency, rates } : { currency }));
}

export const isRateText = (text: string) => /^\d+(\.\d+)?$/.test(text.trim()) && /[1-9]/.test(text);

/** The net-worth currency chosen on this computer (null: the first currency held). */
export function useNetWorthCurrency() {
  const [currency, setCurrency] = useState<string | null>(() => readStorage().currency);
  useEffect(() => writeStorage({ ...readStorage(), currency }), [currency]);
  return [currency, setCurrency] as const;
}

/** The rates the wallet keeps, as 'USD/CNY' → '7.1234'. */
export function ratePairs(rates: readonly { currency: string; base: string; rate: string }[]): Record<string, string> {
  return Object.fromEntries(rates.map((row) => [`${row.currency}/${row.base}`, row.rate]));
}

let migrating: Promise<void> | null = null;

/**
 * Moves rates an older version kept in localStorage into the open wallet, once. A pair the wallet
 * already has a rate for keeps the wallet's. The request ids are derived from the pair and the
 * rate, so a second run (another tab, a retry) replays instead of recording twice. The local copy
 * is removed only when every rate was taken over; otherwise the next load tries again.
 */
export function migrateLocalRates(api: OneWalletApi): Promise<void> {
  migrating ??= (async () => {
    const local = readStorage().rates ?? {};
    if (Object.keys(local).length === 0) return;
    const stored = await api.ledger.exchangeRates({});
    if (!stored.ok) return;
    const inWallet = ratePairs(stored.value.rates);
    let complete = true;
    for (const [pair, text] of Object.entries(local)) {
      const rate = text.trim();
      if (!isRateText(rate) || inWallet[pair] !== undefined) continue;
      const [currency = '', base = ''] = pair.split('/');
      const result = await api.ledger.setExchangeRate({ requestId: `rate-from-this-computer-${pair}-${rate}`, currency, base, rate });
      // A rate the engine refuses as input (unknown currency, already set) can never be taken over: drop it.
      if (!result.ok && result.code !== 'invalid_input') complete = false;
    }
    if (complete) writeStorage({ currency: readStorage().currency });
  })().finally(() => {
    migrating = null;
  });
  return migrating;
}

/** Runs the one-time move of this computer's rates into the wallet when a view that uses rates mounts. */
export function useLocalRatesMigration(api: OneWalletApi): void {
  useEffect(() => {
    void migrateLocalRates(api);
  }, [api]);
}

/**
 * The net-worth currency and the exchange rates the user typed, remembered on this computer
 * (localStorage). OneWallet never fetches rates: it works offline, and a rate is the user's call.
 */
import { useEffect, useState } from 'react';

const STORAGE_KEY = 'onewallet.netWorth';

export interface NetWorthSettings {
  currency: string | null;
  /** 'USD/CNY' → '7.1234': units of the second currency per one unit of the first. */
  rates: Record<string, string>;
}

export function loadNetWorthSettings(): NetWorthSettings {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<NetWorthSettings>;
    const rates = Object.fromEntries(
      Object.entries(parsed.rates ?? {}).filter(([pair, rate]) => /^[A-Z]{3}\/[A-Z]{3}$/.test(pair) && typeof rate === 'string'),
    );
    return { currency: typeof parsed.currency === 'string' ? parsed.currency : null, rates };
  } catch {
    return { currency: null, rates: {} };
  }
}

export const isRateText = (text: string) => /^\d+(\.\d+)?$/.test(text.trim()) && /[1-9]/.test(text);

/** The well-formed rates into `currency` for the currencies in `from`, as the engine takes them. */
export function ratesInto(settings: NetWorthSettings, currency: string, from: readonly string[]): Record<string, string> {
  const entries = from
    .filter((code) => code !== currency)
    .map((code) => [code, (settings.rates[`${code}/${currency}`] ?? '').trim()] as const)
    .filter(([, rate]) => isRateText(rate));
  return Object.fromEntries(entries);
}

export function useNetWorthSettings() {
  const [settings, setSettings] = useState<NetWorthSettings>(loadNetWorthSettings);
  useEffect(() => localStorage.setItem(STORAGE_KEY, JSON.stringify(settings)), [settings]);
  return [settings, setSettings] as const;
}

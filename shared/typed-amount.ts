/**
 * What a person types into an amount field, read the way they meant it: full-width digits and the
 * Chinese full stop as decimal point (３８。５ → 38.50), a currency mark that fits the account
 * (¥/￥ or 元 for CNY, $ for dollars, the ISO code), thousands separators and spaces anywhere.
 * The result is the exact decimal text the engine's strict `parseAmount` reads — the engine
 * itself never guesses, so a file import or the CLI keeps refusing '¥12'.
 */
import { DomainError } from './errors';
import { parseAmount, toDecimalString } from './money';

/** Marks a person may type with an amount, and the currencies each one can stand for. */
const CURRENCY_MARKS: readonly { mark: string; currencies: readonly string[] }[] = [
  { mark: 'CN¥', currencies: ['CNY'] },
  { mark: 'RMB', currencies: ['CNY'] },
  { mark: '¥', currencies: ['CNY', 'JPY'] },
  { mark: '元', currencies: ['CNY'] },
  { mark: '块', currencies: ['CNY'] },
  { mark: 'US$', currencies: ['USD'] },
  { mark: 'HK$', currencies: ['HKD'] },
  { mark: '$', currencies: ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'NZD', 'MXN'] },
  { mark: '€', currencies: ['EUR'] },
  { mark: '£', currencies: ['GBP'] },
  { mark: '₩', currencies: ['KRW'] },
];

export type TypedAmount = { ok: true; text: string; minor: number } | { ok: false; messageKey: string; params: Record<string, string | number> };

/** Unicode spaces of every width (NFKC turns the ideographic space into a plain one). */
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f]/g;

/** Removes one currency mark before or after the number (after a leading sign too), if it fits `currency`. */
function stripCurrencyMark(text: string, currency: string): string | null {
  const marks = [{ mark: currency, currencies: [currency] }, ...CURRENCY_MARKS];
  const sign = /^[+-]/.test(text) ? text[0]! : '';
  const body = text.slice(sign.length);
  for (const { mark, currencies } of marks) {
    const upper = mark.toUpperCase();
    const at = body.toUpperCase().startsWith(upper) ? 'start' : body.toUpperCase().endsWith(upper) ? 'end' : null;
    if (!at) continue;
    if (!currencies.includes(currency)) return null;
    const rest = at === 'start' ? body.slice(mark.length) : body.slice(0, body.length - mark.length);
    // '-¥12' and '¥-12' both mean minus twelve.
    return sign + rest;
  }
  return text;
}

/** Reads a typed amount for an account in `currency`; on failure the translated error's key and params. */
export function readTypedAmount(typed: string, currency: string): TypedAmount {
  const normalized = typed.normalize('NFKC').replace(/[\u3002\uff61]/g, '.').replace(/\u2212/g, '-').replace(SPACES, '');
  const bare = stripCurrencyMark(normalized, currency);
  if (bare === null) return { ok: false, messageKey: 'errors.amount_other_currency', params: { text: typed.trim(), currency } };
  try {
    const minor = parseAmount(bare, currency);
    return { ok: true, minor, text: toDecimalString(minor, currency) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const params = error.messageKey === 'errors.amount_invalid' ? { ...error.params, text: typed.trim() } : error.params;
    return { ok: false, messageKey: error.messageKey, params };
  }
}

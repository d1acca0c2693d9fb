/**
 * Money as integer minor units (fen, cents, yen, fils), used by the engine and the renderer alike.
 * Amounts are JavaScript numbers that must stay safe integers: every entry point checks
 * `Number.isSafeInteger`, and arithmetic that could leave the safe range goes through
 * `addMinor`. Decimal strings are parsed digit by digit and conversions use bigint, so no amount
 * ever passes through a binary float.
 */
import { DomainError } from './errors';
import { currencyExponent } from './currencies';

/** Longest text we try to read as an amount; anything longer is not a plausible amount. */
const MAX_AMOUNT_TEXT = 64;

/** Optional sign, integer part (plain or grouped by ',' in threes), optional fraction. */
const AMOUNT_PATTERN = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;
/** Exchange rates: plain positive decimals, no sign and no grouping. */
const RATE_PATTERN = /^(\d+)(?:\.(\d+))?$/;

export function exponentOf(currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new DomainError('invalid_input', 'errors.currency_unknown', { currency });
  return exponent;
}

export function assertMinor(value: number): number {
  if (!Number.isSafeInteger(value)) throw new DomainError('rejected', 'errors.amount_too_large', {});
  return value;
}

/** Safe-integer addition: a sum outside ±(2^53−1) is refused rather than silently rounded. */
export function addMinor(a: number, b: number): number {
  return assertMinor(assertMinor(a) + assertMinor(b));
}

export function sumMinor(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total = addMinor(total, value);
  return total;
}

/**
 * Full-width digits and punctuation (typed with a Chinese IME) become ASCII through NFKC; the
 * Unicode minus sign is what some banks and spreadsheets export for '-'.
 */
function normalizeAmountText(text: string): string {
  return text.normalize('NFKC').replace(/\u2212/g, '-').trim();
}

interface ParsedDecimal {
  negative: boolean;
  integerDigits: string;
  fractionDigits: string;
}

function parseDecimal(text: string): ParsedDecimal {
  const normalized = normalizeAmountText(text);
  const match = normalized.length <= MAX_AMOUNT_TEXT ? AMOUNT_PATTERN.exec(normalized) : null;
  const integerDigits = (match?.[2] ?? '').replace(/,/g, '');
  const fractionDigits = match?.[3] ?? '';
  if (!match || (integerDigits === '' && fractionDigits === '')) {
    throw new DomainError('invalid_input', 'errors.amount_invalid', { text: text.slice(0, MAX_AMOUNT_TEXT) });
  }
  return { negative: match[1] === '-', integerDigits, fractionDigits };
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError('rejected', 'errors.amount_too_large', {});
  }
  // `Number(-0n)` is 0, so a typed "-0" never becomes a negative zero.
  return Number(value);
}

/**
 * Reads a decimal amount typed by a person or found in a file, e.g. '12.50', '-0.05', '1,234.5',
 * '１２．５' → integer minor units of `currency`. Trailing zeros beyond the currency's precision
 * are fine ('1.500' CNY is exactly 150 fen); any other extra digit is refused, never rounded.
 */
export function parseAmount(text: string, currency: string): number {
  const exponent = exponentOf(currency);
  const { negative, integerDigits, fractionDigits } = parseDecimal(text);
  if (fractionDigits.replace(/0+$/, '').length > exponent) {
    throw new DomainError('rejected', 'errors.amount_precision', { currency, decimals: exponent });
  }
  const digits = (integerDigits || '0') + fractionDigits.padEnd(exponent, '0').slice(0, exponent);
  const magnitude = BigInt(digits);
  return toSafeNumber(negative ? -magnitude : magnitude);
}

/**
 * Like `parseAmount` but for filter bounds, where over-precise input is not an error: a lower
 * bound rounds up and an upper bound rounds down, so "at least 0.005 CNY" means "at least 0.01".
 */
export function parseAmountBound(text: string, currency: string, bound: 'lower' | 'upper'): number {
  const exponent = exponentOf(currency);
  const { negative, integerDigits, fractionDigits } = parseDecimal(text);
  const kept = BigInt((integerDigits || '0') + fractionDigits.padEnd(exponent, '0').slice(0, exponent));
  const dropped = /[1-9]/.test(fractionDigits.slice(exponent));
  let value = negative ? -kept : kept;
  // Truncation moved the value toward zero; step one unit back out where the bound requires it.
  if (dropped && bound === 'lower' && !negative) value += 1n;
  if (dropped && bound === 'upper' && negative) value -= 1n;
  return toSafeNumber(value);
}

/** Exact decimal text for JSON and the CLI: '12.50', '-0.05', '1200' (JPY), '1.000' (KWD). */
export function toDecimalString(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  assertMinor(minor);
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

export interface FormatOptions {
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'negative' | 'never';
}

/**
 * Locale formatting through Intl. The digits are fixed to the ledger's exponent (CLDR sometimes
 * shows fewer, e.g. for cash), and the value is handed to Intl as a decimal string, which Intl
 * formats exactly — a number would be rounded to a double first.
 */
export function formatAmount(minor: number, currency: string, locale: string, options: FormatOptions = {}): string {
  const exponent = exponentOf(currency);
  const key = `${locale}|${currency}|${options.currencyDisplay ?? ''}|${options.signDisplay ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
      currencyDisplay: options.currencyDisplay ?? 'symbol',
      signDisplay: options.signDisplay ?? 'auto',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(toDecimalString(minor, currency) as Intl.StringNumericLiteral);
}

/** A user-entered exchange rate as an exact fraction numerator / 10^scale; must be > 0. */
export function parseRate(text: string): { numerator: bigint; scale: number } {
  const match = RATE_PATTERN.exec(normalizeAmountText(text));
  if (!match || text.length > MAX_AMOUNT_TEXT) throw new DomainError('invalid_input', 'errors.rate_invalid', { rate: text.slice(0, MAX_AMOUNT_TEXT) });
  const fraction = match[2] ?? '';
  const numerator = BigInt((match[1] ?? '0') + fraction);
  if (numerator === 0n) throw new DomainError('invalid_input', 'errors.rate_invalid', { rate: text });
  return { numerator, scale: fraction.length };
}

/** Integer division rounding half to even (banker's rounding), so repeated conversions do not drift upward. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // same sign as numerator
  if (remainder === 0n) return quotient;
  const step = numerator < 0n ? -1n : 1n;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice > denominator) return quotient + step;
  if (twice < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : quotient + step;
}

/**
 * Converts `minor` units of `from` into minor units of `to`, where `rate` is how many units of
 * `to` one unit of `from` buys (e.g. USD→CNY '7.1234'). Exact rational arithmetic, then one
 * half-even rounding at the end.
 */
export function convert(minor: number, from: string, to: string, rate: string): number {
  const fromExponent = exponentOf(from);
  const toExponent = exponentOf(to);
  assertMinor(minor);
  const { numerator, scale } = parseRate(rate);
  const scaledUp = BigInt(minor) * numerator * 10n ** BigInt(toExponent);
  const scaledDown = 10n ** BigInt(scale + fromExponent);
  return toSafeNumber(divideHalfEven(scaledUp, scaledDown));
}

/**
 * Amount cells as statements write them → signed integer minor units (a decimal string). The text is
 * normalized here (full-width digits, currency symbols and codes, parenthesised negatives, trailing
 * minus, thousands separators, decimal comma) and the digits are then read by shared/money.ts's
 * parseAmount, so no amount ever passes through a float and extra precision is refused, not rounded.
 */
import { parseAmount } from '../../../shared/money';
import { isDomainError } from '../../../shared/errors';
import { currencyExponent } from '../../../shared/currencies';

export type DecimalMark = '.' | ',';

export type AmountResult = { ok: true; minor: string } | { ok: false; messageKey: string };

/** Longer cells are not amounts; checked before any regular expression runs. */
const MAX_AMOUNT_CELL = 64;

const CURRENCY_AT_START = /^(?:[¥$€£]|CNY|RMB|USD|EUR|GBP|HKD|JPY|元)\s*/i;
const CURRENCY_AT_END = /\s*(?:[¥$€£]|CNY|RMB|USD|EUR|GBP|HKD|JPY|元)$/i;
/** Spaces people and banks put between digit groups: space, no-break, narrow no-break, thin; and the Swiss apostrophe. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009']/g;

const POINT_DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?$/;
const COMMA_DECIMAL = /^(?:\d{1,3}(?:\.\d{3})+|\d*)(?:,\d*)?$/;
const SPACE_GROUPED = /^\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3})+(?:[.,]\d*)?$/;

function stripCurrency(text: string): string {
  let previous;
  let current = text;
  do {
    previous = current;
    current = current.replace(CURRENCY_AT_START, '').replace(CURRENCY_AT_END, '').trim();
  } while (current !== previous);
  return current;
}

interface SignedDigits {
  negative: boolean;
  body: string;
}

/** Peels signs, parentheses and currency marks off in any order ("-¥12", "¥-12", "(12.00)", "12.00-", "¥(3)"). */
function peel(text: string): SignedDigits | null {
  let body = stripCurrency(text);
  let negative = false;
  for (let round = 0; round < 4; round++) {
    if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1).trim();
    else if (body.startsWith('-') || body.endsWith('-')) body = body.startsWith('-') ? body.slice(1) : body.slice(0, -1);
    else if (body.startsWith('+')) {
      body = body.slice(1);
      continue;
    } else break;
    if (negative) return null; // two negations ("-(12)") are a typo, not a positive amount
    negative = true;
    body = stripCurrency(body.trim());
  }
  return { negative, body: stripCurrency(body) };
}

/** The decimal mark one value implies on its own, for files without a declared one. */
function impliedDecimal(body: string): DecimalMark {
  const lastPoint = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastPoint >= 0 && lastComma >= 0) return lastComma > lastPoint ? ',' : '.';
  if (lastComma >= 0) return /^\d{1,3}(?:,\d{3})+$/.test(body) ? '.' : ',';
  if (lastPoint >= 0 && /^\d{1,3}(?:\.\d{3}){2,}$/.test(body)) return ',';
  return '.';
}

/** Canonical '1234.56' text or null when the digits do not form an amount. */
function canonicalDigits(body: string, decimal: DecimalMark | 'auto'): string | null {
  let text = body;
  if (/[ \u00a0\u202f\u2009']/.test(text)) {
    if (!SPACE_GROUPED.test(text)) return null;
    text = text.replace(GROUP_SPACES, '');
  }
  const mark = decimal === 'auto' ? impliedDecimal(text) : decimal;
  if (mark === '.') return POINT_DECIMAL.test(text) ? text.replace(/,/g, '') : null;
  return COMMA_DECIMAL.test(text) ? text.replace(/\./g, '').replace(',', '.') : null;
}

/**
 * Full-width digits and signs (typed with a Chinese IME) → ASCII, the Unicode minus → '-', trimmed.
 * NFKC only for cells with non-ASCII characters: it is costly per cell and rarely needed.
 */
export function normalizeCell(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text.trim();
  return text.normalize('NFKC').replace(/\u2212/g, '-').trim();
}

/**
 * "-12.34", "1200", "0.5": ASCII digits with at most a leading minus and one decimal point, which
 * is how most cells of a big statement are written. They mean what parseAmount reads, so they skip
 * the peeling (tests/import/parse-units.test.ts holds both paths to the same answers).
 */
const PLAIN_AMOUNT = /^-?\d{1,20}(?:\.\d{1,20})?$/;

function isPlain(text: string, decimal: DecimalMark | 'auto'): boolean {
  // Under a decimal comma a point groups thousands: "1.000" is a thousand, not one.
  return PLAIN_AMOUNT.test(text) && (decimal !== ',' || !text.includes('.'));
}

export function readAmount(text: string, options: { decimal: DecimalMark | 'auto'; currency: string }): AmountResult {
  if (text.length > MAX_AMOUNT_CELL) return { ok: false, messageKey: 'errors.import.amount_invalid' };
  return isPlain(text, options.decimal) ? plainMinorUnits(text, options.currency) : readWrittenAmount(text, options);
}

/**
 * A plain cell's minor units without BigInt: the digits (fraction padded to the currency's
 * exponent) are one integer, exact as a double up to 2^53 - 1, and any larger one rounds to 2^53 or
 * beyond, which isSafeInteger refuses. Same refusals, in the same order, as parseAmount.
 */
function plainMinorUnits(text: string, currency: string): AmountResult {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return { ok: false, messageKey: 'errors.import.currency_unknown' };
  const negative = text.charCodeAt(0) === 45; // '-'
  const point = text.indexOf('.');
  const whole = text.slice(negative ? 1 : 0, point < 0 ? text.length : point);
  let fraction = point < 0 ? '' : text.slice(point + 1);
  if (fraction.length > exponent) {
    if (/[1-9]/.test(fraction.slice(exponent))) return { ok: false, messageKey: 'errors.import.amount_precision' };
    fraction = fraction.slice(0, exponent);
  }
  const magnitude = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(magnitude)) return { ok: false, messageKey: 'errors.import.amount_too_large' };
  return { ok: true, minor: String(negative && magnitude !== 0 ? -magnitude : magnitude) };
}

/** The general reader: signs, brackets, currency marks, separators and decimal commas peeled off first. */
export function readWrittenAmount(text: string, options: { decimal: DecimalMark | 'auto'; currency: string }): AmountResult {
  if (text.length > MAX_AMOUNT_CELL) return { ok: false, messageKey: 'errors.import.amount_invalid' };
  const peeled = peel(normalizeCell(text));
  const digits = peeled ? canonicalDigits(peeled.body, options.decimal) : null;
  if (!peeled || digits === null || !/\d/.test(digits)) return { ok: false, messageKey: 'errors.import.amount_invalid' };
  return minorUnits((peeled.negative ? '-' : '') + digits, options.currency);
}

/** Canonical decimal text ('-1234.5') → minor units, or the translated reason it is not an amount. */
function minorUnits(decimal: string, currency: string): AmountResult {
  try {
    const minor = parseAmount(decimal, currency);
    return { ok: true, minor: String(minor) };
  } catch (error) {
    if (isDomainError(error) && error.messageKey === 'errors.amount_precision') return { ok: false, messageKey: 'errors.import.amount_precision' };
    if (isDomainError(error) && error.messageKey === 'errors.amount_too_large') return { ok: false, messageKey: 'errors.import.amount_too_large' };
    if (isDomainError(error) && error.messageKey === 'errors.currency_unknown') return { ok: false, messageKey: 'errors.import.currency_unknown' };
    return { ok: false, messageKey: 'errors.import.amount_invalid' };
  }
}

/**
 * The decimal mark of a whole column: a comma followed by one or two digits at the end of any value
 * ("12,50") with no value ending in point + one or two digits means a decimal comma.
 */
export function detectDecimalMark(values: readonly string[]): DecimalMark {
  let commaEvidence = false;
  for (const value of values) {
    const body = isPlain(value, 'auto') ? value : value.length <= MAX_AMOUNT_CELL ? peel(normalizeCell(value))?.body : undefined;
    if (body === undefined) continue;
    // One value with a decimal point settles it, whatever else the column holds.
    if (/\.\d{1,2}$/.test(body) || /,\d{3}\.\d*$/.test(body)) return '.';
    if (/,\d{1,2}$/.test(body) || /\.\d{3},\d*$/.test(body)) commaEvidence = true;
  }
  return commaEvidence ? ',' : '.';
}

/** Negates a minor-unit decimal string ('-0' never appears). */
export function negateMinor(minor: string): string {
  if (minor === '0') return minor;
  return minor.startsWith('-') ? minor.slice(1) : `-${minor}`;
}

export function absMinor(minor: string): string {
  return minor.startsWith('-') ? minor.slice(1) : minor;
}

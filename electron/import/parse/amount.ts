/**
 * Amount cells as statements write them → signed integer minor units (a decimal string). The text is
 * normalized here (full-width digits, currency symbols and codes, parenthesised negatives, trailing
 * minus, thousands separators, decimal comma) and the digits are then read by shared/money.ts's
 * parseAmount, so no amount ever passes through a float and extra precision is refused, not rounded.
 */
import { parseAmount } from '../../../shared/money';
import { isDomainError } from '../../../shared/errors';

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

export function readAmount(text: string, options: { decimal: DecimalMark | 'auto'; currency: string }): AmountResult {
  if (text.length > MAX_AMOUNT_CELL) return { ok: false, messageKey: 'errors.import.amount_invalid' };
  const peeled = peel(normalizeCell(text));
  const digits = peeled ? canonicalDigits(peeled.body, options.decimal) : null;
  if (!peeled || digits === null || !/\d/.test(digits)) return { ok: false, messageKey: 'errors.import.amount_invalid' };
  try {
    const minor = parseAmount((peeled.negative ? '-' : '') + digits, options.currency);
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
  let commaEvidence = 0;
  let pointEvidence = 0;
  for (const value of values) {
    const peeled = value.length <= MAX_AMOUNT_CELL ? peel(normalizeCell(value)) : null;
    if (!peeled) continue;
    if (/,\d{1,2}$/.test(peeled.body) || /\.\d{3},\d*$/.test(peeled.body)) commaEvidence++;
    if (/\.\d{1,2}$/.test(peeled.body) || /,\d{3}\.\d*$/.test(peeled.body)) pointEvidence++;
  }
  return commaEvidence > 0 && pointEvidence === 0 ? ',' : '.';
}

/** Negates a minor-unit decimal string ('-0' never appears). */
export function negateMinor(minor: string): string {
  if (minor === '0') return minor;
  return minor.startsWith('-') ? minor.slice(1) : `-${minor}`;
}

export function absMinor(minor: string): string {
  return minor.startsWith('-') ? minor.slice(1) : minor;
}

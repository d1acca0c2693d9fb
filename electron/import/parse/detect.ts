/**
 * The one entry point: bytes of a statement file → ParsedStatement. Detects the format (OFX header
 * or <OFX>, QIF's `!Type:`, the XLSX zip signature, Alipay's and WeChat Pay's header names after
 * decoding, else a generic CSV) and the encoding, then runs that format's parser. It never throws:
 * every problem, even an unexpected one, comes back as a located ImportIssue, and nothing here
 * touches the disk or the ledger.
 */
import {
  MAX_STATEMENT_BYTES,
  MAX_STATEMENT_ROWS,
  STATEMENT_FORMATS,
  type DateOrder,
  type ParsedStatement,
  type StatementFormat,
} from '../statement';
import type { StatementBody, ParserContext } from './body';
import { parseAlipay } from './alipay';
import { parseCsv, type CsvMappingInput } from './csv';
import { parseOfx } from './ofx';
import { parseQif } from './qif';
import { parseWechatCsv, parseWechatRows } from './wechat';
import { readWorkbook } from './xlsx';
import { decodeBytes, type DecodedText } from './decode';
import { importIssue, StatementAbort } from './issues';
import { currencyExponent } from '../../../shared/currencies';

export interface ParseOptions {
  fileName?: string;
  format?: 'auto' | StatementFormat;
  /** Encoding chosen by the user; wins over detection. */
  encoding?: string;
  /** Column mapping for generic CSV files (detected from the header when absent). */
  mapping?: CsvMappingInput;
  /** QIF day/month order when the user overrides the detected one. */
  dateOrder?: DateOrder;
  /** Currency of the target account (minor-unit exponent of rows without their own); CNY by default. */
  currency?: string;
  /** Lower caps for tests; the defaults are MAX_STATEMENT_BYTES and MAX_STATEMENT_ROWS. */
  maxBytes?: number;
  maxRows?: number;
}

export interface DetectedFormat {
  format: StatementFormat;
  encoding: string;
}

const SNIFF_CHARS = 64 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The charset an OFX v1 header or an XML declaration names, read from the ASCII start of the file. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  const charset = /^\s*CHARSET\s*:\s*([A-Za-z0-9_-]+)/m.exec(head)?.[1];
  if (charset && charset.toUpperCase() !== 'NONE') return /^\d+$/.test(charset) ? `windows-${charset}` : charset;
  const encoding = /^\s*ENCODING\s*:\s*UTF-?8/im.test(head) ? 'utf-8' : /<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/i.exec(head)?.[1];
  return encoding;
}

const WECHAT_MARKERS = ['微信支付账单明细', '交易单号', '商户单号', '当前状态'];
const ALIPAY_MARKERS = ['交易订单号', '收/付款方式', '交易创建时间', '交易号'];

/** The format the text looks like. */
export function sniffFormat(text: string, fileName = ''): StatementFormat {
  const head = text.slice(0, SNIFF_CHARS);
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (/OFXHEADER\s*:|<OFX>/i.test(head)) return 'ofx';
  if (/^\s*!(?:Type|Account|Option|Clear)/i.test(head) || (extension === 'qif' && /^\s*[!DT^]/.test(head))) return 'qif';
  const folded = head.normalize('NFKC');
  if (head.includes('微信支付账单明细') || WECHAT_MARKERS.slice(1).every((marker) => folded.includes(marker))) return 'wechat';
  if ((folded.includes('收/支') && ALIPAY_MARKERS.some((marker) => folded.includes(marker))) || head.includes('支付宝')) return 'alipay';
  if (extension === 'ofx' || extension === 'qfx') return 'ofx';
  if (extension === 'qif') return 'qif';
  return 'csv';
}

function decodeFor(bytes: Uint8Array, options: ParseOptions): DecodedText {
  return decodeBytes(bytes, { override: options.encoding, hint: declaredCharset(bytes) });
}

export function detectFormat(bytes: Uint8Array, fileName = '', encoding?: string): DetectedFormat {
  if (isZip(bytes)) return { format: 'wechat', encoding: 'binary' };
  try {
    const decoded = decodeFor(bytes, { encoding });
    return { format: sniffFormat(decoded.text, fileName), encoding: decoded.encoding };
  } catch (error) {
    if (error instanceof StatementAbort) return { format: 'csv', encoding: encoding ?? 'utf-8' };
    throw error;
  }
}

function emptyResult(format: StatementFormat, encoding: string, body: Partial<StatementBody>): ParsedStatement {
  return { format, encoding, accounts: [], skipped: [], errors: [], detected: {}, ...body };
}

/** What is known so far, so an abort still reports the format and encoding it happened in. */
interface Progress {
  format: StatementFormat;
  encoding: string;
}

async function parseKnown(bytes: Uint8Array, options: ParseOptions, requested: StatementFormat | undefined, context: ParserContext, progress: Progress): Promise<ParsedStatement> {
  if (isZip(bytes)) {
    // The only spreadsheet statement we know is WeChat Pay's XLSX export.
    if (requested && requested !== 'wechat') return emptyResult(requested, 'binary', { errors: [importIssue(0, 'errors.import.format_unsupported', {}, { format: 'XLSX' })] });
    progress.format = 'wechat';
    progress.encoding = 'binary';
    return { format: 'wechat', encoding: 'binary', ...parseWechatRows(await readWorkbook(bytes, context.maxRows), context) };
  }
  const decoded = decodeFor(bytes, options);
  const format = requested ?? sniffFormat(decoded.text, options.fileName);
  progress.format = format;
  progress.encoding = decoded.encoding;
  let body: StatementBody;
  switch (format) {
    case 'alipay':
      body = parseAlipay(decoded.text, context);
      break;
    case 'wechat':
      body = parseWechatCsv(decoded.text, context);
      break;
    case 'ofx':
      body = parseOfx(decoded.text, context);
      break;
    case 'qif':
      body = parseQif(decoded.text, context, options.dateOrder);
      break;
    case 'csv':
      body = parseCsv(decoded.text, context, options.mapping);
      break;
  }
  return { format, encoding: decoded.encoding, ...body };
}

export async function parseStatement(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedStatement> {
  const requested = options.format && options.format !== 'auto' ? options.format : undefined;
  const fallbackFormat = requested ?? 'csv';
  if (requested && !STATEMENT_FORMATS.includes(requested)) {
    return emptyResult('csv', 'utf-8', { errors: [importIssue(0, 'errors.import.format_unknown', {}, { format: String(requested).slice(0, 20) })] });
  }
  const maxBytes = options.maxBytes ?? MAX_STATEMENT_BYTES;
  if (bytes.length > maxBytes) return emptyResult(fallbackFormat, 'binary', { errors: [importIssue(0, 'errors.import.too_large', {}, { max: maxBytes })] });
  if (bytes.length === 0) return emptyResult(fallbackFormat, 'utf-8', { errors: [importIssue(0, 'errors.import.empty')] });
  const currency = options.currency ?? 'CNY';
  if (currencyExponent(currency) === undefined) {
    return emptyResult(fallbackFormat, 'utf-8', { errors: [importIssue(0, 'errors.import.account_currency_unknown', {}, { currency: currency.slice(0, 20) })] });
  }
  const context: ParserContext = { currency, maxRows: options.maxRows ?? MAX_STATEMENT_ROWS };
  const progress: Progress = { format: fallbackFormat, encoding: options.encoding ?? 'utf-8' };
  try {
    return await parseKnown(bytes, options, requested, context, progress);
  } catch (error) {
    if (error instanceof StatementAbort) return emptyResult(progress.format, progress.encoding, { errors: [error.issue] });
    // A bug of ours, not the user's file: still a result the wizard can show, never a crash.
    return emptyResult(progress.format, progress.encoding, { errors: [importIssue(0, 'errors.import.internal', {}, { detail: String(error).slice(0, 200) })] });
  }
}

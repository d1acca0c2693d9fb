/**
 * OFX and QFX statements, v1 (SGML) and v2 (XML), through fast-xml-parser. A v1 file is turned
 * into XML by a small step: the header block goes, each leaf tag left open (`<TRNAMT>-4,50`) gets
 * its closing tag, HTML entities become characters and are escaped again for XML. The step keeps
 * every newline, so a line in the XML is the same line in the user's file; v2 passes through it
 * unchanged. Bank (BANKMSGSRSV1/STMTRS) and credit-card (CREDITCARDMSGSRSV1/CCSTMTRS) statements
 * are read, several per file, one StatementAccount each with LEDGERBAL as its ledger balance.
 * DTPOSTED's time-zone suffix ([-5:EST], [+8], [0:GMT]) says where the date was written; the
 * booking date is kept as written. TRNAMT may use a decimal comma.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportIssue, StatementAccount, StatementRow } from '../statement';
import { readAmount } from './amount';
import { calendarDate, clockTime, type DateTime } from './dates';
import { withoutEmpty, kindOfSigned, type ParserContext, type StatementBody } from './body';
import { abort, importIssue } from './issues';
import { currencyExponent } from '../../../shared/currencies';

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9_.]*)[^<>]*>|<[!?][^<>]*>|([^<]+)|</g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Token = { kind: 'open' | 'close'; name: string; raw: string } | { kind: 'text'; raw: string } | { kind: 'other'; raw: string };

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  for (const match of body.matchAll(TAG)) {
    if (match[2] !== undefined) tokens.push({ kind: match[1] ? 'close' : 'open', name: match[2].toUpperCase(), raw: match[0] });
    else if (match[3] !== undefined) tokens.push({ kind: 'text', raw: match[3] });
    else tokens.push({ kind: 'other', raw: match[0] });
  }
  return tokens;
}

/** Newlines of a skipped stretch, so the lines after it keep their numbers. */
function newlinesOf(text: string): string {
  return text.replace(/[^\n]/g, '');
}

/** OFX (v1 SGML or v2 XML) from `<OFX>` on → well-formed XML with the same line numbers. */
export function ofxToXml(text: string): string {
  const start = text.search(/<OFX>/i);
  if (start < 0) abort(0, 'errors.import.ofx_no_statement');
  const tokens = tokenize(text.slice(start));
  let xml = newlinesOf(text.slice(0, start));
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'open' || token.kind === 'close') {
      xml += token.kind === 'open' ? `<${token.name}>` : `</${token.name}>`;
      const next = tokens[index + 1];
      const after = tokens[index + 2];
      if (token.kind === 'open' && next?.kind === 'text' && next.raw.trim() !== '' && !(after?.kind === 'close' && after.name === token.name)) {
        // An SGML leaf: its value runs to the next tag; close it right after the value.
        xml += `${escapeXml(decodeEntities(next.raw.trim()))}</${token.name}>${newlinesOf(next.raw)}`;
        index++;
      }
    } else if (token.kind === 'text') xml += escapeXml(decodeEntities(token.raw));
    else xml += newlinesOf(token.raw);
  }
  return xml;
}

const ARRAYS = new Set(['STMTTRNRS', 'STMTRS', 'CCSTMTTRNRS', 'CCSTMTRS', 'STMTTRN']);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function node(value: unknown): Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? value.map(node) : value === undefined ? [] : [node(value)];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

const OFX_DATE = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.\d{1,6})?)?)?\s*(?:\[\s*[+-]?\d{1,2}(?:\.\d{1,2})?\s*(?::\s*[A-Za-z]{1,6}\s*)?\])?$/;

export function parseOfxDate(value: string): DateTime | null {
  const match = OFX_DATE.exec(value.trim());
  if (!match) return null;
  const date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date) return null;
  if (match[4] === undefined) return { date };
  const time = clockTime(match[4], match[5], match[6]);
  return time ? { date, time } : null;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function linesOf(xml: string, starts: readonly number[], pattern: RegExp): number[] {
  return Array.from(xml.matchAll(pattern), (match) => lineAt(starts, match.index));
}

interface Statement {
  node: Node;
  line: number;
  type: 'bank' | 'credit';
}

function currencyOf(value: string): string | undefined {
  const code = value.toUpperCase();
  return currencyExponent(code) === undefined ? undefined : code;
}

export function parseOfx(source: string, context: ParserContext): StatementBody {
  const xml = ofxToXml(source.replace(/\r\n?/g, '\n'));
  const valid = XMLValidator.validate(xml);
  if (valid !== true) abort(valid.err.line, 'errors.import.ofx_invalid');
  let document: Node;
  try {
    document = node(node(parser.parse(xml)).OFX);
  } catch {
    abort(0, 'errors.import.ofx_invalid');
  }
  const starts = lineStarts(xml);
  const bankLines = linesOf(xml, starts, /<STMTRS>/g);
  const creditLines = linesOf(xml, starts, /<CCSTMTRS>/g);
  const statements: Statement[] = [
    ...list(node(document.BANKMSGSRSV1).STMTTRNRS)
      .flatMap((wrapper) => list(wrapper.STMTRS))
      .map((statement, index) => ({ node: statement, line: bankLines[index] ?? 0, type: 'bank' as const })),
    ...list(node(document.CREDITCARDMSGSRSV1).CCSTMTTRNRS)
      .flatMap((wrapper) => list(wrapper.CCSTMTRS))
      .map((statement, index) => ({ node: statement, line: creditLines[index] ?? 0, type: 'credit' as const })),
  ].sort((a, b) => a.line - b.line);
  if (statements.length === 0) abort(0, 'errors.import.ofx_no_statement');

  const transactionLines = linesOf(xml, starts, /<STMTTRN>/g);
  let nextTransaction = 0;
  const errors: ImportIssue[] = [];
  const accounts: StatementAccount[] = [];
  let rowCount = 0;
  for (const statement of statements) {
    const currency = currencyOf(text(statement.node.CURDEF));
    const from = node(statement.type === 'bank' ? statement.node.BANKACCTFROM : statement.node.CCACCTFROM);
    const rows: StatementRow[] = [];
    for (const transaction of list(node(statement.node.BANKTRANLIST).STMTTRN)) {
      const line = transactionLines[nextTransaction++] ?? statement.line;
      if (++rowCount > context.maxRows) abort(0, 'errors.import.too_many_rows', { max: context.maxRows });
      const row = readTransaction(transaction, line, currency ?? context.currency, errors);
      if (row) rows.push(row);
    }
    const account: StatementAccount = withoutEmpty<StatementAccount>({ id: text(from.ACCTID), type: statement.type, currency, rows });
    const balance = node(statement.node.LEDGERBAL);
    const balanceDate = parseOfxDate(text(balance.DTASOF));
    const balanceAmount = readAmount(text(balance.BALAMT), { decimal: text(balance.BALAMT).includes('.') ? 'auto' : ',', currency: currency ?? context.currency });
    if (balanceDate && balanceAmount.ok) account.ledgerBalance = { amountMinor: balanceAmount.minor, date: balanceDate.date };
    accounts.push(account);
  }
  return { accounts, skipped: [], errors, detected: { variant: /^\s*<\?xml|<\?OFX/i.test(source.slice(0, 1024)) ? 'v2' : 'v1' } };
}

function readTransaction(transaction: Node, line: number, accountCurrency: string, errors: ImportIssue[]): StatementRow | null {
  const posted = text(transaction.DTPOSTED) || text(transaction.DTUSER);
  const dated = parseOfxDate(posted);
  if (!dated) {
    errors.push(importIssue(line, 'errors.import.date_invalid', { column: 'DTPOSTED', value: posted }));
    return null;
  }
  // <CURRENCY> means the amount is in that currency; <ORIGCURRENCY> only tells where it came from.
  const rowCurrency = currencyOf(text(node(transaction.CURRENCY).CURSYM));
  const amountText = text(transaction.TRNAMT);
  const amount = readAmount(amountText, { decimal: amountText.includes('.') ? 'auto' : ',', currency: rowCurrency ?? accountCurrency });
  if (!amount.ok) {
    errors.push(importIssue(line, amountText === '' ? 'errors.import.amount_missing' : amount.messageKey, { column: 'TRNAMT', value: amountText }));
    return null;
  }
  return withoutEmpty<StatementRow>({
    line,
    date: dated.date,
    time: dated.time,
    amountMinor: amount.minor,
    currency: rowCurrency,
    payee: text(transaction.NAME) || text(node(transaction.PAYEE).NAME),
    note: text(transaction.MEMO),
    externalId: text(transaction.FITID),
    kind: kindOfSigned(amount.minor),
  });
}

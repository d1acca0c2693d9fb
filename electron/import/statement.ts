/**
 * The one normalized shape every statement parser returns (CSV, OFX v1/v2, QIF, Alipay and WeChat Pay
 * bills). The planner, the de-duplication and the batch write only ever see this type; a parser's
 * quirks end here.
 *
 * Conventions, kept stable because the import flow, its tests and stored mappings depend on them:
 * - Money is a signed integer number of minor units of the row's currency (or the account's), written
 *   as a decimal string ('-1234' is 12.34 out of a CNY account). It is never a float: parsers read the
 *   source text digit by digit through shared/money.ts.
 * - Sign: negative = money out of the account, positive = money in. Neutral rows keep the source's
 *   sign where the source has one (OFX, QIF transfers, CSV); Alipay's 不计收支 and WeChat's `/` rows do
 *   not say which way the money went, so they carry the unsigned amount and the user decides (a
 *   transfer to a chosen account, or left out) — never silently counted as income or expense.
 * - Refunds are positive (money back) with kind 'refund' and, where the source links them, refundOf
 *   set to the external id of the original payment.
 * - `date` is the booking date exactly as the statement states it (a calendar date, no time zone
 *   conversion: OFX's `[+8:CST]` tells where the date was written, not a reason to move it).
 * - `line` is the 1-based line (text formats) or row (XLSX) of the source where the row starts; an
 *   issue about the file as a whole has line 0.
 * - Every problem is an ImportIssue with a translation key under `errors.import.*` (shared/i18n/import.ts);
 *   its params always include `line`, and `column`/`value` when the issue is about one cell, so the
 *   message can say "Row 14, column 金额: “12,3x” is not an amount".
 * - Rows that are deliberately not imported (Alipay 交易关闭, footers, unsupported QIF sections) are in
 *   `skipped` with a reason key (`import.format.skip.*`), not in `errors`.
 */

export const STATEMENT_FORMATS = ['csv', 'ofx', 'qif', 'alipay', 'wechat'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export type StatementRowKind = 'expense' | 'income' | 'neutral' | 'refund';

export interface StatementSplit {
  /** Signed minor units, same sign convention as the row. */
  amountMinor: string;
  category?: string;
  /** A QIF split may name a transfer account (`S[Savings]`). */
  transferAccount?: string;
  memo?: string;
}

export interface StatementRow {
  /** 1-based source line (or XLSX row) where this row starts. */
  line: number;
  /** Booking date, YYYY-MM-DD. */
  date: string;
  /** HH:mm:ss when the source gives a time. */
  time?: string;
  /** Signed integer minor units as a decimal string; negative = money out. */
  amountMinor: string;
  /** ISO 4217 code when the source names one for this row (otherwise the account's currency). */
  currency?: string;
  payee?: string;
  note?: string;
  category?: string;
  /** The source's own id of the transaction (OFX FITID, Alipay 交易订单号, WeChat 交易单号, a mapped column). */
  externalId?: string;
  kind: StatementRowKind;
  /** External id of the original payment a refund belongs to. */
  refundOf?: string;
  /** Fee charged on top, unsigned minor units (WeChat 零钱提现 服务费, Alipay 服务费). */
  fee?: string;
  /** The payment method column (收/付款方式, 支付方式), which the user may map to a wallet account. */
  paymentMethod?: string;
  /** QIF `L[Account]`: the other side of a transfer. */
  transferAccount?: string;
  splits?: StatementSplit[];
}

export interface StatementAccount {
  /** OFX ACCTID. */
  id?: string;
  type?: 'bank' | 'credit' | 'cash';
  currency?: string;
  /** OFX LEDGERBAL, offered as a reconcile target. */
  ledgerBalance?: { amountMinor: string; date: string };
  rows: StatementRow[];
}

export interface ImportIssue {
  /** 1-based line, 0 for the whole file. */
  line: number;
  column?: string;
  value?: string;
  /** Translation key under `errors.import.*`. */
  messageKey: string;
  /** Interpolation values; always has `line`, and `column`/`value` when set above. */
  params: Record<string, string | number>;
}

export interface SkippedLine {
  line: number;
  /** Translation key under `import.format.skip.*`. */
  reason: string;
}

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'YYYY.MM.DD',
  'YYYYMMDD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type DateOrder = 'dmy' | 'mdy';

/** What the parser found out about the file, shown (and overridable) in the wizard. */
export interface StatementDetection {
  delimiter?: string;
  dateFormat?: DateFormat;
  /** Other date formats that fit every value equally well (the user should confirm the choice). */
  dateFormatAlternatives?: DateFormat[];
  /** QIF day/month order and whether the values left it open. */
  dateOrder?: DateOrder;
  dateOrderAmbiguous?: boolean;
  decimal?: '.' | ',';
  /** 1-based line of the header row (CSV, Alipay, WeChat). */
  headerLine?: number;
  header?: string[];
  /** Alipay / WeChat export generation. */
  variant?: string;
}

export interface ParsedStatement {
  format: StatementFormat;
  /** The encoding the text was read with (iconv-lite name, e.g. 'utf-8', 'gb18030', 'windows-1252', 'utf-16le'; 'binary' for XLSX). */
  encoding: string;
  accounts: StatementAccount[];
  skipped: SkippedLine[];
  errors: ImportIssue[];
  detected: StatementDetection;
}

/** Files larger than this are refused before any parsing (a year of statements is a few MiB). */
export const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;
/** Rows per file; a larger file is refused with a clear error rather than parsed for minutes. */
export const MAX_STATEMENT_ROWS = 500_000;

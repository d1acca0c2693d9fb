/**
 * Wire shapes of statement import (contract methods `import/*`): what the wizard and the CLI see of
 * a detected file, a planned import, a committed batch and the import history. Amounts are integer
 * minor units of the row's account currency. The engine's own types live in electron/import/.
 */
import { z } from 'zod';

export const IMPORT_FORMATS = ['csv', 'ofx', 'qif', 'alipay', 'wechat'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);

/** Largest statement file the page may upload in browser mode (base64 grows it by 4/3 under the 8 MiB transport cap). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A file: a path the engine reads (Electron, CLI) or the bytes the page read (browser mode). */
export const ImportSource = z.union([
  z.object({ path: z.string().trim().min(1).max(4096) }).strict(),
  z.object({ fileName: z.string().min(1).max(255), base64: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4) }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSource>;

/** A CSV column mapping as JSON (validated by the engine's parser schema, so its errors are located). */
export const MappingJson = z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()]));

export const ImportIssueView = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportIssueView = z.infer<typeof ImportIssueView>;

export const SampleRow = z.object({
  line: z.number().int(),
  date: z.string(),
  amountMinor: z.string(),
  currency: z.string().nullable(),
  payee: z.string(),
  note: z.string(),
  kind: z.enum(['expense', 'income', 'neutral', 'refund']),
  externalId: z.string().nullable(),
  paymentMethod: z.string().nullable(),
});

export const DetectResult = z.object({
  format: ImportFormat,
  encoding: z.string(),
  detected: z.record(z.string(), z.unknown()),
  /** For CSV files: the mapping saved for this account, else one guessed from the header. */
  mapping: MappingJson.nullable(),
  mappingSaved: z.boolean(),
  /** The accounts a statement holds (OFX may hold several: choose one with `statementAccount`, its index here). */
  statementAccounts: z.array(
    z.object({
      id: z.string().nullable(),
      type: z.enum(['bank', 'credit', 'cash']).nullable(),
      currency: z.string().nullable(),
      rows: z.number().int(),
      ledgerBalanceMinor: z.string().nullable(),
    }),
  ),
  sample: z.array(SampleRow),
  errors: z.array(ImportIssueView),
  errorCount: z.number().int(),
  paymentMethods: z.array(z.string()),
});
export type DetectResult = z.infer<typeof DetectResult>;

export const ROW_STATUSES = ['new', 'duplicate', 'possible_duplicate', 'error', 'skipped'] as const;

export const PlannedRowView = z.object({
  index: z.number().int(),
  line: z.number().int(),
  date: z.string(),
  amountMinor: z.number().int(),
  payee: z.string(),
  note: z.string(),
  externalId: z.string().nullable(),
  kind: z.enum(['expense', 'income', 'neutral', 'refund']),
  /** The statement's category text ('' when it has none). */
  category: z.string(),
  /** The wallet category the line is recorded with; null: uncategorized (or a transfer). */
  categoryId: z.string().nullable(),
  /** QIF `[Account]`: the statement's name of the transfer's other account. */
  transferAccount: z.string().nullable(),
  /** 1-based QIF split this line records (a split transaction is one line per split); null for a whole row. */
  split: z.number().int().nullable(),
  accountId: z.string(),
  counterAccountId: z.string().nullable(),
  status: z.enum(ROW_STATUSES),
  matchId: z.string().nullable(),
  refundOfLine: z.number().int().nullable(),
  issue: z.object({ messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
  skipReason: z.string().nullable(),
});
export type PlannedRowView = z.infer<typeof PlannedRowView>;

export const ImportCounts = z.object({
  new: z.number().int(),
  duplicate: z.number().int(),
  possibleDuplicate: z.number().int(),
  skipped: z.number().int(),
  error: z.number().int(),
});

export const ImportPreview = z.object({
  planId: z.string(),
  format: ImportFormat,
  encoding: z.string(),
  counts: ImportCounts,
  totals: z.object({ incomeMinor: z.number().int(), expenseMinor: z.number().int(), transferInMinor: z.number().int(), transferOutMinor: z.number().int() }),
  balances: z.array(z.object({ accountId: z.string(), currency: z.string(), beforeMinor: z.number().int(), afterMinor: z.number().int() })),
  warnings: z.array(
    z.object({ accountId: z.string(), account: z.string(), currency: z.string(), balanceMinor: z.number().int(), floorMinor: z.number().int(), suggestedAdjustmentMinor: z.number().int() }),
  ),
  /** Parser issues (first 200) and their count. */
  errors: z.array(ImportIssueView),
  errorCount: z.number().int(),
  /** Each distinct statement category of the rows to record (first 200) and the wallet category it maps to (null: uncategorized). */
  categories: z.array(z.object({ text: z.string(), kind: z.enum(['expense', 'income', 'mixed']), rows: z.number().int(), categoryId: z.string().nullable() })),
  /** Each QIF transfer account name (first 200) and the wallet account it goes to (null: the rows need one). */
  transferAccounts: z.array(z.object({ name: z.string(), rows: z.number().int(), accountId: z.string().nullable() })),
  total: z.number().int(),
  rows: z.array(PlannedRowView),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRowsPage = z.object({ total: z.number().int(), rows: z.array(PlannedRowView) });

export const ImportCommitResult = z.object({
  batchId: z.string().nullable(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  possibleDuplicates: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  replayed: z.boolean(),
  /**
   * An OFX statement's closing balance (LEDGERBAL) beside the wallet's balance of that account on
   * the same date, after the import: what the wizard offers as a reconcile target (`statementAmount`
   * is the decimal text `ledger/reconcilePreview` takes). Null when the statement carries none.
   */
  statementBalance: z
    .object({
      accountId: z.string(),
      currency: z.string(),
      date: z.string(),
      statementMinor: z.number().int(),
      statementAmount: z.string(),
      walletMinor: z.number().int(),
      /** Statement minus wallet. */
      differenceMinor: z.number().int(),
    })
    .nullable(),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResult>;

export const ImportBatchView = z.object({
  batchId: z.string(),
  accountId: z.string(),
  account: z.string(),
  format: z.string(),
  fileName: z.string(),
  encoding: z.string(),
  rows: z.number().int(),
  at: z.string(),
  undone: z.boolean(),
  undoneAt: z.string().nullable(),
});
export type ImportBatchView = z.infer<typeof ImportBatchView>;

export const NeutralChoice = z.union([
  z.object({ mode: z.literal('omit') }).strict(),
  z.object({ mode: z.literal('transfer'), accountId: z.string().min(1).max(64), direction: z.enum(['in', 'out']).optional() }).strict(),
]);

/** A remembered / `--mapping` category map: statement category text → wallet category id (null: uncategorized). */
export const CategoryMap = z.record(z.string().max(200), z.string().min(1).max(64).nullable());
export type CategoryMap = z.infer<typeof CategoryMap>;

export const PreviewInput = z
  .object({
    source: ImportSource,
    accountId: z.string().min(1).max(64),
    format: z.enum(['auto', ...IMPORT_FORMATS]).optional(),
    encoding: z.string().max(40).optional(),
    mapping: MappingJson.optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    statementAccount: z.number().int().min(0).max(100).optional(),
    windowDays: z.number().int().min(0).max(30).optional(),
    neutral: NeutralChoice.optional(),
    paymentMethods: z.record(z.string().max(200), z.string().min(1).max(64)).optional(),
    /** Statement category text → wallet category id, null for "leave uncategorized"; unlisted texts are matched by name. */
    categories: CategoryMap.optional(),
    /** QIF `[Account]` name → wallet account id; unlisted names go to the account of that name. */
    transferAccounts: z.record(z.string().max(200), z.string().min(1).max(64)).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type PreviewInput = z.infer<typeof PreviewInput>;

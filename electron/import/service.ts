/**
 * Statement import for one open wallet, shared by the engine capability and the CLI: detect a
 * file, plan it against the wallet (preview), commit a plan as one batch, list, undo and restore
 * batches. Parsing is electron/import/parse (pure), planning plan.ts (pure), writing the ledger's
 * executeBatch (one durable commit); this file only wires them and shapes the answers.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import type { DetectResult, ImportBatchView, ImportCommitResult, ImportIssueView, PlannedRowView } from '../../shared/import-views';
import type { Ledger, LedgerProjection } from '../ledger';
import { decideBatchUndo, decideImportBatchSteps } from '../ledger/decide-import';
import type { BatchProgress } from '../ledger/ledger';
import { PARSE_WORKER_MIN_BYTES, parseStatementOffLoop } from './parse-off-loop';
import { readAheadExternalIds, takeReadAhead } from './read-ahead';
import { suggestMapping, type CsvMappingInput } from './parse/csv';
import type { DateOrder, ImportIssue, ParsedStatement, StatementFormat } from './statement';
import { planAccounts, walletLines } from './existing';
import { statementBalance } from './statement-balance';
import { runCooperative } from '../vault/cooperative';
import type { WalletCategory } from './categories';
import { isImported, planImportSteps, summarize, type ImportPlan, type NeutralChoice, type PlannedRow } from './plan';

export interface ImportWallet {
  ledger: Ledger;
  projection: LedgerProjection;
}

export interface ParseChoices {
  format?: 'auto' | StatementFormat;
  encoding?: string;
  mapping?: Record<string, unknown>;
  dateOrder?: DateOrder;
}

export interface PlanChoices extends ParseChoices {
  accountId: string;
  statementAccount?: number;
  windowDays?: number;
  neutral?: NeutralChoice;
  paymentMethods?: Record<string, string>;
  /** Statement category text → wallet category id (null: leave uncategorized); unlisted texts are matched (categories.ts). */
  categories?: Record<string, string | null>;
  /** QIF `[Account]` name → wallet account id; unlisted names are matched by account name. */
  transferAccounts?: Record<string, string>;
}

export interface StoredPlan {
  id: string;
  fileName: string;
  statement: ParsedStatement;
  choices: PlanChoices;
  plan: ImportPlan;
  /** The projection's last seq the plan was made against: a later commit re-plans if it moved. */
  seq: number;
}

const ISSUES_SHOWN = 200;
const SAMPLE_ROWS = 20;
/** Distinct statement categories / transfer accounts listed for mapping. */
const MAPPED_SHOWN = 200;

export function issueView(issue: ImportIssue): ImportIssueView {
  return { line: issue.line, column: issue.column ?? null, value: issue.value ?? null, messageKey: issue.messageKey, params: issue.params };
}

export function rowView(row: PlannedRow): PlannedRowView {
  return {
    index: row.index,
    line: row.line,
    date: row.date,
    amountMinor: row.amountMinor,
    payee: row.payee,
    note: row.note,
    externalId: row.externalId,
    kind: row.sourceKind,
    category: row.category,
    categoryId: row.categoryId,
    transferAccount: row.transferAccount,
    split: row.split,
    accountId: row.accountId,
    counterAccountId: row.counterAccountId,
    status: row.status,
    matchId: row.matchId,
    refundOfLine: row.refundOfLine,
    issue: row.issue,
    skipReason: row.skipReason,
  };
}

function requireAccount(p: LedgerProjection, accountId: string) {
  const account = p.account(accountId);
  if (!account) throw new DomainError('not_found', 'errors.account_not_found', { accountId });
  return account;
}

export async function parseFor(p: LedgerProjection, bytes: Uint8Array, fileName: string, accountId: string | null, choices: ParseChoices): Promise<ParsedStatement> {
  const currency = accountId ? requireAccount(p, accountId).currency : 'CNY';
  // A big file is parsed in the worker: meanwhile the account's statement ids are read for the plan.
  if (accountId && bytes.length >= PARSE_WORKER_MIN_BYTES) readAheadExternalIds(p, accountId, bytes.length);
  return parseStatementOffLoop(bytes, {
    fileName,
    currency,
    ...(choices.format ? { format: choices.format } : {}),
    ...(choices.encoding ? { encoding: choices.encoding } : {}),
    ...(choices.mapping ? { mapping: choices.mapping as CsvMappingInput } : {}),
    ...(choices.dateOrder ? { dateOrder: choices.dateOrder } : {}),
  });
}

/** What the wizard shows after a file is chosen: format, encoding, mapping, the first rows as parsed. */
export async function detect(
  p: LedgerProjection,
  bytes: Uint8Array,
  fileName: string,
  accountId: string | null,
  choices: ParseChoices,
  savedMapping: Record<string, unknown> | null,
): Promise<DetectResult> {
  const mapping = choices.mapping ?? savedMapping ?? undefined;
  const statement = await parseFor(p, bytes, fileName, accountId, { ...choices, ...(mapping ? { mapping } : {}) });
  const header = statement.detected.header;
  const guessed = statement.format === 'csv' && header ? (suggestMapping(header) as Record<string, unknown>) : null;
  const rows = statement.accounts.flatMap((account) => account.rows);
  return {
    format: statement.format,
    encoding: statement.encoding,
    detected: { ...statement.detected },
    mapping: statement.format === 'csv' ? ((mapping ?? guessed) as DetectResult['mapping']) : null,
    mappingSaved: statement.format === 'csv' && !choices.mapping && savedMapping !== null,
    statementAccounts: statement.accounts.map((account) => ({
      id: account.id ?? null,
      type: account.type ?? null,
      currency: account.currency ?? null,
      rows: account.rows.length,
      ledgerBalanceMinor: account.ledgerBalance?.amountMinor ?? null,
    })),
    sample: rows.slice(0, SAMPLE_ROWS).map((row) => ({
      line: row.line,
      date: row.date,
      amountMinor: row.amountMinor,
      currency: row.currency ?? null,
      payee: row.payee ?? '',
      note: row.note ?? '',
      kind: row.kind,
      externalId: row.externalId ?? null,
      paymentMethod: row.paymentMethod ?? null,
    })),
    errors: statement.errors.slice(0, ISSUES_SHOWN).map(issueView),
    errorCount: statement.errors.length,
    paymentMethods: [...new Set(rows.map((row) => row.paymentMethod).filter((method): method is string => Boolean(method)))].slice(0, 100),
  };
}

/** Accounts a plan may write to: the statement's, the neutral-transfer account and mapped payment methods. */
function involvedAccounts(choices: PlanChoices): string[] {
  return [
    choices.accountId,
    ...(choices.neutral?.mode === 'transfer' ? [choices.neutral.accountId] : []),
    ...Object.values(choices.paymentMethods ?? {}),
    ...Object.values(choices.transferAccounts ?? {}),
  ];
}

/** The wallet's live categories, for matching a statement's category text. */
export function walletCategories(p: LedgerProjection): WalletCategory[] {
  return p.sql
    .all<{ id: string; name: string; kind: 'expense' | 'income'; parent_id: string | null }>('SELECT id, name, kind, parent_id FROM categories WHERE archived = 0 ORDER BY n')
    .map((row) => ({ id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id }));
}

async function makePlan(p: LedgerProjection, statement: ParsedStatement, choices: PlanChoices): Promise<ImportPlan> {
  const accounts = planAccounts(p);
  for (const id of involvedAccounts(choices)) if (!accounts.has(id)) throw new DomainError('not_found', 'errors.account_not_found', { accountId: id });
  const ahead = await takeReadAhead(p, choices.accountId);
  const existing = walletLines(p, involvedAccounts(choices), ahead ? { accountId: choices.accountId, lines: ahead } : undefined);
  return runCooperative(planImportSteps(statement, existing, {
    accountId: choices.accountId,
    accounts,
    ...(choices.statementAccount !== undefined ? { statementAccount: choices.statementAccount } : {}),
    ...(choices.windowDays !== undefined ? { windowDays: choices.windowDays } : {}),
    ...(choices.neutral ? { neutral: choices.neutral } : {}),
    ...(choices.paymentMethods ? { paymentMethods: choices.paymentMethods } : {}),
    ...(choices.transferAccounts ? { transferAccounts: choices.transferAccounts } : {}),
    categories: walletCategories(p),
    categoryChoices: choices.categories ?? {},
  }));
}

export async function preview(p: LedgerProjection, bytes: Uint8Array, fileName: string, choices: PlanChoices): Promise<StoredPlan> {
  requireAccount(p, choices.accountId);
  return previewParsed(p, await parseFor(p, bytes, fileName, choices.accountId, choices), fileName, choices);
}

/** `preview` of a statement already parsed (the CLI parses first to resolve --statement-account). */
export async function previewParsed(p: LedgerProjection, statement: ParsedStatement, fileName: string, choices: PlanChoices): Promise<StoredPlan> {
  requireAccount(p, choices.accountId);
  const chosen = choices.statementAccount;
  if (chosen !== undefined && statement.accounts.length > 0 && !(Number.isInteger(chosen) && chosen >= 0 && chosen < statement.accounts.length)) {
    throw new DomainError('invalid_input', 'errors.import.statement_account_unknown', { account: String(chosen), accounts: statementAccountList(statement) });
  }
  // The seq before planning: a line recorded while the plan runs (it yields between slices) makes the commit plan again.
  const seq = p.lastSeq();
  const plan = await makePlan(p, statement, choices);
  return { id: randomUUID(), fileName, statement, choices, plan, seq };
}

/** "1: 111-CHK (bank, USD, 3 rows), 2: …" — how a refusal names the accounts a statement holds. */
export function statementAccountList(statement: ParsedStatement): string {
  return statement.accounts.map((account, index) => `${index + 1}: ${account.id ?? '?'} (${[account.type, account.currency, `${account.rows.length}`].filter(Boolean).join(', ')})`).join('; ');
}

/**
 * Which account of a multi-account statement (OFX) the user means: its number (ACCTID, exactly or
 * its last four digits) or its position counted from 1. Undefined when nothing matches.
 */
export function findStatementAccount(statement: ParsedStatement, wanted: string): number | undefined {
  const text = wanted.trim();
  const byId = statement.accounts.findIndex((account) => account.id === text);
  if (byId >= 0) return byId;
  if (/^\d{4}$/.test(text)) {
    const byTail = statement.accounts.flatMap((account, index) => (account.id?.endsWith(text) ? [index] : []));
    if (byTail.length === 1) return byTail[0];
  }
  if (/^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= statement.accounts.length) return Number(text) - 1;
  return undefined;
}

export function previewView(stored: StoredPlan, limit: number) {
  const { plan, statement } = stored;
  return {
    planId: stored.id,
    format: statement.format,
    encoding: statement.encoding,
    counts: plan.counts,
    totals: plan.totals,
    balances: plan.balances,
    warnings: plan.warnings,
    errors: plan.parseErrors.slice(0, ISSUES_SHOWN).map(issueView),
    errorCount: plan.parseErrors.length,
    categories: plan.categories.slice(0, MAPPED_SHOWN),
    transferAccounts: plan.transferAccounts.slice(0, MAPPED_SHOWN),
    total: plan.rows.length,
    rows: plan.rows.slice(0, limit).map(rowView),
  };
}

/**
 * Records the plan's rows (new ones, plus the possible duplicates the user chose by index) as one
 * batch. If the wallet changed since the preview, the rows are planned again first, so a line
 * recorded meanwhile is still recognised. Nothing to record is not an error: `batchId` is null.
 */
export async function commit(
  wallet: ImportWallet,
  stored: StoredPlan,
  include: readonly number[],
  requestId: string,
  onProgress?: BatchProgress,
): Promise<ImportCommitResult> {
  const p = wallet.projection;
  const seen = p.requestResult(requestId);
  let plan = stored.plan;
  if (!seen && p.lastSeq() !== stored.seq) plan = await makePlan(p, stored.statement, stored.choices);
  const included = new Set(include);
  const rows = plan.rows.filter((row) => isImported(row, included));
  const counts = {
    duplicates: plan.counts.duplicate,
    possibleDuplicates: plan.rows.filter((row) => row.status === 'possible_duplicate' && !included.has(row.index)).length,
    skipped: plan.counts.skipped,
    errors: plan.counts.error,
  };
  const closing = () => statementBalance(p, stored.statement, stored.choices.statementAccount ?? 0, stored.choices.accountId);
  if (rows.length === 0 && !seen) return { batchId: null, imported: 0, ...counts, replayed: false, statementBalance: closing() };
  const batchId = randomUUID();
  const input = {
    requestId,
    batchId,
    accountId: stored.choices.accountId,
    format: stored.statement.format,
    fileName: stored.fileName,
    encoding: stored.statement.encoding,
    rows: rows.map((row) => ({
      accountId: row.accountId,
      counterAccountId: row.counterAccountId,
      amountMinor: row.amountMinor,
      date: row.date,
      payee: row.payee,
      note: row.note,
      categoryId: row.categoryId,
      externalId: row.externalId,
      line: row.line,
      refundOf: row.refundOf,
    })),
  };
  const result = await wallet.ledger.executeBatch(requestId, (ctx) => decideImportBatchSteps(p, input, ctx), onProgress);
  const recorded = p.sql.get<{ n: number }>('SELECT row_count AS n FROM import_batches WHERE id = ?', result.id)?.n ?? rows.length;
  return { batchId: result.id, imported: recorded, ...counts, replayed: result.replayed, statementBalance: closing() };
}

/** Totals after the user's choices (possible duplicates included by index). */
export function retotal(stored: StoredPlan, include: readonly number[], p: LedgerProjection) {
  return summarize(stored.plan.rows, planAccounts(p), new Set(include));
}

export function history(p: LedgerProjection): ImportBatchView[] {
  return p.sql
    .all<{ id: string; account_id: string; name: string | null; format: string; file_name: string; encoding: string; row_count: number; at: string; undone: number; undone_at: string | null }>(
      `SELECT b.id, b.account_id, a.name, b.format, b.file_name, b.encoding, b.row_count, b.at, b.undone, b.undone_at
       FROM import_batches b LEFT JOIN accounts a ON a.id = b.account_id ORDER BY b.n DESC`,
    )
    .map((row) => ({
      batchId: row.id,
      accountId: row.account_id,
      account: row.name ?? '',
      format: row.format,
      fileName: row.file_name,
      encoding: row.encoding,
      rows: row.row_count,
      at: row.at,
      undone: row.undone === 1,
      undoneAt: row.undone_at,
    }));
}

/** Undo (void the batch's lines) or restore (bring back what the undo voided), as one event. */
export async function undo(wallet: ImportWallet, batchId: string, requestId: string, undoing: boolean): Promise<{ batchId: string; replayed: boolean }> {
  const result = await wallet.ledger.executeBatch(requestId, (ctx) => [decideBatchUndo(wallet.projection, { requestId, batchId, undo: undoing }, ctx)]);
  return { batchId: result.id, replayed: result.replayed };
}

/**
 * The import planner: a parsed statement + the wallet's existing lines → what each row would
 * become, before anything is written. No database, no clock: the capability hands it a read-only
 * lookup of the lines of the accounts involved (`ExistingLines`: by statement id, by amount and
 * date window), and it runs as cooperative steps so a 100k-row statement never holds the loop.
 *
 * De-duplication, exactly as issue #12 lists it:
 * 1. same external id in the same account → `duplicate` (one-to-one: two rows with one id match two lines);
 * 2. otherwise same amount, date within ±windowDays, similar payee → `possible_duplicate`, skipped by
 *    default, shown, never dropped silently (a row that has an id is only compared with lines that have none,
 *    e.g. typed by hand: two different ids are two different transactions);
 * 3. existing lines are never changed (a reconciled line stays as it is; a row matching it is a duplicate);
 * 4. rows inside one file are never matched with each other: two equal coffees on one day are two coffees;
 * 5. matching is one-to-one and nearest date first over all candidate pairs (Actual #5354: this week's
 *    identical debit must not take last week's line while last week's row is looking for it).
 * Neutral rows (不计收支, `/`) become transfers to a chosen account or are left out; a mapped payment
 * method routes a row to that wallet account; a refund is paired with the row or line it returns.
 */
import type { ImportIssue, ParsedStatement, StatementRow, StatementRowKind } from './statement';
import { normalizePayee, similarPayees } from './similarity';
import { CategoryMatcher, type CategoryChoices, type WalletCategory } from './categories';
import { runSync, type Steps } from '../vault/cooperative';

export const DEFAULT_WINDOW_DAYS = 3;
/** Rows routed or matched per slice of the cooperative planner (a few index probes each). */
const MATCH_SLICE = 2_000;
/** Fuzzy candidates looked at per row: a bound, so thousands of equal amounts stay linear. */
const MAX_CANDIDATES = 16;

export type RowStatus = 'new' | 'duplicate' | 'possible_duplicate' | 'error' | 'skipped';

export interface ExistingLine {
  id: string;
  accountId: string;
  date: string;
  amountMinor: number;
  payee: string;
  externalId: string | null;
  status: 'pending' | 'cleared' | 'reconciled';
  /** For a transfer's line: the account of its other line. */
  counterAccountId?: string | null;
}

export interface PlanAccount {
  id: string;
  name: string;
  currency: string;
  creditLimitMinor: number;
  /** Balance now (opening + live lines). */
  balanceMinor: number;
  usable: boolean;
}

export type NeutralChoice = { mode: 'omit' } | { mode: 'transfer'; accountId: string; direction?: 'in' | 'out' };

export interface PlanOptions {
  /** The account the statement belongs to. */
  accountId: string;
  /** Every account a row may land in (the statement's, mapped payment methods, the neutral transfer account). */
  accounts: ReadonlyMap<string, PlanAccount>;
  /** Which account of a multi-account file (OFX); 0 by default. */
  statementAccount?: number;
  windowDays?: number;
  neutral?: NeutralChoice;
  /** Payment method text (收/付款方式, 支付方式) → wallet account id. */
  paymentMethods?: Readonly<Record<string, string>>;
  /** The wallet's live categories, for matching the statement's category text (categories.ts). */
  categories?: readonly WalletCategory[];
  /** The user's category map: statement category text → wallet category id (null: uncategorized). */
  categoryChoices?: CategoryChoices;
  /** QIF `[Account]` names → wallet account id; an unmapped name is matched by account name. */
  transferAccounts?: Readonly<Record<string, string>>;
}

export interface PlannedRow {
  /** Position in the statement account's rows. */
  index: number;
  line: number;
  date: string;
  amountMinor: number;
  payee: string;
  note: string;
  externalId: string | null;
  sourceKind: StatementRowKind;
  /** The statement's category text (shown when it matched no wallet category). */
  category: string;
  /** The wallet category the line is recorded with (none for transfers). */
  categoryId: string | null;
  /** QIF `L[Account]` / `S[Account]`: the statement's name of the transfer's other account. */
  transferAccount: string | null;
  /** 1-based position of the QIF split this line records, null for a whole row. */
  split: number | null;
  /** Where the line lands, and for transfers the other account. */
  accountId: string;
  counterAccountId: string | null;
  status: RowStatus;
  /** For duplicates and possible duplicates: the existing line it matches. */
  matchId: string | null;
  /** A refund's original, when found: an earlier row of this file (its line) or an existing line. */
  refundOf: string | null;
  refundOfLine: number | null;
  refundOfTransactionId: string | null;
  issue: { messageKey: string; params: Record<string, string | number> } | null;
  /** Skip reason key for skipped rows. */
  skipReason: string | null;
}

export interface DirectionTotals {
  incomeMinor: number;
  expenseMinor: number;
  transferInMinor: number;
  transferOutMinor: number;
}

export interface BalanceWarning {
  accountId: string;
  account: string;
  currency: string;
  balanceMinor: number;
  floorMinor: number;
  /** Raising the opening balance (or a reconcile adjustment) by this much keeps the account at its floor. */
  suggestedAdjustmentMinor: number;
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** Parser issues (rows the parser could not read), located. */
  parseErrors: ImportIssue[];
  /** Lines the parser skipped on purpose (交易关闭, footers) with their reason keys. */
  parseSkipped: { line: number; reason: string }[];
  counts: { new: number; duplicate: number; possibleDuplicate: number; skipped: number; error: number };
  /** Over the rows imported with the default choices (new rows; possible duplicates skipped). */
  totals: DirectionTotals;
  /** Per account touched: balance now and after the import. */
  balances: { accountId: string; currency: string; beforeMinor: number; afterMinor: number }[];
  warnings: BalanceWarning[];
  /** Each distinct statement category text of the rows to record, with the wallet category it maps to. */
  categories: CategorySummary[];
  /** Each distinct QIF transfer account name, with the wallet account it goes to (null: needs one). */
  transferAccounts: { name: string; rows: number; accountId: string | null }[];
}

export interface CategorySummary {
  text: string;
  /** The kind of its lines: 'mixed' when the text is on money out and money in. */
  kind: 'expense' | 'income' | 'mixed';
  rows: number;
  /** The wallet category of its first line (of its kind); null: uncategorized. */
  categoryId: string | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);

function toMinor(text: string): number | null {
  if (!/^-?\d{1,16}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Longest statement category / transfer account text kept (PreviewInput's map keys allow 200). */
const MAX_MAPPED_TEXT = 200;

const foldName = (text: string): string => text.normalize('NFC').trim().toLocaleLowerCase('en-US');

/** One line a statement row becomes: the row itself, or one of its QIF splits. */
interface Piece {
  amount: string;
  category: string;
  transferAccount: string | null;
  note: string;
  split: number | null;
}

/** A row's lines: its splits (zero ones left out; the parser checked they add up to the row), or the row. */
function piecesOf(row: StatementRow): Piece[] {
  if (!row.splits || row.splits.length === 0) {
    return [{ amount: row.amountMinor, category: row.category ?? '', transferAccount: row.transferAccount ?? null, note: row.note ?? '', split: null }];
  }
  return row.splits.flatMap((split, k) =>
    /^-?0+$/.test(split.amountMinor)
      ? []
      : [{ amount: split.amountMinor, category: split.category ?? '', transferAccount: split.transferAccount ?? null, note: split.memo ?? row.note ?? '', split: k + 1 }],
  );
}

/** Rows of one statement account turned into lines to record, before matching; yields every MATCH_SLICE rows. */
function* routeRows(statement: ParsedStatement, source: readonly StatementRow[], options: PlanOptions): Steps<PlannedRow[]> {
  const home = options.accounts.get(options.accountId);
  if (!home) throw new Error('the statement account must be among the plan accounts');
  const neutral = options.neutral ?? { mode: 'omit' };
  const unsignedNeutrals = statement.format === 'alipay' || statement.format === 'wechat';
  const matcher = new CategoryMatcher(options.categories ?? [], options.categoryChoices ?? {});
  const byName = new Map<string, string>();
  for (const account of options.accounts.values()) if (!byName.has(foldName(account.name))) byName.set(foldName(account.name), account.id);
  /** The wallet account a QIF `[Account]` goes to: the user's map, else the same name, else the neutral-row choice. */
  const transferTarget = (name: string): string | null =>
    options.transferAccounts?.[name] ?? byName.get(foldName(name)) ?? (neutral.mode === 'transfer' ? neutral.accountId : null);
  const planned: PlannedRow[] = [];
  const error = (row: PlannedRow, messageKey: string, params: Record<string, string | number> = {}) => {
    row.status = 'error';
    row.issue = { messageKey, params: { line: row.line, ...params } };
  };
  /** Makes `row` a transfer to `counterId`; false (and an error on the row) when that account cannot take it. */
  const transferTo = (row: PlannedRow, target: PlanAccount, counterId: string): boolean => {
    const counter = options.accounts.get(counterId);
    const problem: [string, Record<string, string | number>] =
      !counter || counter.id === target.id
        ? ['errors.import_batch.transfer_same_account', {}]
        : counter.currency !== target.currency
          ? ['errors.import_batch.transfer_currency', { currency: counter.currency }]
          : ['errors.import_batch.account_unusable', { account: counter.name }];
    if (!counter || counter.id === target.id || counter.currency !== target.currency || !counter.usable) {
      error(row, ...problem);
      return false;
    }
    row.counterAccountId = counter.id;
    return true;
  };
  for (let position = 0; position < source.length; position++) {
    if (position > 0 && position % MATCH_SLICE === 0) yield;
    const row = source[position]!;
    const mapped = row.paymentMethod ? options.paymentMethods?.[row.paymentMethod] : undefined;
    const target = options.accounts.get(mapped ?? options.accountId) ?? home;
    const rowId = row.externalId?.trim() || null;
    for (const piece of piecesOf(row)) {
      const amount = toMinor(piece.amount);
      const base: PlannedRow = {
        index: planned.length,
        line: row.line,
        date: row.date,
        amountMinor: amount ?? 0,
        payee: row.payee ?? '',
        note: piece.note,
        externalId: rowId && piece.split !== null ? `${rowId}:s${piece.split}` : rowId,
        sourceKind: piece.split === null ? row.kind : piece.transferAccount ? 'neutral' : amount !== null && amount < 0 ? 'expense' : 'income',
        // Bounded like the wire's category map keys, so a choice for any text can be sent back.
        category: piece.transferAccount ? '' : piece.category.normalize('NFC').trim().slice(0, MAX_MAPPED_TEXT),
        categoryId: null,
        transferAccount: piece.transferAccount?.slice(0, MAX_MAPPED_TEXT) ?? null,
        split: piece.split,
        accountId: target.id,
        counterAccountId: null,
        status: 'new',
        matchId: null,
        refundOf: row.refundOf?.trim() || null,
        refundOfLine: null,
        refundOfTransactionId: null,
        issue: null,
        skipReason: null,
      };
      planned.push(base);
      if (amount === null) {
        error(base, 'errors.import_batch.amount_invalid', { column: 'amount', value: piece.amount });
        continue;
      }
      if (row.currency && row.currency !== target.currency) {
        error(base, 'errors.import_batch.row_currency', { column: 'currency', value: row.currency, currency: target.currency });
        continue;
      }
      if (!target.usable) {
        error(base, 'errors.import_batch.account_unusable', { account: target.name });
        continue;
      }
      // A fee (WeChat 零钱提现 服务费) is money spent even when its neutral row is left out.
      const fee = row.fee ? toMinor(row.fee) : null;
      if (fee) {
        planned.push({
          ...base,
          index: planned.length,
          amountMinor: -Math.abs(fee),
          sourceKind: 'expense',
          category: '',
          note: base.note ? `${base.note} (fee)` : 'fee',
          externalId: base.externalId ? `${base.externalId}:fee` : null,
          refundOf: null,
        });
      }
      if (piece.transferAccount) {
        // A QIF transfer names its other account: never income or expense, and never left out silently.
        const counterId = transferTarget(base.transferAccount!);
        if (counterId === null) {
          error(base, 'errors.import_batch.transfer_unmapped', { column: piece.split === null ? 'L' : 'S', value: base.transferAccount! });
          continue;
        }
        if (!transferTo(base, target, counterId)) continue;
      } else if (row.kind === 'neutral' && piece.split === null) {
        if (neutral.mode === 'omit') {
          base.status = 'skipped';
          base.skipReason = 'import.wizard.skip.neutral';
          continue;
        }
        if (!transferTo(base, target, neutral.accountId)) continue;
        if (unsignedNeutrals) base.amountMinor = (neutral.direction ?? 'out') === 'out' ? -Math.abs(amount) : Math.abs(amount);
      }
      if (base.amountMinor === 0) {
        base.status = 'skipped';
        base.skipReason = 'import.wizard.skip.zero';
        continue;
      }
      // A refund is money back whatever the source's sign.
      if (row.kind === 'refund') base.amountMinor = Math.abs(base.amountMinor);
      if (!base.counterAccountId && base.category) base.categoryId = matcher.match(base.category, base.amountMinor < 0 ? 'expense' : 'income').categoryId;
    }
  }
  return planned;
}

interface Candidate {
  row: number;
  line: ExistingLine;
  distance: number;
  /** Position among the row's candidates (date, then recording order): the tie-break. */
  order: number;
}

/**
 * The wallet's live lines, looked up by key rather than handed over whole: re-importing 100k rows
 * is then 100k index probes, not a read and a map of every line of the account (existing.ts reads
 * the projection's indexes; `linesFrom` serves a plain list, for tests and small callers).
 * Lists come in date, then recording order.
 */
export interface ExistingLines {
  /** Lines of `accountId` carrying the statement id `externalId`. */
  withExternalId(accountId: string, externalId: string): readonly ExistingLine[];
  /**
   * `withExternalId` for many ids of one account at once, answering only what the exact match
   * takes: statement id → the ids of its lines in the same order (statement ids without lines left out).
   */
  withExternalIds(accountId: string, externalIds: readonly string[]): ReadonlyMap<string, readonly string[]>;
  /** Lines of `accountId` of exactly `amountMinor` dated `from`..`to` (inclusive), only those without a statement id when `withoutId`. */
  near(accountId: string, amountMinor: number, from: string, to: string, withoutId: boolean): readonly ExistingLine[];
  /** A refund's original among the lines of the accounts involved: the latest with that statement id. */
  withExternalIdAnywhere(externalId: string): ExistingLine | undefined;
  /**
   * Transfer lines of `accountId` of exactly `amountMinor` dated `from`..`to` whose other line is in
   * `counterAccountId` (the other side of a transfer already recorded, e.g. from that account's file);
   * only those without a statement id when `withoutId`.
   */
  transferLines(accountId: string, amountMinor: number, from: string, to: string, counterAccountId: string, withoutId: boolean): readonly ExistingLine[];
}

/** ExistingLines over a list held in memory (in the order given: date, then recording order per account). */
export function linesFrom(lines: readonly ExistingLine[]): ExistingLines {
  const byExternal = new Map<string, ExistingLine[]>();
  const byAmount = new Map<string, ExistingLine[]>();
  const push = (map: Map<string, ExistingLine[]>, key: string, line: ExistingLine) => (map.get(key) ?? map.set(key, []).get(key)!).push(line);
  const anywhere = new Map<string, ExistingLine>();
  for (const line of lines) {
    if (line.externalId) {
      push(byExternal, `${line.accountId}\u0000${line.externalId}`, line);
      anywhere.set(line.externalId, line);
    }
    push(byAmount, `${line.accountId}\u0000${line.amountMinor}`, line);
  }
  return {
    withExternalId: (accountId, externalId) => byExternal.get(`${accountId}\u0000${externalId}`) ?? [],
    withExternalIds: (accountId, externalIds) => {
      const found = new Map<string, string[]>();
      for (const externalId of externalIds) {
        const lines = byExternal.get(`${accountId}\u0000${externalId}`);
        if (lines) found.set(externalId, lines.map((line) => line.id));
      }
      return found;
    },
    near: (accountId, amountMinor, from, to, withoutId) =>
      (byAmount.get(`${accountId}\u0000${amountMinor}`) ?? []).filter((line) => line.date >= from && line.date <= to && !(withoutId && line.externalId)),
    withExternalIdAnywhere: (externalId) => anywhere.get(externalId),
    transferLines: (accountId, amountMinor, from, to, counterAccountId, withoutId) =>
      (byAmount.get(`${accountId}\u0000${amountMinor}`) ?? []).filter(
        (line) => line.counterAccountId === counterAccountId && line.date >= from && line.date <= to && !(withoutId && line.externalId),
      ),
  };
}

const shifted = new Map<number, Map<string, string>>();
/** `date` moved by `days`; remembered (a statement has a few hundred distinct dates, asked twice per row). */
const shiftDate = (date: string, days: number): string => {
  let byDate = shifted.get(days);
  if (!byDate) shifted.set(days, (byDate = new Map()));
  let moved = byDate.get(date);
  if (moved === undefined) {
    if (byDate.size >= 100_000) byDate.clear();
    moved = new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
    byDate.set(date, moved);
  }
  return moved;
};

/** Dedup against existing lines (rules 1–5 above); mutates statuses and matchIds of `rows`; yields between slices. */
function* matchExisting(rows: PlannedRow[], existing: ExistingLines, windowDays: number): Steps<void> {
  const taken = new Set<string>();

  // 1. Exact: the statement's own id, one-to-one in file order. The ids of a slice are looked up
  // together, one query per account (existing.ts), then taken row by row in file order.
  const fuzzy: number[] = [];
  for (let start = 0; start < rows.length; start += MATCH_SLICE) {
    if (start > 0) yield;
    const end = Math.min(rows.length, start + MATCH_SLICE);
    const wanted = new Map<string, Set<string>>();
    for (let index = start; index < end; index++) {
      const row = rows[index]!;
      if (row.status !== 'new' || !row.externalId) continue;
      const ids = wanted.get(row.accountId);
      if (ids) ids.add(row.externalId);
      else wanted.set(row.accountId, new Set([row.externalId]));
    }
    const known = new Map<string, ReadonlyMap<string, readonly string[]>>();
    for (const [accountId, ids] of wanted) known.set(accountId, existing.withExternalIds(accountId, [...ids]));
    for (let index = start; index < end; index++) {
      const row = rows[index]!;
      if (row.status !== 'new') continue;
      const hit = row.externalId ? known.get(row.accountId)?.get(row.externalId)?.find((id) => !taken.has(id)) : undefined;
      if (hit !== undefined) {
        taken.add(hit);
        row.status = 'duplicate';
        row.matchId = hit;
        continue;
      }
      // A transfer already recorded from its other side (the same transfer in the other account's file):
      // the same amount in this account, moved to or from the same other account, within the window.
      if (row.counterAccountId) {
        const day = dayNumber(row.date);
        const counterpart = existing
          .transferLines(row.accountId, row.amountMinor, shiftDate(row.date, -windowDays), shiftDate(row.date, windowDays), row.counterAccountId, row.externalId !== null)
          .filter((line) => !taken.has(line.id))
          .sort((a, b) => Math.abs(dayNumber(a.date) - day) - Math.abs(dayNumber(b.date) - day))[0];
        if (counterpart) {
          taken.add(counterpart.id);
          row.status = 'duplicate';
          row.matchId = counterpart.id;
          continue;
        }
      }
      fuzzy.push(index);
    }
  }

  // 2 + 5. Possible duplicates: every (row, line) pair within the window, nearest date first.
  const pairs: Candidate[] = [];
  for (let k = 0; k < fuzzy.length; k++) {
    if (k > 0 && k % MATCH_SLICE === 0) yield;
    const index = fuzzy[k]!;
    const row = rows[index]!;
    const day = dayNumber(row.date);
    // Two different statement ids are two different transactions: a row with an id only meets lines without one.
    const lines = existing.near(row.accountId, row.amountMinor, shiftDate(row.date, -windowDays), shiftDate(row.date, windowDays), row.externalId !== null);
    if (lines.length === 0) continue;
    const payee = normalizePayee(row.payee);
    const found: Candidate[] = [];
    lines.forEach((line, order) => {
      if (taken.has(line.id)) return;
      if (row.externalId && line.externalId) return;
      const distance = Math.abs(dayNumber(line.date) - day);
      if (distance > windowDays) return;
      if (!similarPayees(payee, normalizePayee(line.payee))) return;
      found.push({ row: index, line, distance, order });
    });
    found.sort((a, b) => a.distance - b.distance || a.order - b.order);
    pairs.push(...found.slice(0, MAX_CANDIDATES));
  }
  pairs.sort((a, b) => a.distance - b.distance || a.row - b.row || a.order - b.order);
  for (const pair of pairs) {
    const row = rows[pair.row]!;
    if (row.status !== 'new' || taken.has(pair.line.id)) continue;
    taken.add(pair.line.id);
    row.status = 'possible_duplicate';
    row.matchId = pair.line.id;
  }
}

/** A refund's original: a row of this file with that external id, else an existing line with it. */
function pairRefunds(rows: PlannedRow[], existing: ExistingLines): void {
  // Most statements hold no refund: then there is no id map of every row to build.
  if (!rows.some((row) => row.sourceKind === 'refund' && row.refundOf)) return;
  const inFile = new Map<string, PlannedRow>();
  for (const row of rows) if (row.externalId && row.sourceKind !== 'refund' && !inFile.has(row.externalId)) inFile.set(row.externalId, row);
  for (const row of rows) {
    if (row.sourceKind !== 'refund' || !row.refundOf) continue;
    const original = inFile.get(row.refundOf);
    if (original) {
      row.refundOfLine = original.line;
      continue;
    }
    row.refundOfTransactionId = existing.withExternalIdAnywhere(row.refundOf)?.id ?? null;
  }
}

/** Whether a row is recorded: new rows, and possible duplicates only when the user includes them. */
export function isImported(row: PlannedRow, includedLines?: ReadonlySet<number>): boolean {
  return row.status === 'new' || (row.status === 'possible_duplicate' && (includedLines?.has(row.index) ?? false));
}

export function summarize(
  rows: readonly PlannedRow[],
  accounts: ReadonlyMap<string, PlanAccount>,
  includedRows?: ReadonlySet<number>,
): Pick<ImportPlan, 'totals' | 'balances' | 'warnings'> {
  const totals: DirectionTotals = { incomeMinor: 0, expenseMinor: 0, transferInMinor: 0, transferOutMinor: 0 };
  const deltas = new Map<string, number>();
  const add = (accountId: string, amount: number) => deltas.set(accountId, (deltas.get(accountId) ?? 0) + amount);
  for (const row of rows) {
    if (!isImported(row, includedRows)) continue;
    add(row.accountId, row.amountMinor);
    if (row.counterAccountId) {
      add(row.counterAccountId, -row.amountMinor);
      if (row.amountMinor < 0) totals.transferOutMinor += -row.amountMinor;
      else totals.transferInMinor += row.amountMinor;
    } else if (row.amountMinor < 0) totals.expenseMinor += row.amountMinor;
    else totals.incomeMinor += row.amountMinor;
  }
  const balances: ImportPlan['balances'] = [];
  const warnings: BalanceWarning[] = [];
  for (const [accountId, delta] of deltas) {
    const account = accounts.get(accountId)!;
    const afterMinor = account.balanceMinor + delta;
    balances.push({ accountId, currency: account.currency, beforeMinor: account.balanceMinor, afterMinor });
    const floorMinor = account.creditLimitMinor === 0 ? 0 : -account.creditLimitMinor;
    if (afterMinor < floorMinor && delta < 0) {
      warnings.push({
        accountId,
        account: account.name,
        currency: account.currency,
        balanceMinor: afterMinor,
        floorMinor,
        suggestedAdjustmentMinor: floorMinor - afterMinor,
      });
    }
  }
  return { totals, balances, warnings };
}

/** The planner run to completion at once (tests, small statements). */
export function planImport(statement: ParsedStatement, existing: ExistingLines | readonly ExistingLine[], options: PlanOptions): ImportPlan {
  return runSync(planImportSteps(statement, existing, options));
}

/** The planner as cooperative steps (electron/vault/cooperative.ts): 100k rows never hold the event loop. */
export function* planImportSteps(statement: ParsedStatement, existing: ExistingLines | readonly ExistingLine[], options: PlanOptions): Steps<ImportPlan> {
  const lines = isLineList(existing) ? linesFrom(existing) : existing;
  const source = statement.accounts[options.statementAccount ?? 0]?.rows ?? [];
  const rows = yield* routeRows(statement, source, options);
  yield;
  yield* matchExisting(rows, lines, options.windowDays ?? DEFAULT_WINDOW_DAYS);
  pairRefunds(rows, lines);
  yield;
  const counts = { new: 0, duplicate: 0, possibleDuplicate: 0, skipped: statement.skipped.length, error: statement.errors.length };
  for (const row of rows) {
    if (row.status === 'new') counts.new++;
    else if (row.status === 'duplicate') counts.duplicate++;
    else if (row.status === 'possible_duplicate') counts.possibleDuplicate++;
    else if (row.status === 'skipped') counts.skipped++;
    else counts.error++;
  }
  return {
    rows,
    parseErrors: statement.errors,
    parseSkipped: statement.skipped,
    counts,
    ...summarize(rows, options.accounts),
    ...mappingSummaries(rows),
  };
}

/** The distinct statement categories and QIF transfer accounts of a plan, as the wizard lists them to map. */
export function mappingSummaries(rows: readonly PlannedRow[]): Pick<ImportPlan, 'categories' | 'transferAccounts'> {
  const categories = new Map<string, CategorySummary>();
  const transfers = new Map<string, ImportPlan['transferAccounts'][number]>();
  for (const row of rows) {
    if (row.transferAccount) {
      const entry = transfers.get(row.transferAccount);
      if (!entry) transfers.set(row.transferAccount, { name: row.transferAccount, rows: 1, accountId: row.counterAccountId });
      else entry.rows++;
      continue;
    }
    if (!row.category || row.counterAccountId || row.status === 'skipped' || row.status === 'error') continue;
    const kind = row.amountMinor < 0 ? 'expense' : 'income';
    const entry = categories.get(row.category);
    if (!entry) categories.set(row.category, { text: row.category, kind, rows: 1, categoryId: row.categoryId });
    else {
      entry.rows++;
      if (entry.kind !== kind) entry.kind = 'mixed';
      entry.categoryId ??= row.categoryId;
    }
  }
  return { categories: [...categories.values()], transferAccounts: [...transfers.values()] };
}

const isLineList = (existing: ExistingLines | readonly ExistingLine[]): existing is readonly ExistingLine[] => Array.isArray(existing);

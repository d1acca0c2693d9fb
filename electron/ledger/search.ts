/**
 * Transaction search: text over payee, note, tags and category names, plus filters, sort and
 * paging, returning the page and the total count. Built as one parameterised WHERE clause; the
 * indexes on date, amount, payee, account and category let SQLite answer sorted pages of a
 * 100k-row ledger without sorting everything.
 */
import { parseAmountBound } from '../../shared/money';
import { checkBookingDate } from './dates';
import { HAN_GLOB, matchesPinyin, pinyinQuery } from './pinyin-match';
import type { TransactionStatus } from './events';
import type { LedgerProjection } from './projection';
import type { TransactionKind } from './read-model';
import { clampPage } from './queries';
import { LIST_COLUMNS, LIST_COUNT_FROM, LIST_FROM, LIST_SELECT, listRowToView, readNameBook, type NameBook } from './transaction-rows';
import type { Page, TransactionView } from './views';

export interface TransactionSearch {
  /**
   * Case-insensitive (for Latin letters) substring of payee, note, tags or category name; letters
   * also match the full pinyin or the initials of Chinese payees, notes and category names
   * (`xingbake`, `xing ba ke`, `xbk` → 星巴克).
   */
  text?: string;
  /** Empty or absent: all accounts. */
  accountIds?: readonly string[];
  /** A parent category also matches its children. Empty or absent: all. */
  categoryIds?: readonly string[];
  /** Expenses and incomes without a category (or, with `categoryIds`, those too). */
  uncategorized?: boolean;
  kinds?: readonly TransactionKind[];
  /** Inclusive booking-date range, 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
  /** Inclusive bounds on the amount's size (sign ignored), as decimal text read in each line's currency. */
  minAmount?: string;
  maxAmount?: string;
  status?: readonly TransactionStatus[];
  includeVoided?: boolean;
  sort?: 'date' | 'amount' | 'payee';
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

type Param = string | number;

/** LIKE pattern for a literal substring: %, _ and the escape character itself lose their meaning. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Amount bounds differ per currency (1 JPY is 1 minor unit, 1 CNY is 100): one clause per currency held. */
function amountClause(p: LedgerProjection, text: string, bound: 'lower' | 'upper', params: Param[], t: string): string {
  const currencies = p.sql.all<{ currency: string }>('SELECT DISTINCT currency FROM accounts ORDER BY currency');
  if (currencies.length === 0) return '1';
  const cases = currencies.map(({ currency }) => {
    params.push(currency, parseAmountBound(text, currency, bound));
    return 'WHEN ? THEN ?';
  });
  return `abs(${t}.amount_minor) ${bound === 'lower' ? '>=' : '<='} (CASE ${t}.currency ${cases.join(' ')} END)`;
}

interface HanTexts {
  seq: number;
  payees: string[];
  notes: string[];
  categories: string[];
}

// Distinct Chinese texts per projection, reused while no event has been applied (typing a query
// runs one search per keystroke); lastSeq moves with every applied event, so they are never stale.
const hanTextsCache = new WeakMap<LedgerProjection, HanTexts>();

function hanTexts(p: LedgerProjection): HanTexts {
  const cached = hanTextsCache.get(p);
  if (cached && cached.seq === p.lastSeq()) return cached;
  const distinct = (sql: string) => p.sql.all<{ text: string }>(sql, HAN_GLOB).map((row) => row.text);
  const texts = {
    seq: p.lastSeq(),
    payees: distinct('SELECT DISTINCT payee AS text FROM transactions WHERE payee GLOB ?'),
    notes: distinct('SELECT DISTINCT note AS text FROM transactions WHERE note GLOB ?'),
    categories: distinct('SELECT DISTINCT name AS text FROM categories WHERE name GLOB ?'),
  };
  hanTextsCache.set(p, texts);
  return texts;
}

/**
 * Pinyin matches become "text IN (the distinct Chinese texts whose pinyin matches)": the keys are
 * computed once per distinct text (cached in pinyin-match), not once per row, and only texts that
 * contain a Han character are looked at.
 */
function pinyinClauses(p: LedgerProjection, query: string, params: Param[], { t, c, pc }: Aliases): string[] {
  const texts = hanTexts(p);
  const clauses: string[] = [];
  const inList = (columns: string[], candidates: string[]) => {
    const matching = candidates.filter((text) => matchesPinyin(text, query));
    if (matching.length === 0) return;
    for (const column of columns) {
      clauses.push(`${column} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(matching));
    }
  };
  inList([`${t}.payee`], texts.payees);
  inList([`${t}.note`], texts.notes);
  inList([`${c}.name`, `${pc}.name`], texts.categories);
  return clauses;
}

/** Table aliases of a line, its category and that category's parent: the filter is also asked of a transfer's other leg. */
interface Aliases {
  t: string;
  c: string;
  pc: string;
}
const LINE: Aliases = { t: 't', c: 'c', pc: 'pc' };
const OTHER_LEG: Aliases = { t: 'o', c: 'oc', pc: 'opc' };

function filterClause(p: LedgerProjection, search: TransactionSearch, aliases: Aliases): { where: string; params: Param[] } {
  const { t, c, pc } = aliases;
  const clauses: string[] = [];
  const params: Param[] = [];
  if (!search.includeVoided) clauses.push(`${t}.voided = 0`);
  const text = search.text?.trim();
  if (text) {
    const pattern = containsPattern(text);
    const matches = [
      [`${t}.payee`, `${t}.note`, `${t}.tags`, `${c}.name`, `${pc}.name`].map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR '),
    ];
    params.push(pattern, pattern, pattern, pattern, pattern);
    const query = pinyinQuery(text);
    if (query) matches.push(...pinyinClauses(p, query, params, aliases));
    clauses.push(`(${matches.join(' OR ')})`);
  }
  if (search.accountIds?.length) {
    clauses.push(`${t}.account_id IN (${placeholders(search.accountIds.length)})`);
    params.push(...search.accountIds);
  }
  // Categories and "Uncategorized" picked together mean either (the user ticked both in one filter).
  const categoryClauses: string[] = [];
  if (search.categoryIds?.length) {
    const list = placeholders(search.categoryIds.length);
    categoryClauses.push(`${t}.category_id IN (${list}) OR ${c}.parent_id IN (${list})`);
    params.push(...search.categoryIds, ...search.categoryIds);
  }
  if (search.uncategorized) categoryClauses.push(`(${t}.category_id IS NULL AND ${t}.kind <> 'transfer')`);
  if (categoryClauses.length) clauses.push(`(${categoryClauses.join(' OR ')})`);
  if (search.kinds?.length) {
    clauses.push(`${t}.kind IN (${placeholders(search.kinds.length)})`);
    params.push(...search.kinds);
  }
  if (search.status?.length) {
    clauses.push(`${t}.status IN (${placeholders(search.status.length)})`);
    params.push(...search.status);
  }
  if (search.from) {
    clauses.push(`${t}.date >= ?`);
    params.push(checkBookingDate(search.from));
  }
  if (search.to) {
    clauses.push(`${t}.date <= ?`);
    params.push(checkBookingDate(search.to));
  }
  if (search.minAmount) clauses.push(amountClause(p, search.minAmount, 'lower', params, t));
  if (search.maxAmount) clauses.push(amountClause(p, search.maxAmount, 'upper', params, t));
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

/**
 * The filter, once per transfer: a person made one transfer, so of its two legs the list shows
 * the outgoing one, or the incoming one when only that leg matches (a filter on its account, its
 * amount in the other currency…). An incoming leg is left out exactly when its other leg matches
 * too; the totals, the count and every page use this same clause, so pages never overlap.
 */
export function whereClause(p: LedgerProjection, search: TransactionSearch): { where: string; params: Param[] } {
  const line = filterClause(p, search, LINE);
  const other = filterClause(p, search, OTHER_LEG);
  const where = `(${line.where}) AND NOT (t.transfer_id IS NOT NULL AND t.amount_minor > 0 AND EXISTS (
    SELECT 1 FROM transactions o LEFT JOIN categories oc ON oc.id = o.category_id LEFT JOIN categories opc ON opc.id = oc.parent_id
    WHERE o.transfer_id = t.transfer_id AND o.id <> t.id AND (${other.where})))`;
  return { where, params: [...line.params, ...other.params] };
}

const SORT_COLUMNS = { date: 't.date', amount: 't.amount_minor', payee: 't.payee' } as const;

/** Reads LIST_SELECT rows plus the cursor columns (sort key, n) as arrays: no object per row from SQLite. */
function listRows(p: LedgerProjection, sql: string, params: Param[]): unknown[][] {
  return p.sql.prepare(sql).raw(true).all(...params) as unknown[][];
}

function pageOf(rows: unknown[][], names: NameBook): TransactionView[] {
  const views = new Array<TransactionView>(rows.length);
  for (let i = 0; i < rows.length; i += 1) views[i] = listRowToView(rows[i]!, names);
  return views;
}

function cursorOf(row: unknown[]): TransactionCursor {
  return { key: row[LIST_COLUMNS] as string | number, n: row[LIST_COLUMNS + 1] as number };
}

/**
 * One page by OFFSET, with the total and the cursor after its last row (null on the last page),
 * so the next page can be read by keyset (searchTransactionsAfter) and only a jump pays OFFSET.
 */
export function searchTransactions(p: LedgerProjection, search: TransactionSearch = {}): Page<TransactionView> & { next: TransactionCursor | null } {
  const { where, params } = whereClause(p, search);
  const { offset, limit } = clampPage(search.offset, search.limit);
  const direction = search.direction === 'asc' ? 'ASC' : 'DESC';
  const column = SORT_COLUMNS[search.sort ?? 'date'];
  // Only whitelisted column names reach the SQL text; the recording order breaks ties so pages never overlap.
  const orderBy = `${column} ${direction}, t.n ${direction}`;
  const total = p.sql.get<{ total: number }>(`SELECT COUNT(*) AS total FROM ${LIST_COUNT_FROM} WHERE ${where}`, ...params)?.total ?? 0;
  const rows = listRows(p, `SELECT ${LIST_SELECT}, ${column}, t.n FROM ${LIST_FROM} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [
    ...params,
    limit,
    offset,
  ]);
  const last = rows.at(-1);
  return { total, rows: pageOf(rows, readNameBook(p.sql)), next: last && offset + rows.length < total ? cursorOf(last) : null };
}

/** Where a keyset page ends: the sort column's value and the recording order of its last row. */
export interface TransactionCursor {
  key: string | number;
  n: number;
}

/**
 * The same search, paged by keyset instead of OFFSET: each page starts right after `after` in the
 * index order, so reading page k costs one page, not k (OFFSET walks and drops every row before
 * it). No COUNT either: a caller that needs the total takes it once from searchTransactions.
 * `next` is null on the last page.
 */
export function searchTransactionsAfter(
  p: LedgerProjection,
  search: TransactionSearch,
  after: TransactionCursor | null,
): { rows: TransactionView[]; next: TransactionCursor | null } {
  const { where, params } = whereClause(p, search);
  const { limit } = clampPage(0, search.limit);
  const descending = search.direction !== 'asc';
  const column = SORT_COLUMNS[search.sort ?? 'date'];
  const direction = descending ? 'DESC' : 'ASC';
  const keyset = after ? ` AND (${column}, t.n) ${descending ? '<' : '>'} (?, ?)` : '';
  const rows = listRows(
    p,
    `SELECT ${LIST_SELECT}, ${column}, t.n FROM ${LIST_FROM}
     WHERE (${where})${keyset} ORDER BY ${column} ${direction}, t.n ${direction} LIMIT ?`,
    [...params, ...(after ? [after.key, after.n] : []), limit],
  );
  const last = rows.at(-1);
  return {
    rows: pageOf(rows, readNameBook(p.sql)),
    next: last && rows.length === limit ? cursorOf(last) : null,
  };
}

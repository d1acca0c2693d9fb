/**
 * The SELECT behind every transaction list, so search, register and "recently deleted" show the same
 * fields. A transfer leg is joined to its other leg (ct, a transfer has exactly two), so a row can
 * name both accounts and, across currencies, both amounts.
 */
import type { TransactionView } from './views';
import type { TransactionKind } from './read-model';
import type { TransactionStatus } from './events';

export const TRANSACTION_SELECT = `
  t.id AS id, t.account_id AS accountId, a.name AS accountName, t.kind AS kind,
  t.amount_minor AS amountMinor, t.currency AS currency, t.date AS date, t.payee AS payee,
  t.category_id AS categoryId, c.name AS categoryName, pc.name AS parentCategoryName,
  t.tags AS tags, t.note AS note, t.status AS status, t.voided AS voided, t.voided_at AS voidedAt,
  t.transfer_id AS transferId,
  ct.account_id AS counterAccountId, ca.name AS counterAccountName, ct.status AS counterStatus,
  ct.amount_minor AS counterAmountMinor, ct.currency AS counterCurrency,
  t.recorded_at AS recordedAt, t.updated_at AS updatedAt, t.adjustment AS adjustment`;

export const TRANSACTION_FROM = `
  transactions t
  JOIN accounts a ON a.id = t.account_id
  LEFT JOIN categories c ON c.id = t.category_id
  LEFT JOIN categories pc ON pc.id = c.parent_id
  LEFT JOIN transactions ct ON ct.transfer_id = t.transfer_id AND ct.id <> t.id
  LEFT JOIN accounts ca ON ca.id = ct.account_id`;

export interface RawTransactionView {
  id: string;
  accountId: string;
  accountName: string;
  kind: TransactionKind;
  amountMinor: number;
  currency: string;
  date: string;
  payee: string;
  categoryId: string | null;
  categoryName: string | null;
  parentCategoryName: string | null;
  tags: string;
  note: string;
  status: TransactionStatus;
  voided: number;
  voidedAt: string | null;
  transferId: string | null;
  counterAccountId: string | null;
  counterAccountName: string | null;
  counterStatus: TransactionStatus | null;
  counterAmountMinor: number | null;
  counterCurrency: string | null;
  recordedAt: string;
  updatedAt: string;
  adjustment: number;
}

export function toView(raw: RawTransactionView): TransactionView {
  const { tags, voided, adjustment, ...rest } = raw;
  return { ...rest, tags: JSON.parse(tags) as string[], voided: voided === 1, adjustment: adjustment === 1 };
}

/**
 * The lean form of the same rows, for lists that read thousands at a time (search, the full list
 * page by page): the line and its transfer counterpart only, as arrays (no per-row object from
 * SQLite), with account and category names looked up in JS (`NameBook`, a few dozen rows) instead
 * of four joins per row. `LIST_FROM` keeps the category joins the filters refer to (c, pc); SQLite
 * drops them when nothing in the statement reads them (LEFT JOIN on a unique key). Same fields and
 * values as TRANSACTION_SELECT + toView.
 */
export const LIST_SELECT = `
  t.id, t.account_id, t.kind, t.amount_minor, t.currency, t.date, t.payee, t.category_id, t.tags, t.note,
  t.status, t.voided, t.voided_at, t.transfer_id, ct.account_id, ct.status, ct.amount_minor, ct.currency,
  t.recorded_at, t.updated_at, t.adjustment`;

/** Columns LIST_SELECT reads, in order; a caller may append its own after them. */
export const LIST_COLUMNS = 21;

/** The lines a list filters (aliases t, c, pc): counting needs no more than this. */
export const LIST_COUNT_FROM = `
  transactions t
  LEFT JOIN categories c ON c.id = t.category_id
  LEFT JOIN categories pc ON pc.id = c.parent_id`;

/** …and each line's transfer counterpart (exactly one per leg, none otherwise: the same row count). */
export const LIST_FROM = `${LIST_COUNT_FROM}
  LEFT JOIN transactions ct ON ct.transfer_id = t.transfer_id AND ct.id <> t.id`;

/** Account and category names by id, read once per list call. */
export interface NameBook {
  accounts: Map<string, string>;
  categories: Map<string, { name: string; parentId: string | null }>;
}

export function readNameBook(sql: { all<T>(sql: string): T[] }): NameBook {
  return {
    accounts: new Map(sql.all<{ id: string; name: string }>('SELECT id, name FROM accounts').map((row) => [row.id, row.name])),
    categories: new Map(
      sql.all<{ id: string; name: string; parentId: string | null }>('SELECT id, name, parent_id AS parentId FROM categories').map((row) => [
        row.id,
        { name: row.name, parentId: row.parentId },
      ]),
    ),
  };
}

const NO_TAGS = '[]';

/** One LIST_SELECT row (raw array) as the view toView would give for the joined row. */
export function listRowToView(row: readonly unknown[], names: NameBook): TransactionView {
  const categoryId = row[7] as string | null;
  const category = categoryId === null ? undefined : names.categories.get(categoryId);
  const parent = category?.parentId ? names.categories.get(category.parentId) : undefined;
  const counterAccountId = row[14] as string | null;
  const tags = row[8] as string;
  return {
    id: row[0] as string,
    accountId: row[1] as string,
    // The inner JOIN this replaces never yields a row without its account.
    accountName: names.accounts.get(row[1] as string)!,
    kind: row[2] as TransactionKind,
    amountMinor: row[3] as number,
    currency: row[4] as string,
    date: row[5] as string,
    payee: row[6] as string,
    categoryId,
    categoryName: category?.name ?? null,
    parentCategoryName: parent?.name ?? null,
    note: row[9] as string,
    status: row[10] as TransactionStatus,
    voidedAt: row[12] as string | null,
    transferId: row[13] as string | null,
    counterAccountId,
    counterAccountName: counterAccountId === null ? null : (names.accounts.get(counterAccountId) ?? null),
    counterStatus: row[15] as TransactionStatus | null,
    counterAmountMinor: row[16] as number | null,
    counterCurrency: row[17] as string | null,
    recordedAt: row[18] as string,
    updatedAt: row[19] as string,
    // Last, in toView's key order (the wire and any JSON of a row come out the same).
    tags: tags === NO_TAGS ? [] : (JSON.parse(tags) as string[]),
    voided: row[11] === 1,
    adjustment: row[20] === 1,
  };
}

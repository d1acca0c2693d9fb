/** The SELECT behind every transaction list, so search, register and "recently deleted" show the same fields. */
import type { TransactionView } from './views';
import type { TransactionKind } from './read-model';
import type { TransactionStatus } from './events';

export const TRANSACTION_SELECT = `
  t.id AS id, t.account_id AS accountId, a.name AS accountName, t.kind AS kind,
  t.amount_minor AS amountMinor, t.currency AS currency, t.date AS date, t.payee AS payee,
  t.category_id AS categoryId, c.name AS categoryName, pc.name AS parentCategoryName,
  t.tags AS tags, t.note AS note, t.status AS status, t.voided AS voided, t.voided_at AS voidedAt,
  t.transfer_id AS transferId,
  (SELECT o.account_id FROM transactions o WHERE o.transfer_id = t.transfer_id AND o.id <> t.id) AS counterAccountId,
  (SELECT oa.name FROM transactions o JOIN accounts oa ON oa.id = o.account_id WHERE o.transfer_id = t.transfer_id AND o.id <> t.id) AS counterAccountName,
  (SELECT o.status FROM transactions o WHERE o.transfer_id = t.transfer_id AND o.id <> t.id) AS counterStatus,
  t.recorded_at AS recordedAt, t.updated_at AS updatedAt, t.adjustment AS adjustment`;

export const TRANSACTION_FROM = `
  transactions t
  JOIN accounts a ON a.id = t.account_id
  LEFT JOIN categories c ON c.id = t.category_id
  LEFT JOIN categories pc ON pc.id = c.parent_id`;

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
  recordedAt: string;
  updatedAt: string;
  adjustment: number;
}

export function toView(raw: RawTransactionView): TransactionView {
  const { tags, voided, adjustment, ...rest } = raw;
  return { ...rest, tags: JSON.parse(tags) as string[], voided: voided === 1, adjustment: adjustment === 1 };
}

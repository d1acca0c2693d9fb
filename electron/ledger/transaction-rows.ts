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

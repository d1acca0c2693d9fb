/** Row shapes of the projection's tables and their mapping to the read model's types. */
import type { AccountKind, CategoryKind, TransactionStatus } from './events';
import type { AccountState, CategoryState, TransactionKind, TransactionState } from './read-model';

export interface AccountRow {
  id: string;
  name: string;
  kind: AccountKind;
  currency: string;
  opening_balance_minor: number;
  credit_limit_minor: number;
  opened_on: string;
  frozen: number;
  frozen_reason: string;
  closed: number;
  note: string;
  position: number | null;
}

export interface TransactionRow {
  id: string;
  account_id: string;
  kind: TransactionKind;
  amount_minor: number;
  currency: string;
  date: string;
  payee: string;
  category_id: string | null;
  tags: string;
  note: string;
  status: TransactionStatus;
  voided: number;
  voided_at: string | null;
  transfer_id: string | null;
  reconciliation_id: string | null;
  recorded_at: string;
  updated_at: string;
}

export interface CategoryRow {
  id: string;
  name: string;
  kind: CategoryKind;
  parent_id: string | null;
  archived: number;
}

export function toAccount(row: AccountRow): AccountState {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    currency: row.currency,
    openingBalanceMinor: row.opening_balance_minor,
    creditLimitMinor: row.credit_limit_minor,
    openedOn: row.opened_on,
    frozen: row.frozen === 1,
    closed: row.closed === 1,
    note: row.note,
  };
}

export function toTransaction(row: TransactionRow): TransactionState {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    amountMinor: row.amount_minor,
    currency: row.currency,
    date: row.date,
    payee: row.payee,
    categoryId: row.category_id,
    tags: JSON.parse(row.tags) as string[],
    note: row.note,
    status: row.status,
    voided: row.voided === 1,
    transferId: row.transfer_id,
  };
}

export function toCategory(row: CategoryRow): CategoryState {
  return { id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id, archived: row.archived === 1 };
}

/**
 * What `decide` may ask about the current state. The projection implements it with SQL; keeping
 * it an interface keeps the rules pure and lets them be read without any database in mind.
 */
import type { AccountKind, CategoryKind, TransactionStatus } from './events';

export interface AccountState {
  id: string;
  name: string;
  kind: AccountKind;
  currency: string;
  openingBalanceMinor: number;
  creditLimitMinor: number;
  openedOn: string;
  frozen: boolean;
  closed: boolean;
  note: string;
}

export type TransactionKind = 'expense' | 'income' | 'transfer';

export interface TransactionState {
  id: string;
  accountId: string;
  kind: TransactionKind;
  amountMinor: number;
  currency: string;
  date: string;
  payee: string;
  categoryId: string | null;
  tags: string[];
  note: string;
  status: TransactionStatus;
  voided: boolean;
  transferId: string | null;
}

export interface CategoryState {
  id: string;
  name: string;
  kind: CategoryKind;
  parentId: string | null;
  /** Merged or deleted: no longer offered or usable. */
  archived: boolean;
}

export interface LedgerReadModel {
  account(id: string): AccountState | undefined;
  /** An account that is not closed with this name (case-insensitive): names identify accounts in the CLI. */
  openAccountByName(name: string): AccountState | undefined;
  /** Ids of the accounts that are not closed, in list order (the user's, then opening order). */
  openAccountIds(): string[];
  /** Opening balance plus every live (non-voided) transaction. */
  balance(accountId: string): number;
  /** Opening balance plus live transactions already reconciled: the start of the next reconciliation. */
  reconciledBalance(accountId: string): number;
  transaction(id: string): TransactionState | undefined;
  /** Both legs of a transfer, outgoing leg first. */
  transferLegs(transferId: string): TransactionState[];
  category(id: string): CategoryState | undefined;
  /** Categories in use (not archived) with this parent (null: top level) and kind. */
  categoryChildren(parentId: string | null, kind: CategoryKind): CategoryState[];
  /** Every transaction line naming this category, voided ones included, in recording order. */
  transactionIdsInCategory(categoryId: string): string[];
  /** Whether any category is in use (not archived). */
  hasCategories(): boolean;
  /** The stored rate of one `currency` in `base` (decimal text), if the user set one. */
  exchangeRate(currency: string, base: string): string | undefined;
}

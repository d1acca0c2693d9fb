/** The shapes queries return. Money is integer minor units with its currency; format with shared/money. */
import type { AccountKind, CategoryKind, TransactionStatus } from './events';
import type { TransactionKind } from './read-model';

export interface AccountView {
  id: string;
  name: string;
  kind: AccountKind;
  currency: string;
  openingBalanceMinor: number;
  creditLimitMinor: number;
  openedOn: string;
  frozen: boolean;
  frozenReason: string;
  closed: boolean;
  note: string;
  /** Opening balance + all live transactions, derived on every read. */
  balanceMinor: number;
  /** What may still be spent: balance + credit limit / overdraft (never below 0). */
  availableMinor: number;
}

export interface TransactionView {
  id: string;
  accountId: string;
  accountName: string;
  kind: TransactionKind;
  /** Signed: expenses and outgoing transfers are negative. */
  amountMinor: number;
  currency: string;
  date: string;
  payee: string;
  categoryId: string | null;
  categoryName: string | null;
  /** The parent's name when the category is nested, e.g. Food for Food › Groceries. */
  parentCategoryName: string | null;
  tags: string[];
  note: string;
  status: TransactionStatus;
  voided: boolean;
  voidedAt: string | null;
  transferId: string | null;
  /** For a transfer: the other account. */
  counterAccountId: string | null;
  counterAccountName: string | null;
  counterStatus: TransactionStatus | null;
  /** For a transfer: the other leg's signed amount, in its own currency. */
  counterAmountMinor: number | null;
  counterCurrency: string | null;
  recordedAt: string;
  updatedAt: string;
  /** A reconcile balance adjustment (余额调整). */
  adjustment: boolean;
}

export interface RegisterLine extends TransactionView {
  /** The account's balance right after this line (lines ordered by date, then recording order). */
  runningBalanceMinor: number;
}

export interface Page<T> {
  total: number;
  rows: T[];
}

export interface CategoryNode {
  id: string;
  name: string;
  kind: CategoryKind;
  parentId: string | null;
  children: CategoryNode[];
}

export interface HistoryEntry {
  eventId: string;
  at: string;
  action: 'recorded' | 'amended' | 'voided' | 'restored' | 'status' | 'reconciled';
  details: Record<string, unknown>;
}

export interface Converted {
  currency: string;
  totalMinor: number;
  /** Currencies held but left out because no rate was given for them. */
  missingRates: string[];
}

/** Units of the target currency per one unit of each other currency, as decimal text: { USD: '7.1234' }. */
export type Rates = Readonly<Record<string, string>>;

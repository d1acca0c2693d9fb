/**
 * What the ledger's queries return over the contract. Money is always integer minor units of
 * the row's currency (exact in JSON); the renderer formats it with shared/money.ts.
 */
import { z } from 'zod';

const Minor = z.number().int();
const Id = z.string();

export const AccountKind = z.enum(['bank', 'cash', 'ewallet', 'credit', 'savings']);
export type AccountKind = z.infer<typeof AccountKind>;
export const TransactionStatus = z.enum(['pending', 'cleared', 'reconciled']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const AccountView = z.object({
  id: Id,
  name: z.string(),
  kind: AccountKind,
  currency: z.string(),
  openingBalanceMinor: Minor,
  /** Credit card limit or bank overdraft: how far below zero the balance may go. */
  creditLimitMinor: Minor,
  openedOn: z.string(),
  frozen: z.boolean(),
  frozenReason: z.string(),
  closed: z.boolean(),
  note: z.string(),
  /** Opening balance + all live transactions, derived on every read. */
  balanceMinor: Minor,
  /** What may still be spent: balance + credit limit / overdraft (never below 0). */
  availableMinor: Minor,
});
export type AccountView = z.infer<typeof AccountView>;

export const CurrencyTotal = z.object({ currency: z.string(), balanceMinor: Minor });
export const AccountsView = z.object({ accounts: z.array(AccountView), totals: z.array(CurrencyTotal) });
export type AccountsView = z.infer<typeof AccountsView>;

export const TransactionView = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  kind: z.enum(['expense', 'income', 'transfer']),
  amountMinor: Minor,
  currency: z.string(),
  date: z.string(),
  payee: z.string(),
  categoryId: Id.nullable(),
  categoryName: z.string().nullable(),
  /** The parent's name when the category is nested, e.g. Food for Food › Groceries. */
  parentCategoryName: z.string().nullable(),
  tags: z.array(z.string()),
  note: z.string(),
  status: TransactionStatus,
  voided: z.boolean(),
  voidedAt: z.string().nullable(),
  transferId: Id.nullable(),
  /** For a transfer: the other account. */
  counterAccountId: Id.nullable(),
  counterAccountName: z.string().nullable(),
  /** For a transfer: the other leg's status. A reconciled leg locks the whole transfer (it is amended as one). */
  counterStatus: TransactionStatus.nullable(),
  /** For a transfer: the other leg's signed amount in its currency (e.g. +10000 USD against −71000 CNY). */
  counterAmountMinor: Minor.nullable(),
  counterCurrency: z.string().nullable(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  /** A reconcile balance adjustment (余额调整), shown as such in lists and exports. */
  adjustment: z.boolean(),
  /** Register only (null elsewhere): the account balance right after this row, in date order. */
  runningBalanceMinor: Minor.nullable(),
});
export type TransactionView = z.infer<typeof TransactionView>;

/**
 * Where a page of the transaction list ends, in its sort order: the sort column's value of its
 * last row and that row's recording order. The next page is read from there (keyset), which costs
 * one page however deep in the list it is; OFFSET walks every row before it.
 */
export const TransactionCursor = z.object({ key: z.union([z.string().max(1000), z.number().int()]), n: z.number().int().min(0) }).strict();
export type TransactionCursor = z.infer<typeof TransactionCursor>;

export const TransactionPage = z.object({
  total: z.number().int(),
  rows: z.array(TransactionView),
  /** `ledger/transactions` only: the cursor after the last row, null on the last page. */
  next: TransactionCursor.nullable().optional(),
});
export type TransactionPage = z.infer<typeof TransactionPage>;

export const TransactionQuery = z
  .object({
    text: z.string().max(200).optional(),
    accountIds: z.array(Id).max(500).optional(),
    categoryIds: z.array(Id).max(500).optional(),
    /** Only expenses and incomes with no category (transfers never have one). */
    uncategorized: z.boolean().optional(),
    from: z.string().max(10).optional(),
    to: z.string().max(10).optional(),
    /** Decimal text in the account currency; compared with the magnitude of the amount. */
    minAmount: z.string().max(32).optional(),
    maxAmount: z.string().max(32).optional(),
    status: z.array(TransactionStatus).max(3).optional(),
    includeVoided: z.boolean().optional(),
    sort: z.enum(['date', 'amount', 'payee']).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type TransactionQuery = z.infer<typeof TransactionQuery>;

/** The same query, the page after `after` (no OFFSET, no count: the total came with the first page). */
export const TransactionsAfterQuery = TransactionQuery.omit({ offset: true }).extend({ after: TransactionCursor }).strict();
export type TransactionsAfterQuery = z.infer<typeof TransactionsAfterQuery>;
export const TransactionsAfterPage = z.object({ rows: z.array(TransactionView), next: TransactionCursor.nullable() });
export type TransactionsAfterPage = z.infer<typeof TransactionsAfterPage>;

export const HistoryEntry = z.object({
  eventId: z.string(),
  at: z.string(),
  action: z.enum(['recorded', 'amended', 'voided', 'restored', 'status', 'reconciled']),
  /** The fields this event set, as the event recorded them (amounts in minor units). */
  details: z.record(z.string(), z.unknown()),
});
export const TransactionHistory = z.object({ transaction: TransactionView, entries: z.array(HistoryEntry) });
export type TransactionHistory = z.infer<typeof TransactionHistory>;

export const CategoryView = z.object({ id: Id, name: z.string(), kind: z.enum(['expense', 'income']), parentId: Id.nullable() });
export type CategoryView = z.infer<typeof CategoryView>;
export const CategoriesView = z.object({ categories: z.array(CategoryView) });

export const BudgetRow = z.object({
  categoryId: Id,
  name: z.string(),
  parentId: Id.nullable(),
  currency: z.string(),
  budgetMinor: Minor,
  /** Expenses in the month in this category and its children, in the budget's currency. */
  spentMinor: Minor,
  /** Negative when over budget. */
  remainingMinor: Minor,
  /** The month the amount was set for (it carries forward until changed). */
  setForMonth: z.string(),
  /** The parent whose budget already contains this one; null when it counts on its own. */
  includedIn: Id.nullable(),
  /** Names of the children whose budgets are part of this one. */
  includes: z.array(z.string()),
});
export type BudgetRow = z.infer<typeof BudgetRow>;
/** Totals per currency by the roll-up rule in electron/ledger/reports.ts (budgetOverview): each expense counted once. */
export const BudgetTotal = z.object({ currency: z.string(), budgetMinor: Minor, spentMinor: Minor });
export type BudgetTotal = z.infer<typeof BudgetTotal>;
export const BudgetsView = z.object({ month: z.string(), rows: z.array(BudgetRow), totals: z.array(BudgetTotal) });
export type BudgetsView = z.infer<typeof BudgetsView>;

/** Amounts are per currency and never added across currencies, except net worth (converted with user rates). */
export const ReportsView = z.object({
  spendingByCategory: z.array(z.object({ categoryId: Id.nullable(), name: z.string().nullable(), currency: z.string(), spentMinor: Minor })),
  incomeVsExpense: z.array(z.object({ month: z.string(), currency: z.string(), incomeMinor: Minor, expenseMinor: Minor })),
  netWorth: z.array(z.object({ month: z.string(), currency: z.string(), totalMinor: Minor, missingRates: z.array(z.string()) })),
});
export type ReportsView = z.infer<typeof ReportsView>;

export const NetWorthView = z.object({ currency: z.string(), totalMinor: Minor, missingRates: z.array(z.string()) });
export type NetWorthView = z.infer<typeof NetWorthView>;

export const ReconcilePreview = z.object({
  currency: z.string(),
  statementDate: z.string(),
  /** Opening balance + lines reconciled before + live lines ticked now. */
  clearedBalanceMinor: Minor,
  statementBalanceMinor: Minor,
  /** statement − cleared: zero means the books agree with the bank; only then may it finish. */
  differenceMinor: Minor,
});
export type ReconcilePreview = z.infer<typeof ReconcilePreview>;

/** What a ledger command answers: the ids it created or touched (idempotent: a retry gets the same). */
export const CommandOutcome = z.object({
  requestId: z.string(),
  ids: z.array(Id),
  replayed: z.boolean(),
});
export type CommandOutcome = z.infer<typeof CommandOutcome>;

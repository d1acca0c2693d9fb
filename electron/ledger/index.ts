/**
 * The ledger capability's public surface: events in, projection out, commands through `Ledger`,
 * reads through the query functions. Plain Node: nothing here imports 'electron'.
 */
export { Ledger, type CommandResult, type EventSink, type LedgerDeps } from './ledger';
export {
  LedgerProjection,
  asLedgerProjection,
  ledgerProjectionFactory,
  type Projection,
  type ProjectionFactory,
} from './projection';
export { LedgerCommand, decide, type CommandOf, type CommandType, type DecideContext } from './commands';
export {
  LedgerEvent,
  ACCOUNT_KINDS,
  CATEGORY_KINDS,
  USER_STATUSES,
  EVENT_SCHEMA_VERSION,
  type AccountKind,
  type CategoryKind,
  type TransactionStatus,
  type UserStatus,
} from './events';
export type { AccountState, CategoryState, TransactionKind, TransactionState } from './read-model';
export { PROJECTION_SCHEMA_VERSION } from './schema';
export { MIN_DATE, MAX_DATE, localDate } from './dates';
export * as queries from './queries';
export { searchTransactions, searchTransactionsAfter, type TransactionCursor, type TransactionSearch } from './search';
export { billTotals, type BillTotals } from './bill';
export {
  budgetProgress,
  incomeVsExpenseByMonth,
  netWorthOverTime,
  spendingByCategory,
  type BudgetProgress,
  type CategorySpending,
  type MonthIncomeExpense,
  type NetWorthPoint,
} from './reports';
export type { ReconcileFigures } from './reconcile';
export type * from './views';

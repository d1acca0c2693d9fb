/**
 * The ledger's events: the only thing written to the journal. They are facts, never edited:
 * an amendment or a deletion is a later event. Schemas are strict about values (ids, dates,
 * integer minor units) so that a damaged or foreign payload is refused at replay instead of
 * producing a plausible but wrong balance.
 *
 * Every event carries `eventId` (random UUID: globally unique, so journals from two devices can
 * be merged later), `requestId` (the client request that caused it: idempotency), `at` (UTC
 * instant) and `v` (this schema's version).
 */
import { z } from 'zod';
import { isCurrencyCode } from '../../shared/currencies';
import { ACCOUNT_KINDS, CATEGORY_KINDS, Id, LIMITS, RequestId, USER_STATUSES, type UserStatus } from '../../shared/ledger-commands';
import { isCalendarDate, isMonth, MAX_DATE, MIN_DATE } from './dates';
import { AlertSettings } from '../../shared/security-centre';

export const EVENT_SCHEMA_VERSION = 1;

// The vocabulary shared with the commands (the contract's wire shapes) is declared there, once.
export { ACCOUNT_KINDS, CATEGORY_KINDS, Id, LIMITS, RequestId, USER_STATUSES };
export type { AccountKind, CategoryKind, UserStatus } from '../../shared/ledger-commands';
export type TransactionStatus = UserStatus | 'reconciled';

export const CurrencyCode = z.string().refine(isCurrencyCode, 'unknown currency');
export const BookingDate = z.string().refine((value) => isCalendarDate(value) && value >= MIN_DATE && value <= MAX_DATE, 'bad date');
export const Month = z.string().refine((value) => isMonth(value) && value >= MIN_DATE.slice(0, 7) && value <= MAX_DATE.slice(0, 7), 'bad month');
/** z.int() accepts safe integers only: exactly the range money may take. */
export const Minor = z.int();
export const Name = z.string().trim().min(1).max(LIMITS.name);
export const Tags = z.array(z.string().trim().min(1).max(LIMITS.tag)).max(LIMITS.tags);

const base = {
  v: z.literal(EVENT_SCHEMA_VERSION),
  eventId: z.uuid(),
  requestId: RequestId,
  at: z.iso.datetime(),
  /** Digest of the command that caused it (command-digest.ts); absent in events written before it existed. */
  commandDigest: z.string().regex(/^[0-9a-f]{32}$/).optional(),
};

export const AccountOpened = z.object({
  ...base,
  type: z.literal('AccountOpened'),
  accountId: Id,
  name: Name,
  kind: z.enum(ACCOUNT_KINDS),
  currency: CurrencyCode,
  openingBalanceMinor: Minor,
  /** How far below zero the balance may go: the credit limit of a card, a bank overdraft; 0 = none. */
  creditLimitMinor: Minor.nonnegative(),
  openedOn: BookingDate,
});

export const AccountUpdated = z.object({
  ...base,
  type: z.literal('AccountUpdated'),
  accountId: Id,
  name: Name.optional(),
  creditLimitMinor: Minor.nonnegative().optional(),
  kind: z.enum(ACCOUNT_KINDS).optional(),
  note: z.string().max(LIMITS.note).optional(),
  /** Place in the account lists (0 first); accounts never placed follow, in opening order. */
  position: z.int().nonnegative().max(1_000_000).optional(),
});

export const AccountFrozen = z.object({
  ...base,
  type: z.literal('AccountFrozen'),
  accountId: Id,
  reason: z.string().max(LIMITS.reason),
});

export const AccountUnfrozen = z.object({ ...base, type: z.literal('AccountUnfrozen'), accountId: Id });
export const AccountClosed = z.object({ ...base, type: z.literal('AccountClosed'), accountId: Id });

const transactionDetails = {
  date: BookingDate,
  payee: z.string().max(LIMITS.payee),
  tags: Tags,
  note: z.string().max(LIMITS.note),
  status: z.enum(USER_STATUSES),
};

export const TransactionRecorded = z
  .object({
    ...base,
    ...transactionDetails,
    type: z.literal('TransactionRecorded'),
    transactionId: Id,
    accountId: Id,
    kind: z.enum(CATEGORY_KINDS),
    /** Signed: an expense is negative, an income positive. */
    amountMinor: Minor,
    currency: CurrencyCode,
    categoryId: Id.nullable(),
    /** A reconcile balance adjustment (余额调整): the difference between the books and a statement or counted cash. */
    adjustment: z.literal(true).optional(),
  })
  .refine((event) => (event.kind === 'expense' ? event.amountMinor < 0 : event.amountMinor > 0), 'sign must match kind');

/** One event, two register lines: the outgoing leg and the incoming leg share `transferId`. */
export const TransferRecorded = z.object({
  ...base,
  ...transactionDetails,
  type: z.literal('TransferRecorded'),
  transferId: Id,
  fromTransactionId: Id,
  toTransactionId: Id,
  fromAccountId: Id,
  toAccountId: Id,
  /** Positive amount leaving `fromAccountId`, in `currency`. */
  amountMinor: Minor.positive(),
  currency: CurrencyCode,
  /** Positive amount arriving in `toAccountId`, in `toCurrency` (equal to amountMinor when the currencies match). */
  toAmountMinor: Minor.positive(),
  toCurrency: CurrencyCode,
});

export const TransactionAmended = z.object({
  ...base,
  type: z.literal('TransactionAmended'),
  transactionId: Id,
  changes: z
    .object({
      accountId: Id.optional(),
      /** New signed amount of this line. */
      amountMinor: Minor.optional(),
      /** For a transfer: new signed amount of the other leg, so both legs change in one fact. */
      counterAmountMinor: Minor.optional(),
      date: BookingDate.optional(),
      payee: z.string().max(LIMITS.payee).optional(),
      categoryId: Id.nullable().optional(),
      tags: Tags.optional(),
      note: z.string().max(LIMITS.note).optional(),
    })
    .refine((changes) => Object.keys(changes).length > 0, 'no changes'),
});

/** Voiding or restoring one leg of a transfer applies to both legs. */
export const TransactionVoided = z.object({
  ...base,
  type: z.literal('TransactionVoided'),
  transactionId: Id,
  reason: z.string().max(LIMITS.reason),
});
export const TransactionRestored = z.object({ ...base, type: z.literal('TransactionRestored'), transactionId: Id });

export const TransactionStatusChanged = z.object({
  ...base,
  type: z.literal('TransactionStatusChanged'),
  transactionId: Id,
  status: z.enum(USER_STATUSES),
});

export const CategoryDefined = z.object({
  ...base,
  type: z.literal('CategoryDefined'),
  categoryId: Id,
  name: Name,
  kind: z.enum(CATEGORY_KINDS),
  parentId: Id.nullable(),
});

/**
 * The category leaves every list and picker and can no longer be used; rows that name it keep
 * their name. `mergedInto` is the category its transactions were moved to (by TransactionAmended
 * events of the same request, before this one), null when it was deleted unused.
 */
export const CategoryArchived = z.object({
  ...base,
  type: z.literal('CategoryArchived'),
  categoryId: Id,
  mergedInto: Id.nullable(),
});

/** The budget for a category from `month` on, until a later BudgetSet; 0 removes it. */
export const BudgetSet = z.object({
  ...base,
  type: z.literal('BudgetSet'),
  categoryId: Id,
  month: Month,
  amountMinor: Minor.nonnegative(),
  currency: CurrencyCode,
});

/** Decimal text of a positive exchange rate, as the engine stored it (no sign, no separators). */
export const RateText = z.string().max(64).regex(/^\d+(\.\d+)?$/).refine((text) => /[1-9]/.test(text), 'zero rate');

/** One `currency` is worth `rate` of `base`, until a later ExchangeRateSet of the pair; null removes it. */
export const ExchangeRateSet = z.object({
  ...base,
  type: z.literal('ExchangeRateSet'),
  currency: CurrencyCode,
  base: CurrencyCode,
  rate: RateText.nullable(),
});

export const Reconciled = z.object({
  ...base,
  type: z.literal('Reconciled'),
  reconciliationId: Id,
  accountId: Id,
  statementDate: BookingDate,
  statementBalanceMinor: Minor,
  /** Transactions newly confirmed by this statement; they become 'reconciled' and locked. */
  clearedTransactionIds: z.array(Id).max(LIMITS.cleared),
});

// ── Statement import (electron/import): one batch = ImportBatchStarted + its TransactionsImported
// chunks, appended in ONE journal transaction (EVENTS.md "Import batches").

export const IMPORT_FORMATS = ['csv', 'ofx', 'qif', 'alipay', 'wechat'] as const;
/** Rows per TransactionsImported event: small enough to fold in a few ms, large enough that 100k rows are ~100 events. */
export const IMPORT_CHUNK_ROWS = 1000;

export const ImportBatchStarted = z.object({
  ...base,
  type: z.literal('ImportBatchStarted'),
  batchId: Id,
  /** The account the statement belongs to (rows may be routed to other accounts by payment method). */
  accountId: Id,
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string().max(LIMITS.payee),
  encoding: z.string().max(40),
  /** Rows this batch records (over all its chunks) and how many chunks carry them. */
  rowCount: z.int().nonnegative(),
  chunkCount: z.int().nonnegative(),
});

/** One statement row as recorded: an expense/income line, or a transfer (neutral row) with its counter leg. */
export const ImportedRow = z
  .object({
    ...transactionDetails,
    transactionId: Id,
    accountId: Id,
    kind: z.enum(['expense', 'income', 'transfer']),
    /** Signed, seen from `accountId`. */
    amountMinor: Minor,
    currency: CurrencyCode,
    categoryId: Id.nullable(),
    /** The statement's own id for the row (FITID, 交易订单号 …), trimmed; null when it has none. */
    externalId: z.string().min(1).max(200).nullable(),
    /** 1-based line (or record) in the file. */
    line: z.int().positive(),
    /** External id of the payment a refund gives back, when the statement says so. */
    refundOf: z.string().min(1).max(200).nullable(),
    /** Transfers only: the other leg. */
    transfer: z.object({ transferId: Id, counterTransactionId: Id, counterAccountId: Id }).nullable(),
  })
  .refine((row) => row.amountMinor !== 0, 'amount must not be zero')
  .refine((row) => (row.kind === 'transfer') === (row.transfer !== null), 'transfer rows and only they have a counter leg')
  .refine((row) => row.kind === 'transfer' || (row.kind === 'expense' ? row.amountMinor < 0 : row.amountMinor > 0), 'sign must match kind');
export type ImportedRow = z.infer<typeof ImportedRow>;

export const TransactionsImported = z.object({
  ...base,
  type: z.literal('TransactionsImported'),
  batchId: Id,
  /** 0-based position of this chunk in its batch. */
  chunk: z.int().nonnegative(),
  rows: z.array(ImportedRow).min(1).max(IMPORT_CHUNK_ROWS),
});

/** Voids every live transaction of the batch (both legs of its transfers); reconciled rows block it. */
export const ImportBatchUndone = z.object({
  ...base,
  type: z.literal('ImportBatchUndone'),
  batchId: Id,
  reason: z.string().max(LIMITS.reason),
});

/** Undoes the undo: restores the rows ImportBatchUndone voided (not those voided one by one). */
export const ImportBatchRestored = z.object({ ...base, type: z.literal('ImportBatchRestored'), batchId: Id });
// ── What the user told the anomaly alerts (electron/security/alerts): no effect on any balance ──
const AlertKey = z.string().min(1).max(600);

/** The alert rules' settings from now on (replaces the earlier ones whole). */
export const AlertRulesSet = z.object({ ...base, type: z.literal('AlertRulesSet'), settings: AlertSettings });

/** An alert put away; with `quietUntil`, its condition stays quiet up to that booking date. */
export const AlertDismissed = z.object({
  ...base,
  type: z.literal('AlertDismissed'),
  alertKey: AlertKey,
  condition: AlertKey,
  quietUntil: BookingDate.nullable(),
});

/** "Not unusual": the condition is allowlisted up to this amount (positive minor units) and the alert put away. */
export const AlertMarkedUsual = z.object({
  ...base,
  type: z.literal('AlertMarkedUsual'),
  alertKey: AlertKey,
  condition: AlertKey,
  amountMinor: Minor.nonnegative(),
});

export const ALERT_EVENT_TYPES = ['AlertRulesSet', 'AlertDismissed', 'AlertMarkedUsual'] as const;

export const LedgerEvent = z.discriminatedUnion('type', [
  AccountOpened,
  AccountUpdated,
  AccountFrozen,
  AccountUnfrozen,
  AccountClosed,
  TransactionRecorded,
  TransferRecorded,
  TransactionAmended,
  TransactionVoided,
  TransactionRestored,
  TransactionStatusChanged,
  CategoryDefined,
  CategoryArchived,
  BudgetSet,
  ExchangeRateSet,
  Reconciled,
  ImportBatchStarted,
  TransactionsImported,
  ImportBatchUndone,
  ImportBatchRestored,
  AlertRulesSet,
  AlertDismissed,
  AlertMarkedUsual,
]);
export type LedgerEvent = z.infer<typeof LedgerEvent>;
export type LedgerEventType = LedgerEvent['type'];
export type EventOf<T extends LedgerEventType> = Extract<LedgerEvent, { type: T }>;
/** An event before its envelope is filled in by `decide`. */
export type EventBody<T extends LedgerEventType = LedgerEventType> = T extends LedgerEventType
  ? Omit<EventOf<T>, 'v' | 'eventId' | 'requestId' | 'at'>
  : never;

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
  Reconciled,
]);
export type LedgerEvent = z.infer<typeof LedgerEvent>;
export type LedgerEventType = LedgerEvent['type'];
export type EventOf<T extends LedgerEventType> = Extract<LedgerEvent, { type: T }>;
/** An event before its envelope is filled in by `decide`. */
export type EventBody<T extends LedgerEventType = LedgerEventType> = T extends LedgerEventType
  ? Omit<EventOf<T>, 'v' | 'eventId' | 'requestId' | 'at'>
  : never;

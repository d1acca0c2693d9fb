/**
 * The ledger's commands as they travel over the contract: what a client asks the ledger to do.
 * These are wire shapes, so they live with the contract in shared/ and the engine imports them
 * (electron/ledger/commands.ts decides them); nothing here may reach into electron/.
 *
 * Amounts arrive as decimal text with their currency (exactly what the user typed or the CLI
 * received) and are parsed by the engine's rules, so an over-precise amount or a currency mismatch
 * gets its own translated error rather than a schema failure. Every command carries the client's
 * `requestId`: the same id twice records once.
 */
import { z } from 'zod';

export const ACCOUNT_KINDS = ['bank', 'cash', 'ewallet', 'credit', 'savings'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const CATEGORY_KINDS = ['expense', 'income'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
/** Statuses a user sets; 'reconciled' is only ever reached through a Reconciled event. */
export const USER_STATUSES = ['pending', 'cleared'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const LIMITS = { name: 100, payee: 200, note: 2000, tag: 50, tags: 20, reason: 500, requestId: 128, cleared: 10_000 } as const;

export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const RequestId = z.string().min(1).max(LIMITS.requestId);

/** Decimal text as typed, e.g. '12.50', '-3', '1,200'; parsed per currency by the rules. */
const AmountText = z.string().min(1).max(64);
const DateText = z.string().max(32);
const Currency = z.string().min(3).max(3);
const Text = (max: number) => z.string().max(max);
const TagList = z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags);
const base = { requestId: RequestId };
export const OpenAccount = z.strictObject({
  ...base,
  type: z.literal('openAccount'),
  name: Text(LIMITS.name),
  kind: z.enum(ACCOUNT_KINDS),
  currency: Currency,
  openingBalance: AmountText.optional(),
  /** Credit card limit or bank overdraft: how far below zero the balance may go. */
  creditLimit: AmountText.optional(),
  openedOn: DateText.optional(),
});

export const UpdateAccount = z.strictObject({
  ...base,
  type: z.literal('updateAccount'),
  accountId: Id,
  name: Text(LIMITS.name).optional(),
  creditLimit: AmountText.optional(),
  /** A new type; refused when the account's limit or debt does not fit it, or while it is frozen. */
  kind: z.enum(ACCOUNT_KINDS).optional(),
  /** Free text about the account ('' clears it). */
  note: Text(LIMITS.note).optional(),
});

/** The open accounts in the order the user wants them listed: exactly the open accounts, each once. */
export const ReorderAccounts = z.strictObject({ ...base, type: z.literal('reorderAccounts'), accountIds: z.array(Id).max(10_000) });

export const FreezeAccount = z.strictObject({ ...base, type: z.literal('freezeAccount'), accountId: Id, reason: Text(LIMITS.reason).optional() });
export const UnfreezeAccount = z.strictObject({ ...base, type: z.literal('unfreezeAccount'), accountId: Id });
export const CloseAccount = z.strictObject({ ...base, type: z.literal('closeAccount'), accountId: Id });

const details = {
  payee: Text(LIMITS.payee).optional(),
  tags: TagList.optional(),
  note: Text(LIMITS.note).optional(),
};

export const RecordTransaction = z.strictObject({
  ...base,
  ...details,
  type: z.literal('recordTransaction'),
  kind: z.enum(CATEGORY_KINDS),
  accountId: Id,
  /** Positive magnitude; the kind gives the sign. */
  amount: AmountText,
  currency: Currency,
  date: DateText,
  categoryId: Id.nullable().optional(),
  status: z.enum(USER_STATUSES).optional(),
});

export const RecordTransfer = z.strictObject({
  ...base,
  ...details,
  type: z.literal('recordTransfer'),
  fromAccountId: Id,
  toAccountId: Id,
  /** Leaves the source account, in its currency. */
  amount: AmountText,
  currency: Currency,
  /** Arrives in the target account; required when the two currencies differ. */
  toAmount: AmountText.optional(),
  toCurrency: Currency.optional(),
  date: DateText,
  status: z.enum(USER_STATUSES).optional(),
});

/**
 * Changes to one transaction; absent fields stay as they are. For a transfer (either leg's id),
 * `amount` is what leaves the source and `toAmount` what arrives; date, payee, tags and note
 * apply to both legs.
 */
export const AmendTransaction = z.strictObject({
  ...base,
  ...details,
  type: z.literal('amendTransaction'),
  transactionId: Id,
  accountId: Id.optional(),
  amount: AmountText.optional(),
  currency: Currency.optional(),
  toAmount: AmountText.optional(),
  date: DateText.optional(),
  categoryId: Id.nullable().optional(),
});

export const VoidTransaction = z.strictObject({ ...base, type: z.literal('voidTransaction'), transactionId: Id, reason: Text(LIMITS.reason).optional() });
export const RestoreTransaction = z.strictObject({ ...base, type: z.literal('restoreTransaction'), transactionId: Id });
export const SetTransactionStatus = z.strictObject({
  ...base,
  type: z.literal('setTransactionStatus'),
  transactionId: Id,
  status: z.enum(USER_STATUSES),
});

/** Without `categoryId` a new category is created; with it, that category is renamed or moved. */
export const DefineCategory = z.strictObject({
  ...base,
  type: z.literal('defineCategory'),
  categoryId: Id.optional(),
  name: Text(LIMITS.name),
  kind: z.enum(CATEGORY_KINDS),
  parentId: Id.nullable().optional(),
});

/** The languages starter categories exist in (the wallet's language when its ledger is first used). */
export const STARTER_CATEGORY_LANGUAGES = ['zh-CN', 'en-US'] as const;

/** Adds the starter categories (餐饮, 交通 … / Food, Transport …) to a ledger that has none yet. */
export const AddStarterCategories = z.strictObject({
  ...base,
  type: z.literal('addStarterCategories'),
  language: z.enum(STARTER_CATEGORY_LANGUAGES),
});

/** Moves every transaction of `categoryId` to `intoCategoryId` (same kind), then archives `categoryId`. */
export const MergeCategory = z.strictObject({ ...base, type: z.literal('mergeCategory'), categoryId: Id, intoCategoryId: Id });

/** Archives a category no transaction has ever used (otherwise: merge it). */
export const DeleteCategory = z.strictObject({ ...base, type: z.literal('deleteCategory'), categoryId: Id });

export const SetBudget = z.strictObject({
  ...base,
  type: z.literal('setBudget'),
  categoryId: Id,
  month: z.string().max(16),
  amount: AmountText,
  currency: Currency,
});

/**
 * The user's exchange rate for net worth: one `currency` is worth `rate` of `base` (e.g. USD → CNY
 * 7.1234). OneWallet never fetches rates; null removes the pair's rate.
 */
export const SetExchangeRate = z.strictObject({
  ...base,
  type: z.literal('setExchangeRate'),
  currency: Currency,
  base: Currency,
  rate: AmountText.nullable(),
});

/** Finishes a reconciliation: allowed only when the difference is exactly zero. */
export const Reconcile = z.strictObject({
  ...base,
  type: z.literal('reconcile'),
  accountId: Id,
  statementDate: DateText,
  statementBalance: AmountText,
  clearedTransactionIds: z.array(Id).max(LIMITS.cleared),
});

/**
 * Records the reconcile difference as one line marked as a balance adjustment (余额调整), dated the
 * statement date and cleared, so that ticking it makes the difference zero. The engine works the
 * difference out itself from the same figures the preview shows; zero is refused.
 */
export const AdjustBalance = z.strictObject({
  ...base,
  type: z.literal('adjustBalance'),
  accountId: Id,
  statementDate: DateText,
  statementBalance: AmountText,
  clearedTransactionIds: z.array(Id).max(LIMITS.cleared),
});

export const LedgerCommand = z.discriminatedUnion('type', [
  OpenAccount,
  UpdateAccount,
  ReorderAccounts,
  FreezeAccount,
  UnfreezeAccount,
  CloseAccount,
  RecordTransaction,
  RecordTransfer,
  AmendTransaction,
  VoidTransaction,
  RestoreTransaction,
  SetTransactionStatus,
  DefineCategory,
  AddStarterCategories,
  MergeCategory,
  DeleteCategory,
  SetBudget,
  SetExchangeRate,
  Reconcile,
  AdjustBalance,
]);
export type LedgerCommand = z.infer<typeof LedgerCommand>;
export type CommandType = LedgerCommand['type'];
export type CommandOf<T extends CommandType> = Extract<LedgerCommand, { type: T }>;

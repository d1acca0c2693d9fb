/**
 * The ledger's rules as small pure checks. Each throws a DomainError whose key the UI and the
 * CLI translate; `decide` runs them all before returning any event, so a refused command leaves
 * no trace in the journal.
 */
import { DomainError } from '../../shared/errors';
import { isFreeText, isSingleLineText } from '../../shared/text-rules';
import { addMinor, parseAmount, toDecimalString } from '../../shared/money';
import { EVENT_SCHEMA_VERSION, type EventBody, type LedgerEvent } from './events';
import type { AccountState, CategoryState, LedgerReadModel, TransactionState } from './read-model';
import type { CategoryKind } from './events';
import type { DecideContext } from './commands';

/** Wraps an event body in its envelope: id, request, instant, schema version. */
export function envelope(ctx: DecideContext, requestId: string, body: EventBody): LedgerEvent {
  return { v: EVENT_SCHEMA_VERSION, eventId: ctx.newId(), requestId, at: ctx.now.toISOString(), ...body } as LedgerEvent;
}

export function requireAccount(state: LedgerReadModel, accountId: string): AccountState {
  const account = state.account(accountId);
  if (!account) throw new DomainError('not_found', 'errors.account_not_found', { accountId });
  return account;
}

/** An account money may move in or out of: it exists, is open and is not frozen. */
export function usableAccount(state: LedgerReadModel, accountId: string): AccountState {
  const account = requireAccount(state, accountId);
  if (account.closed) throw new DomainError('rejected', 'errors.account_closed', { account: account.name });
  if (account.frozen) throw new DomainError('rejected', 'errors.account_frozen', { account: account.name });
  return account;
}

export function requireCurrency(account: AccountState, currency: string): void {
  if (currency !== account.currency) {
    throw new DomainError('rejected', 'errors.currency_mismatch', {
      account: account.name,
      expected: account.currency,
      actual: currency,
    });
  }
}

/** A strictly positive amount in `currency`; the sign of a line comes from its kind, never from the text. */
export function positiveAmount(text: string, currency: string): number {
  const minor = parseAmount(text, currency);
  if (minor === 0) throw new DomainError('rejected', 'errors.amount_zero', {});
  if (minor < 0) throw new DomainError('rejected', 'errors.amount_negative', {});
  return minor;
}

export function nonNegativeAmount(text: string, currency: string): number {
  const minor = parseAmount(text, currency);
  if (minor < 0) throw new DomainError('rejected', 'errors.amount_negative', {});
  return minor;
}

/**
 * Refuses a change that would take any account below its floor (0, or −credit limit / overdraft).
 * Only accounts whose balance goes down are checked: an account already below its floor (say,
 * opened in debt) can still receive money.
 */
export function checkFunds(state: LedgerReadModel, deltas: ReadonlyMap<string, number>): void {
  for (const [accountId, delta] of deltas) {
    const account = requireAccount(state, accountId);
    const balance = state.balance(accountId);
    const next = addMinor(balance, delta);
    if (delta < 0 && next < -account.creditLimitMinor) {
      const available = Math.max(0, addMinor(balance, account.creditLimitMinor));
      throw new DomainError('rejected', 'errors.insufficient_funds', {
        account: account.name,
        available: toDecimalString(available, account.currency),
        currency: account.currency,
      });
    }
  }
}

/**
 * The lowest balance an account may have: −(credit limit or overdraft), 0 when it has none. One
 * rule for every kind — the kinds differ only in whether a limit is usual — and it holds for the
 * opening balance as it does for spending (checkFunds) and for lowering the limit.
 */
export function checkOpeningFloor(name: string, currency: string, openingMinor: number, creditLimitMinor: number): void {
  if (openingMinor < -creditLimitMinor) {
    throw new DomainError('rejected', 'errors.opening_below_floor', {
      account: name,
      floor: toDecimalString(-creditLimitMinor, currency),
      opening: toDecimalString(openingMinor, currency),
      currency,
    });
  }
}

/** A new limit may not leave the account below its floor: it must cover what is owed now. */
export function checkLimitCoversDebt(state: LedgerReadModel, account: AccountState, creditLimitMinor: number): void {
  const balance = state.balance(account.id);
  if (balance < -creditLimitMinor) {
    throw new DomainError('rejected', 'errors.limit_below_debt', { account: account.name, owed: toDecimalString(-balance, account.currency), currency: account.currency });
  }
}

/** Adds `amount` to `accountId` in a delta map (several lines of one command may hit one account). */
export function addDelta(deltas: Map<string, number>, accountId: string, amount: number): Map<string, number> {
  deltas.set(accountId, addMinor(deltas.get(accountId) ?? 0, amount));
  return deltas;
}

export function requireTransaction(state: LedgerReadModel, transactionId: string): TransactionState {
  const transaction = state.transaction(transactionId);
  if (!transaction) throw new DomainError('not_found', 'errors.transaction_not_found', { transactionId });
  return transaction;
}

/** The line itself, or both legs when it belongs to a transfer (outgoing first). */
export function linesOf(state: LedgerReadModel, transaction: TransactionState): TransactionState[] {
  return transaction.transferId ? state.transferLegs(transaction.transferId) : [transaction];
}

/**
 * Reconciled lines are locked: the statement they were matched against would no longer agree. A
 * transfer is amended and voided as a whole, so one reconciled leg locks both; the refusal names
 * that leg (account and currency), since the user may be looking at the other one.
 */
export function requireUnlocked(state: LedgerReadModel, lines: readonly TransactionState[]): void {
  const locked = lines.find((line) => line.status === 'reconciled');
  if (!locked) return;
  if (locked.transferId === null) throw new DomainError('rejected', 'errors.reconciled_locked', {});
  const account = state.account(locked.accountId);
  throw new DomainError('rejected', 'errors.transfer_leg_reconciled', { account: account?.name ?? locked.accountId, currency: locked.currency });
}

export function requireCategory(state: LedgerReadModel, categoryId: string, kind: CategoryKind): CategoryState {
  const category = state.category(categoryId);
  if (!category) throw new DomainError('not_found', 'errors.category_not_found', { categoryId });
  if (category.archived) throw new DomainError('rejected', 'errors.category_archived', { category: category.name });
  if (category.kind !== kind) throw new DomainError('rejected', 'errors.category_kind_mismatch', { category: category.name });
  return category;
}

/** Trimmed, non-empty, each tag once, in the order given. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const trimmed = tag.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

export function requireName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new DomainError('invalid_input', 'errors.name_required', {});
  return trimmed;
}

const SINGLE_LINE_FIELDS = ['name', 'payee'] as const;
const FREE_TEXT_FIELDS = ['note', 'reason'] as const;

/**
 * The text rules of shared/text-rules.ts on a command's text fields, before anything is decided:
 * names, payees and tags are one line without control characters; notes and reasons may hold
 * line breaks but no other control characters. Events already in a journal are never re-judged.
 */
export function checkCommandText(command: Readonly<Record<string, unknown>>): void {
  for (const field of SINGLE_LINE_FIELDS) {
    const value = command[field];
    if (typeof value === 'string' && !isSingleLineText(value)) throw new DomainError('invalid_input', `errors.text.${field}`, {});
  }
  const tags = command.tags;
  if (Array.isArray(tags) && tags.some((tag) => typeof tag === 'string' && !isSingleLineText(tag))) throw new DomainError('invalid_input', 'errors.text.tag', {});
  for (const field of FREE_TEXT_FIELDS) {
    const value = command[field];
    if (typeof value === 'string' && !isFreeText(value)) throw new DomainError('invalid_input', `errors.text.${field}`, {});
  }
}

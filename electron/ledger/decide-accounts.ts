/** Rules for opening, changing, freezing and closing accounts. */
import { DomainError } from '../../shared/errors';
import { exponentOf, parseAmount, toDecimalString } from '../../shared/money';
import { checkBookingDate } from './dates';
import type { LedgerEvent } from './events';
import type { CommandOf, DecideContext } from './commands';
import type { AccountState, LedgerReadModel } from './read-model';
import type { AccountKind } from './events';
import { checkLimitCoversDebt, checkOpeningFloor, envelope, nonNegativeAmount, requireAccount, requireName } from './rules';

type AccountCommand = CommandOf<'openAccount' | 'updateAccount' | 'reorderAccounts' | 'freezeAccount' | 'unfreezeAccount' | 'closeAccount'>;

/** Kinds that hold only what is in them: no card limit, no overdraft, never below zero. */
const NO_DEBT_KINDS: ReadonlySet<AccountKind> = new Set(['cash', 'ewallet', 'savings']);

/**
 * A new type must fit what the account already is. A frozen account keeps everything until it is
 * unfrozen; card debt does not silently become an overdraft; a kind that cannot be in debt takes
 * no limit (the limit may be set to 0 in the same change).
 */
function checkRetype(state: LedgerReadModel, account: AccountState, kind: AccountKind, creditLimitMinor: number): void {
  if (account.frozen) throw new DomainError('rejected', 'errors.account_retype_frozen', { account: account.name });
  const balance = state.balance(account.id);
  if (account.kind === 'credit' && balance < 0) {
    throw new DomainError('rejected', 'errors.account_retype_in_debt', { account: account.name, owed: toDecimalString(-balance, account.currency), currency: account.currency });
  }
  if (NO_DEBT_KINDS.has(kind) && (creditLimitMinor > 0 || balance < 0)) {
    throw new DomainError('rejected', 'errors.account_retype_limit', { account: account.name, kind });
  }
}

function requireFreeName(state: LedgerReadModel, name: string, exceptId?: string): void {
  const existing = state.openAccountByName(name);
  if (existing && existing.id !== exceptId) throw new DomainError('already_exists', 'errors.account_exists', { name });
}

function requireOpen(state: LedgerReadModel, accountId: string) {
  const account = requireAccount(state, accountId);
  if (account.closed) throw new DomainError('rejected', 'errors.account_closed', { account: account.name });
  return account;
}

export function decideAccount(state: LedgerReadModel, command: AccountCommand, ctx: DecideContext): LedgerEvent[] {
  const { requestId } = command;
  switch (command.type) {
    case 'openAccount': {
      const name = requireName(command.name);
      exponentOf(command.currency);
      requireFreeName(state, name);
      // An opening balance may be negative only within the limit: a credit card or an overdrawn account opened in debt.
      const openingBalanceMinor = command.openingBalance === undefined ? 0 : parseAmount(command.openingBalance, command.currency);
      const creditLimitMinor = command.creditLimit === undefined ? 0 : nonNegativeAmount(command.creditLimit, command.currency);
      checkOpeningFloor(name, command.currency, openingBalanceMinor, creditLimitMinor);
      const openedOn = checkBookingDate(command.openedOn ?? ctx.today);
      return [
        envelope(ctx, requestId, {
          type: 'AccountOpened',
          accountId: ctx.newId(),
          name,
          kind: command.kind,
          currency: command.currency,
          openingBalanceMinor,
          creditLimitMinor,
          openedOn,
        }),
      ];
    }
    case 'updateAccount': {
      const account = requireOpen(state, command.accountId);
      const name = command.name === undefined ? undefined : requireName(command.name);
      if (name !== undefined) requireFreeName(state, name, account.id);
      const creditLimitMinor = command.creditLimit === undefined ? undefined : nonNegativeAmount(command.creditLimit, account.currency);
      if (creditLimitMinor !== undefined) checkLimitCoversDebt(state, account, creditLimitMinor);
      const kind = command.kind !== undefined && command.kind !== account.kind ? command.kind : undefined;
      if (kind !== undefined) checkRetype(state, account, kind, creditLimitMinor ?? account.creditLimitMinor);
      const note = command.note?.trim();
      const changes = {
        ...(name !== undefined && name !== account.name ? { name } : {}),
        ...(creditLimitMinor !== undefined && creditLimitMinor !== account.creditLimitMinor ? { creditLimitMinor } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(note !== undefined && note !== account.note ? { note } : {}),
      };
      if (Object.keys(changes).length === 0) throw new DomainError('invalid_input', 'errors.nothing_to_change', {});
      return [envelope(ctx, requestId, { type: 'AccountUpdated', accountId: account.id, ...changes })];
    }
    case 'reorderAccounts': {
      const current = state.openAccountIds();
      const wanted = command.accountIds;
      const isPermutation = wanted.length === current.length && new Set(wanted).size === wanted.length && wanted.every((id) => current.includes(id));
      // Someone may have opened or closed an account since the list was shown: refuse rather than guess.
      if (!isPermutation) throw new DomainError('invalid_input', 'errors.account_order_mismatch', {});
      if (wanted.every((id, index) => current[index] === id)) throw new DomainError('invalid_input', 'errors.nothing_to_change', {});
      // Every open account gets its place (one event each, one request): an account placed before
      // and one never placed must not tie.
      return wanted.map((accountId, position) => envelope(ctx, requestId, { type: 'AccountUpdated', accountId, position }));
    }
    case 'freezeAccount': {
      const account = requireOpen(state, command.accountId);
      if (account.frozen) throw new DomainError('rejected', 'errors.account_already_frozen', { account: account.name });
      return [envelope(ctx, requestId, { type: 'AccountFrozen', accountId: account.id, reason: command.reason ?? '' })];
    }
    case 'unfreezeAccount': {
      const account = requireOpen(state, command.accountId);
      if (!account.frozen) throw new DomainError('rejected', 'errors.account_not_frozen', { account: account.name });
      return [envelope(ctx, requestId, { type: 'AccountUnfrozen', accountId: account.id })];
    }
    case 'closeAccount': {
      const account = requireOpen(state, command.accountId);
      // A frozen account stays as it is until someone deliberately unfreezes it.
      if (account.frozen) throw new DomainError('rejected', 'errors.account_frozen', { account: account.name });
      // Closed accounts leave the lists; money left in one would silently vanish from view.
      const balance = state.balance(account.id);
      if (balance !== 0) {
        throw new DomainError('rejected', 'errors.account_not_empty', {
          account: account.name,
          balance: toDecimalString(balance, account.currency),
          currency: account.currency,
        });
      }
      return [envelope(ctx, requestId, { type: 'AccountClosed', accountId: account.id })];
    }
  }
}

/** Rules for opening, changing, freezing and closing accounts. */
import { DomainError } from '../../shared/errors';
import { exponentOf, parseAmount, toDecimalString } from '../../shared/money';
import { checkBookingDate } from './dates';
import type { LedgerEvent } from './events';
import type { CommandOf, DecideContext } from './commands';
import type { LedgerReadModel } from './read-model';
import { checkLimitCoversDebt, checkOpeningFloor, envelope, nonNegativeAmount, requireAccount, requireName } from './rules';

type AccountCommand = CommandOf<'openAccount' | 'updateAccount' | 'freezeAccount' | 'unfreezeAccount' | 'closeAccount'>;

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
      const changes = {
        ...(name !== undefined && name !== account.name ? { name } : {}),
        ...(creditLimitMinor !== undefined && creditLimitMinor !== account.creditLimitMinor ? { creditLimitMinor } : {}),
      };
      if (Object.keys(changes).length === 0) throw new DomainError('invalid_input', 'errors.nothing_to_change', {});
      return [envelope(ctx, requestId, { type: 'AccountUpdated', accountId: account.id, ...changes })];
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

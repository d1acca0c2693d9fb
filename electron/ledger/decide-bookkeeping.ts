/** Rules for categories, budgets and finishing a reconciliation. */
import { DomainError } from '../../shared/errors';
import { exponentOf, parseAmount, parseRate, toDecimalString } from '../../shared/money';
import { checkBookingDate, checkMonth } from './dates';
import type { LedgerEvent } from './events';
import type { CommandOf, DecideContext } from './commands';
import type { LedgerReadModel } from './read-model';
import { checkFunds, envelope, nonNegativeAmount, requireCategory, requireName, requireTransaction, usableAccount } from './rules';
import { reconcileFigures } from './reconcile';
import { STARTER_CATEGORIES } from './starter-categories';

type BookkeepingCommand = CommandOf<
  'defineCategory' | 'addStarterCategories' | 'mergeCategory' | 'deleteCategory' | 'setBudget' | 'setExchangeRate' | 'reconcile' | 'adjustBalance'
>;

export function decideBookkeeping(state: LedgerReadModel, command: BookkeepingCommand, ctx: DecideContext): LedgerEvent[] {
  switch (command.type) {
    case 'defineCategory':
      return [defineCategory(state, command, ctx)];
    case 'addStarterCategories':
      return addStarterCategories(state, command, ctx);
    case 'mergeCategory':
      return mergeCategory(state, command, ctx);
    case 'deleteCategory':
      return deleteCategory(state, command, ctx);
    case 'setBudget': {
      const category = requireCategory(state, command.categoryId, 'expense');
      const month = checkMonth(command.month);
      const amountMinor = nonNegativeAmount(command.amount, command.currency);
      return [
        envelope(ctx, command.requestId, { type: 'BudgetSet', categoryId: category.id, month, amountMinor, currency: command.currency }),
      ];
    }
    case 'setExchangeRate':
      return [setExchangeRate(state, command, ctx)];
    case 'reconcile':
      return [reconcile(state, command, ctx)];
    case 'adjustBalance':
      return [adjustBalance(state, command, ctx)];
  }
}

/** The rate as the ledger keeps it: digits and at most one point, no separators, no leading zeros. */
function canonicalRate(text: string): string {
  const { numerator, scale } = parseRate(text);
  const digits = numerator.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function setExchangeRate(state: LedgerReadModel, command: CommandOf<'setExchangeRate'>, ctx: DecideContext): LedgerEvent {
  exponentOf(command.currency);
  exponentOf(command.base);
  if (command.currency === command.base) throw new DomainError('invalid_input', 'errors.rate_same_currency', { currency: command.currency });
  const rate = command.rate === null ? null : canonicalRate(command.rate);
  if (rate === (state.exchangeRate(command.currency, command.base) ?? null)) throw new DomainError('invalid_input', 'errors.nothing_to_change', {});
  return envelope(ctx, command.requestId, { type: 'ExchangeRateSet', currency: command.currency, base: command.base, rate });
}

/** Two levels only (e.g. Food › Groceries): deeper trees make budgets and reports hard to read. */
function defineCategory(state: LedgerReadModel, command: CommandOf<'defineCategory'>, ctx: DecideContext): LedgerEvent {
  const name = requireName(command.name);
  const existing = command.categoryId === undefined ? undefined : state.category(command.categoryId);
  if (command.categoryId !== undefined && !existing) {
    throw new DomainError('not_found', 'errors.category_not_found', { categoryId: command.categoryId });
  }
  if (existing && existing.kind !== command.kind) throw new DomainError('rejected', 'errors.category_kind_change', { category: existing.name });
  const parentId = command.parentId ?? null;
  if (parentId !== null) {
    const parent = requireCategory(state, parentId, command.kind);
    if (parent.parentId !== null || parent.id === existing?.id) throw new DomainError('rejected', 'errors.category_too_deep', {});
    if (existing && state.categoryChildren(existing.id, existing.kind).length > 0) {
      throw new DomainError('rejected', 'errors.category_too_deep', {});
    }
  }
  const clash = state
    .categoryChildren(parentId, command.kind)
    .find((sibling) => sibling.id !== existing?.id && sibling.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new DomainError('already_exists', 'errors.category_exists', { name });
  if (existing && existing.name === name && existing.parentId === parentId) {
    throw new DomainError('invalid_input', 'errors.nothing_to_change', {});
  }
  return envelope(ctx, command.requestId, {
    type: 'CategoryDefined',
    categoryId: existing?.id ?? ctx.newId(),
    name,
    kind: command.kind,
    parentId,
  });
}

/** Only into an empty ledger: mixing a starter set into categories the user made would duplicate them. */
function addStarterCategories(state: LedgerReadModel, command: CommandOf<'addStarterCategories'>, ctx: DecideContext): LedgerEvent[] {
  if (state.hasCategories()) throw new DomainError('rejected', 'errors.starter_categories_exist', {});
  return STARTER_CATEGORIES[command.language].map(({ kind, name }) =>
    envelope(ctx, command.requestId, { type: 'CategoryDefined', categoryId: ctx.newId(), name, kind, parentId: null }),
  );
}

/** A category in use that is not archived and has no subcategories (they would be left without a parent). */
function retirableCategory(state: LedgerReadModel, categoryId: string) {
  const category = state.category(categoryId);
  if (!category) throw new DomainError('not_found', 'errors.category_not_found', { categoryId });
  if (category.archived) throw new DomainError('rejected', 'errors.category_archived', { category: category.name });
  if (state.categoryChildren(category.id, category.kind).length > 0) {
    throw new DomainError('rejected', 'errors.category_has_children', { category: category.name });
  }
  return category;
}

/**
 * Every line of A (voided ones too, so a restore lands in B; reconciled ones too: the category is
 * not part of what a statement confirms) is amended to B, then A is archived — all in one request.
 */
function mergeCategory(state: LedgerReadModel, command: CommandOf<'mergeCategory'>, ctx: DecideContext): LedgerEvent[] {
  const source = retirableCategory(state, command.categoryId);
  if (command.intoCategoryId === source.id) throw new DomainError('invalid_input', 'errors.category_merge_self', {});
  const target = requireCategory(state, command.intoCategoryId, source.kind);
  const moves = state
    .transactionIdsInCategory(source.id)
    .map((transactionId) =>
      envelope(ctx, command.requestId, { type: 'TransactionAmended', transactionId, changes: { categoryId: target.id } }),
    );
  return [...moves, envelope(ctx, command.requestId, { type: 'CategoryArchived', categoryId: source.id, mergedInto: target.id })];
}

function deleteCategory(state: LedgerReadModel, command: CommandOf<'deleteCategory'>, ctx: DecideContext): LedgerEvent[] {
  const category = retirableCategory(state, command.categoryId);
  const used = state.transactionIdsInCategory(category.id).length;
  if (used > 0) throw new DomainError('rejected', 'errors.category_in_use', { category: category.name, count: used });
  return [envelope(ctx, command.requestId, { type: 'CategoryArchived', categoryId: category.id, mergedInto: null })];
}

/** The statement a reconcile (or its adjustment) is about, checked: every ticked line belongs and may be ticked. */
function checkedStatement(state: LedgerReadModel, command: CommandOf<'reconcile' | 'adjustBalance'>) {
  const account = usableAccount(state, command.accountId);
  const statementDate = checkBookingDate(command.statementDate);
  const statementBalanceMinor = parseAmount(command.statementBalance, account.currency);
  const clearedTransactionIds = [...new Set(command.clearedTransactionIds)];
  for (const id of clearedTransactionIds) {
    const line = requireTransaction(state, id);
    if (line.accountId !== account.id) throw new DomainError('rejected', 'errors.reconcile_wrong_account', {});
    if (line.voided) throw new DomainError('rejected', 'errors.transaction_voided', {});
    if (line.status === 'reconciled') throw new DomainError('rejected', 'errors.reconciled_locked', {});
    if (line.date > statementDate) throw new DomainError('rejected', 'errors.reconcile_after_statement', { date: line.date });
  }
  return { account, statementDate, statementBalanceMinor, clearedTransactionIds };
}

/**
 * The difference as one ordinary line, marked as an adjustment: no category (it is no spending or
 * income of any kind), dated the statement date and cleared. Frozen accounts are refused by
 * usableAccount; the floor holds as for any payment.
 */
function adjustBalance(state: LedgerReadModel, command: CommandOf<'adjustBalance'>, ctx: DecideContext): LedgerEvent {
  const { account, statementDate, statementBalanceMinor, clearedTransactionIds } = checkedStatement(state, command);
  const { differenceMinor } = reconcileFigures(state, account.id, statementBalanceMinor, clearedTransactionIds);
  if (differenceMinor === 0) throw new DomainError('rejected', 'errors.adjustment_nothing', { account: account.name });
  checkFunds(state, new Map([[account.id, differenceMinor]]));
  return envelope(ctx, command.requestId, {
    type: 'TransactionRecorded',
    transactionId: ctx.newId(),
    accountId: account.id,
    kind: differenceMinor < 0 ? 'expense' : 'income',
    amountMinor: differenceMinor,
    currency: account.currency,
    categoryId: null,
    date: statementDate,
    payee: '',
    tags: [],
    note: '',
    status: 'cleared',
    adjustment: true,
  });
}

function reconcile(state: LedgerReadModel, command: CommandOf<'reconcile'>, ctx: DecideContext): LedgerEvent {
  const { account, statementDate, statementBalanceMinor, clearedTransactionIds } = checkedStatement(state, command);
  const figures = reconcileFigures(state, account.id, statementBalanceMinor, clearedTransactionIds);
  if (figures.differenceMinor !== 0) {
    throw new DomainError('rejected', 'errors.reconcile_difference', {
      difference: toDecimalString(figures.differenceMinor, account.currency),
      currency: account.currency,
    });
  }
  return envelope(ctx, command.requestId, {
    type: 'Reconciled',
    reconciliationId: ctx.newId(),
    accountId: account.id,
    statementDate,
    statementBalanceMinor,
    clearedTransactionIds,
  });
}

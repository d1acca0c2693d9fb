/** Rules for recording, transferring, amending, voiding, restoring and clearing transactions. */
import { DomainError } from '../../shared/errors';
import { checkBookingDate } from './dates';
import type { LedgerEvent } from './events';
import type { CommandOf, DecideContext } from './commands';
import type { LedgerReadModel, TransactionState } from './read-model';
import {
  addDelta,
  checkFunds,
  cleanTags,
  envelope,
  linesOf,
  positiveAmount,
  requireCategory,
  requireCurrency,
  requireTransaction,
  requireUnlocked,
  usableAccount,
} from './rules';

type TransactionCommand = CommandOf<
  'recordTransaction' | 'recordTransfer' | 'amendTransaction' | 'voidTransaction' | 'restoreTransaction' | 'setTransactionStatus'
>;

export function decideTransaction(state: LedgerReadModel, command: TransactionCommand, ctx: DecideContext): LedgerEvent[] {
  switch (command.type) {
    case 'recordTransaction':
      return [recordTransaction(state, command, ctx)];
    case 'recordTransfer':
      return [recordTransfer(state, command, ctx)];
    case 'amendTransaction':
      return [amendTransaction(state, command, ctx)];
    case 'voidTransaction':
    case 'restoreTransaction':
      return [voidOrRestore(state, command, ctx)];
    case 'setTransactionStatus': {
      const transaction = liveTransaction(state, command.transactionId);
      requireUnlocked(state, [transaction]);
      usableAccount(state, transaction.accountId);
      if (transaction.status === command.status) throw new DomainError('invalid_input', 'errors.nothing_to_change', {});
      return [
        envelope(ctx, command.requestId, { type: 'TransactionStatusChanged', transactionId: transaction.id, status: command.status }),
      ];
    }
  }
}

function recordTransaction(state: LedgerReadModel, command: CommandOf<'recordTransaction'>, ctx: DecideContext): LedgerEvent {
  const account = usableAccount(state, command.accountId);
  requireCurrency(account, command.currency);
  const magnitude = positiveAmount(command.amount, account.currency);
  const date = checkBookingDate(command.date);
  const categoryId = command.categoryId ?? null;
  if (categoryId !== null) requireCategory(state, categoryId, command.kind);
  const amountMinor = command.kind === 'expense' ? -magnitude : magnitude;
  checkFunds(state, new Map([[account.id, amountMinor]]));
  return envelope(ctx, command.requestId, {
    type: 'TransactionRecorded',
    transactionId: ctx.newId(),
    accountId: account.id,
    kind: command.kind,
    amountMinor,
    currency: account.currency,
    categoryId,
    date,
    payee: (command.payee ?? '').trim(),
    tags: cleanTags(command.tags),
    note: command.note ?? '',
    status: command.status ?? 'cleared',
  });
}

function recordTransfer(state: LedgerReadModel, command: CommandOf<'recordTransfer'>, ctx: DecideContext): LedgerEvent {
  const from = usableAccount(state, command.fromAccountId);
  const to = usableAccount(state, command.toAccountId);
  if (from.id === to.id) throw new DomainError('rejected', 'errors.transfer_same_account', {});
  requireCurrency(from, command.currency);
  if (command.toCurrency !== undefined) requireCurrency(to, command.toCurrency);
  const amountMinor = positiveAmount(command.amount, from.currency);
  const toAmountMinor = transferToAmount(from.currency, to.currency, amountMinor, command.toAmount);
  const date = checkBookingDate(command.date);
  checkFunds(state, addDelta(new Map([[from.id, -amountMinor]]), to.id, toAmountMinor));
  return envelope(ctx, command.requestId, {
    type: 'TransferRecorded',
    transferId: ctx.newId(),
    fromTransactionId: ctx.newId(),
    toTransactionId: ctx.newId(),
    fromAccountId: from.id,
    toAccountId: to.id,
    amountMinor,
    currency: from.currency,
    toAmountMinor,
    toCurrency: to.currency,
    date,
    payee: (command.payee ?? '').trim(),
    tags: cleanTags(command.tags),
    note: command.note ?? '',
    status: command.status ?? 'cleared',
  });
}

/** Same currency: both sides move the same amount. Different currencies: the user must say what arrived. */
function transferToAmount(fromCurrency: string, toCurrency: string, amountMinor: number, toAmount: string | undefined): number {
  if (toAmount === undefined) {
    if (fromCurrency !== toCurrency) throw new DomainError('rejected', 'errors.transfer_to_amount_required', { currency: toCurrency });
    return amountMinor;
  }
  const toAmountMinor = positiveAmount(toAmount, toCurrency);
  if (fromCurrency === toCurrency && toAmountMinor !== amountMinor) throw new DomainError('rejected', 'errors.transfer_amounts_differ', {});
  return toAmountMinor;
}

function liveTransaction(state: LedgerReadModel, transactionId: string): TransactionState {
  const transaction = requireTransaction(state, transactionId);
  if (transaction.voided) throw new DomainError('rejected', 'errors.transaction_voided', {});
  return transaction;
}

function amendTransaction(state: LedgerReadModel, command: CommandOf<'amendTransaction'>, ctx: DecideContext): LedgerEvent {
  const transaction = liveTransaction(state, command.transactionId);
  const lines = linesOf(state, transaction);
  requireUnlocked(state, lines);
  for (const line of lines) usableAccount(state, line.accountId);

  const deltas = new Map<string, number>();
  const money = transaction.transferId ? amendTransferMoney(state, lines, command, deltas) : amendLineMoney(state, transaction, command, deltas);
  const first = lines[0] ?? transaction;
  const date = command.date === undefined ? undefined : checkBookingDate(command.date);
  const payee = command.payee?.trim();
  const tags = command.tags === undefined ? undefined : cleanTags(command.tags);
  const changes = {
    ...money.changes,
    ...(date !== undefined && date !== first.date ? { date } : {}),
    ...(payee !== undefined && payee !== first.payee ? { payee } : {}),
    ...(tags !== undefined && JSON.stringify(tags) !== JSON.stringify(first.tags) ? { tags } : {}),
    ...(command.note !== undefined && command.note !== first.note ? { note: command.note } : {}),
  };
  if (Object.keys(changes).length === 0) throw new DomainError('invalid_input', 'errors.nothing_to_change', {});
  checkFunds(state, deltas);
  return envelope(ctx, command.requestId, { type: 'TransactionAmended', transactionId: money.transactionId, changes });
}

interface MoneyChanges {
  transactionId: string;
  changes: { accountId?: string; amountMinor?: number; counterAmountMinor?: number; categoryId?: string | null };
}

function amendLineMoney(
  state: LedgerReadModel,
  line: TransactionState,
  command: CommandOf<'amendTransaction'>,
  deltas: Map<string, number>,
): MoneyChanges {
  const target = usableAccount(state, command.accountId ?? line.accountId);
  // Moving a line keeps its amount, so it may only move between accounts of one currency.
  requireCurrency(target, line.currency);
  if (command.currency !== undefined) requireCurrency(target, command.currency);
  const kind = line.kind === 'expense' ? 'expense' : 'income';
  const magnitude = command.amount === undefined ? Math.abs(line.amountMinor) : positiveAmount(command.amount, target.currency);
  const amountMinor = kind === 'expense' ? -magnitude : magnitude;
  if (command.categoryId) requireCategory(state, command.categoryId, kind);
  addDelta(deltas, line.accountId, -line.amountMinor);
  addDelta(deltas, target.id, amountMinor);
  return {
    transactionId: line.id,
    changes: {
      ...(target.id !== line.accountId ? { accountId: target.id } : {}),
      ...(amountMinor !== line.amountMinor ? { amountMinor } : {}),
      ...(command.categoryId !== undefined && command.categoryId !== line.categoryId ? { categoryId: command.categoryId } : {}),
    },
  };
}

function amendTransferMoney(
  state: LedgerReadModel,
  lines: readonly TransactionState[],
  command: CommandOf<'amendTransaction'>,
  deltas: Map<string, number>,
): MoneyChanges {
  const [outgoing, incoming] = lines;
  if (!outgoing || !incoming) throw new Error('a transfer must have two legs');
  if (command.accountId !== undefined && command.accountId !== outgoing.accountId && command.accountId !== incoming.accountId) {
    throw new DomainError('rejected', 'errors.transfer_account_change', {});
  }
  if (command.categoryId) throw new DomainError('rejected', 'errors.transfer_category', {});
  const from = usableAccount(state, outgoing.accountId);
  const to = usableAccount(state, incoming.accountId);
  if (command.currency !== undefined) requireCurrency(from, command.currency);
  const outAmount = command.amount === undefined ? -outgoing.amountMinor : positiveAmount(command.amount, from.currency);
  const sameCurrency = from.currency === to.currency;
  const inAmount =
    command.toAmount !== undefined
      ? positiveAmount(command.toAmount, to.currency)
      : sameCurrency
        ? outAmount
        : incoming.amountMinor;
  if (sameCurrency && inAmount !== outAmount) throw new DomainError('rejected', 'errors.transfer_amounts_differ', {});
  addDelta(deltas, from.id, -outAmount - outgoing.amountMinor);
  addDelta(deltas, to.id, inAmount - incoming.amountMinor);
  const moneyChanged = outAmount !== -outgoing.amountMinor || inAmount !== incoming.amountMinor;
  return {
    transactionId: outgoing.id,
    changes: moneyChanged ? { amountMinor: -outAmount, counterAmountMinor: inAmount } : {},
  };
}

function voidOrRestore(
  state: LedgerReadModel,
  command: CommandOf<'voidTransaction' | 'restoreTransaction'>,
  ctx: DecideContext,
): LedgerEvent {
  const transaction = requireTransaction(state, command.transactionId);
  const voiding = command.type === 'voidTransaction';
  if (voiding && transaction.voided) throw new DomainError('rejected', 'errors.transaction_voided', {});
  if (!voiding && !transaction.voided) throw new DomainError('rejected', 'errors.transaction_not_voided', {});
  const lines = linesOf(state, transaction);
  requireUnlocked(state, lines);
  const deltas = new Map<string, number>();
  for (const line of lines) {
    usableAccount(state, line.accountId);
    addDelta(deltas, line.accountId, voiding ? -line.amountMinor : line.amountMinor);
  }
  checkFunds(state, deltas);
  return voiding
    ? envelope(ctx, command.requestId, { type: 'TransactionVoided', transactionId: transaction.id, reason: command.reason ?? '' })
    : envelope(ctx, command.requestId, { type: 'TransactionRestored', transactionId: transaction.id });
}

/**
 * A fold over decrypted journal payloads written from electron/ledger/EVENTS.md alone, as a
 * stranger would write it: no import from electron/, plain objects, the document's rules one by
 * one. The stranger and vector tests compare what it computes with the document and the engine.
 */

type Json = Record<string, unknown>;

interface Account {
  id: string;
  currency: string;
  opening: number;
  creditLimit: number;
  closed: boolean;
  frozen: boolean;
}

interface Line {
  accountId: string;
  amount: number;
  transferId: string | null;
  voided: boolean;
  status: string;
  date: string;
  kind: 'expense' | 'income' | 'transfer';
  categoryId: string | null;
}

export interface StrangerState {
  accounts: Map<string, Account>;
  lines: Map<string, Line>;
  categories: Map<string, { parentId: string | null }>;
  /** categoryId → month → { amount, currency } */
  budgets: Map<string, Map<string, { amount: number; currency: string }>>;
}

const str = (event: Json, field: string): string => {
  const value = event[field];
  if (typeof value !== 'string') throw new Error(`${String(event.type)}: ${field} is not a string`);
  return value;
};
const int = (event: Json, field: string): number => {
  const value = event[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`${String(event.type)}: ${field} is not a safe integer`);
  return value;
};

function known<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (!value) throw new Error(`unknown ${what} ${id}`);
  return value;
}

/** The line itself, or both legs of its transfer. */
function legs(state: StrangerState, transactionId: string): Line[] {
  const line = known(state.lines, transactionId, 'line');
  if (!line.transferId) return [line];
  return [...state.lines.values()].filter((other) => other.transferId === line.transferId);
}

export function emptyState(): StrangerState {
  return { accounts: new Map(), lines: new Map(), categories: new Map(), budgets: new Map() };
}

export function applyDocumented(state: StrangerState, event: Json): void {
  if (event.v !== 1) throw new Error(`event version ${String(event.v)} is not 1: stop, do not skip`);
  const details = (kind: Line['kind']) => ({ voided: false, status: str(event, 'status'), date: str(event, 'date'), kind });
  switch (event.type) {
    case 'AccountOpened':
      state.accounts.set(str(event, 'accountId'), {
        id: str(event, 'accountId'),
        currency: str(event, 'currency'),
        opening: int(event, 'openingBalanceMinor'),
        creditLimit: int(event, 'creditLimitMinor'),
        closed: false,
        frozen: false,
      });
      return;
    case 'AccountUpdated': {
      const account = known(state.accounts, str(event, 'accountId'), 'account');
      if (event.creditLimitMinor !== undefined) account.creditLimit = int(event, 'creditLimitMinor');
      return;
    }
    case 'AccountFrozen':
    case 'AccountUnfrozen':
      known(state.accounts, str(event, 'accountId'), 'account').frozen = event.type === 'AccountFrozen';
      return;
    case 'AccountClosed':
      known(state.accounts, str(event, 'accountId'), 'account').closed = true;
      return;
    case 'TransactionRecorded':
      known(state.accounts, str(event, 'accountId'), 'account');
      state.lines.set(str(event, 'transactionId'), {
        accountId: str(event, 'accountId'),
        amount: int(event, 'amountMinor'),
        transferId: null,
        categoryId: (event.categoryId as string | null) ?? null,
        ...details(str(event, 'kind') as 'expense' | 'income'),
      });
      return;
    case 'TransferRecorded':
      known(state.accounts, str(event, 'fromAccountId'), 'account');
      known(state.accounts, str(event, 'toAccountId'), 'account');
      state.lines.set(str(event, 'fromTransactionId'), {
        accountId: str(event, 'fromAccountId'),
        amount: -int(event, 'amountMinor'),
        transferId: str(event, 'transferId'),
        categoryId: null,
        ...details('transfer'),
      });
      state.lines.set(str(event, 'toTransactionId'), {
        accountId: str(event, 'toAccountId'),
        amount: int(event, 'toAmountMinor'),
        transferId: str(event, 'transferId'),
        categoryId: null,
        ...details('transfer'),
      });
      return;
    case 'TransactionAmended': {
      const id = str(event, 'transactionId');
      const changes = event.changes as Json;
      const own = known(state.lines, id, 'line');
      if (changes.accountId !== undefined) own.accountId = known(state.accounts, str(changes, 'accountId'), 'account').id;
      if (changes.amountMinor !== undefined) own.amount = int(changes, 'amountMinor');
      if (changes.categoryId !== undefined) own.categoryId = changes.categoryId as string | null;
      for (const line of legs(state, id)) {
        if (line !== own && changes.counterAmountMinor !== undefined) line.amount = int(changes, 'counterAmountMinor');
        if (changes.date !== undefined) line.date = str(changes, 'date');
      }
      return;
    }
    case 'TransactionVoided':
    case 'TransactionRestored':
      for (const line of legs(state, str(event, 'transactionId'))) line.voided = event.type === 'TransactionVoided';
      return;
    case 'TransactionStatusChanged':
      known(state.lines, str(event, 'transactionId'), 'line').status = str(event, 'status');
      return;
    case 'Reconciled':
      for (const id of event.clearedTransactionIds as string[]) known(state.lines, id, 'line').status = 'reconciled';
      return;
    case 'CategoryDefined':
      state.categories.set(str(event, 'categoryId'), { parentId: (event.parentId as string | null) ?? null });
      return;
    case 'CategoryArchived':
      // No money effect: the category leaves lists; its lines were moved by TransactionAmended events before it.
      known(state.categories, str(event, 'categoryId'), 'category');
      return;
    case 'BudgetSet': {
      const months = state.budgets.get(str(event, 'categoryId')) ?? new Map<string, { amount: number; currency: string }>();
      months.set(str(event, 'month'), { amount: int(event, 'amountMinor'), currency: str(event, 'currency') });
      state.budgets.set(str(event, 'categoryId'), months);
      return;
    }
    case 'ExchangeRateSet':
      // No money effect: a rate the user keeps for showing net worth in one currency.
      if (event.rate !== null) str(event, 'rate');
      return;
    default:
      throw new Error(`unknown event type ${String(event.type)}: stop, do not skip`);
  }
}

export function foldDocumented(events: readonly unknown[]): StrangerState {
  const state = emptyState();
  for (const event of events) applyDocumented(state, event as Json);
  return state;
}

export function balanceOf(state: StrangerState, accountId: string): number {
  const account = known(state.accounts, accountId, 'account');
  let balance = account.opening;
  for (const line of state.lines.values()) if (line.accountId === accountId && !line.voided) balance += line.amount;
  return balance;
}

export function availableOf(state: StrangerState, accountId: string): number {
  return Math.max(0, balanceOf(state, accountId) + known(state.accounts, accountId, 'account').creditLimit);
}

/** Every account's balance: `{ accountId: [balanceMinor, currency] }`. */
export function balances(state: StrangerState): Record<string, [number, string]> {
  return Object.fromEntries([...state.accounts.values()].map((a) => [a.id, [balanceOf(state, a.id), a.currency]]));
}

/** The budget in effect for `month` and what was spent against it, or null when none (or 0). */
export function budgetFor(state: StrangerState, categoryId: string, month: string): { budget: number; spent: number } | null {
  const months = state.budgets.get(categoryId);
  const effective = [...(months?.keys() ?? [])].filter((m) => m <= month).sort().at(-1);
  const budget = effective === undefined ? undefined : months?.get(effective);
  if (!budget || budget.amount <= 0) return null;
  let spent = 0;
  for (const line of state.lines.values()) {
    const inCategory = line.categoryId === categoryId || (line.categoryId !== null && state.categories.get(line.categoryId)?.parentId === categoryId);
    if (inCategory && !line.voided && line.kind === 'expense' && line.date.startsWith(`${month}-`)) {
      if (state.accounts.get(line.accountId)?.currency === budget.currency) spent -= line.amount;
    }
  }
  return { budget: budget.amount, spent };
}

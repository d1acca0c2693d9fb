/**
 * What each ledger event is about, for merging: the entity it creates or follows (an account, a
 * transaction, a transfer, a category, a reconciliation) and the entities it needs to exist
 * first. Kept apart from the planning so the rules for each event type read in one place.
 */

/** A journal payload as merge sees it: anything with an eventId and a type. */
export interface MergeEvent {
  eventId: string;
  type: string;
  at?: string;
  [field: string]: unknown;
}

export interface EventRole {
  /** e.g. `account:a1`, `transaction:t1`, `transfer:x1`, `category:c1`, `reconciliation:r1`, `rate:USD/CNY`. */
  key: string;
  /** True for the event that brings the entity into existence. */
  creates: boolean;
  /** Entity keys this event needs (transaction legs are resolved by the caller via `legs`). */
  needs: string[];
}

export function asMergeEvent(payload: unknown): MergeEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { eventId, type } = payload as { eventId?: unknown; type?: unknown };
  return typeof eventId === 'string' && typeof type === 'string' ? (payload as MergeEvent) : null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const account = (id: unknown) => (str(id) ? [`account:${String(id)}`] : []);
const category = (id: unknown) => (str(id) ? [`category:${String(id)}`] : []);

/**
 * `legs` maps a transaction id (either leg of a transfer) to its entity key; the caller fills it
 * from both journals as it goes. null for event types this version does not know.
 */
export function roleOf(event: MergeEvent, legs: Pick<ReadonlyMap<string, string>, 'get'>): EventRole | null {
  const leg = (id: unknown) => legs.get(String(id)) ?? `transaction:${String(id)}`;
  switch (event.type) {
    case 'AccountOpened':
      return { key: `account:${String(event.accountId)}`, creates: true, needs: [] };
    case 'AccountUpdated':
    case 'AccountFrozen':
    case 'AccountUnfrozen':
    case 'AccountClosed':
      return { key: `account:${String(event.accountId)}`, creates: false, needs: [] };
    case 'TransactionRecorded':
      return { key: `transaction:${String(event.transactionId)}`, creates: true, needs: [...account(event.accountId), ...category(event.categoryId)] };
    case 'TransferRecorded':
      return { key: `transfer:${String(event.transferId)}`, creates: true, needs: [...account(event.fromAccountId), ...account(event.toAccountId)] };
    case 'TransactionAmended': {
      const changes = (event.changes ?? {}) as { accountId?: unknown; categoryId?: unknown };
      return { key: leg(event.transactionId), creates: false, needs: [...account(changes.accountId), ...category(changes.categoryId)] };
    }
    case 'TransactionVoided':
    case 'TransactionRestored':
    case 'TransactionStatusChanged':
      return { key: leg(event.transactionId), creates: false, needs: [] };
    case 'CategoryDefined':
      // Later definitions of the same id rename or move it: they follow the first.
      return { key: `category:${String(event.categoryId)}`, creates: true, needs: category(event.parentId) };
    case 'BudgetSet':
    case 'CategoryArchived':
      return { key: `category:${String(event.categoryId)}`, creates: false, needs: [] };
    case 'ExchangeRateSet':
      // A pair is one entity: a rate the wallet has set itself stays; one only the backup has comes back.
      return { key: `rate:${String(event.currency)}/${String(event.base)}`, creates: true, needs: [] };
    case 'Reconciled': {
      const cleared = Array.isArray(event.clearedTransactionIds) ? event.clearedTransactionIds : [];
      return { key: `reconciliation:${String(event.reconciliationId)}`, creates: true, needs: [...account(event.accountId), ...cleared.map(leg)] };
    }
    // An import batch is one entity: its chunks, its undo and restore follow the event that started it.
    case 'ImportBatchStarted':
      return { key: `import:${String(event.batchId)}`, creates: true, needs: account(event.accountId) };
    case 'TransactionsImported': {
      const rows = Array.isArray(event.rows) ? (event.rows as Record<string, unknown>[]) : [];
      const accounts = new Set<string>();
      for (const row of rows) {
        for (const id of [...account(row.accountId), ...category(row.categoryId)]) accounts.add(id);
        const transfer = row.transfer as { counterAccountId?: unknown } | null | undefined;
        for (const id of account(transfer?.counterAccountId)) accounts.add(id);
      }
      return { key: `import:${String(event.batchId)}`, creates: false, needs: [...accounts] };
    }
    case 'ImportBatchUndone':
    case 'ImportBatchRestored':
      return { key: `import:${String(event.batchId)}`, creates: false, needs: [] };
    default:
      return null;
  }
}

/** Records the leg ids of a transaction-creating event, so later events about a leg find their entity. */
export function noteLegs(event: MergeEvent, legs: Pick<Map<string, string>, 'set'>): void {
  if (event.type === 'TransactionsImported' && Array.isArray(event.rows)) {
    const key = `import:${String(event.batchId)}`;
    for (const row of event.rows as Record<string, unknown>[]) {
      if (str(row.transactionId)) legs.set(String(row.transactionId), key);
      const counter = (row.transfer as { counterTransactionId?: unknown } | null | undefined)?.counterTransactionId;
      if (str(counter)) legs.set(String(counter), key);
    }
  }
  if (event.type === 'TransactionRecorded' && str(event.transactionId)) legs.set(String(event.transactionId), `transaction:${String(event.transactionId)}`);
  if (event.type === 'TransferRecorded') {
    const key = `transfer:${String(event.transferId)}`;
    if (str(event.fromTransactionId)) legs.set(String(event.fromTransactionId), key);
    if (str(event.toTransactionId)) legs.set(String(event.toTransactionId), key);
  }
}

/** A leg map that reads through to a shared one and writes only to its own: two folds over one common prefix. */
export function legsOver(base: Pick<ReadonlyMap<string, string>, 'get'>): Pick<Map<string, string>, 'get' | 'set'> {
  const own = new Map<string, string>();
  return {
    get: (id) => own.get(id) ?? base.get(id),
    set(id, key) {
      own.set(id, key);
      return own;
    },
  };
}

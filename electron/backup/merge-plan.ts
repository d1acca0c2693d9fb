/**
 * Merge restore, the pure part: which of a backup's events the wallet lacks, grouped into the
 * things a person recognises (accounts, transactions, transfers, categories), and which events to
 * append for a chosen subset.
 *
 * The rules:
 * - Events are matched by eventId; an event the wallet has is never appended again, so merging
 *   twice recovers nothing the second time.
 * - Only things the wallet does not have at all are recovered, with their whole history from the
 *   backup (a transaction voided in the backup comes back voided, into "recently deleted").
 * - Nothing the wallet already has is changed: later events the backup holds about an account or
 *   a transaction the wallet has (an amendment, a void, a restore…) are not applied. So a merge
 *   never un-voids what the wallet voided, and never re-voids what it restored.
 * - A recovered thing brings what it needs and the wallet lacks (its account, its category).
 * - A reconciliation comes back only together with every transaction it cleared, because applying
 *   it would otherwise change transactions the wallet already has.
 */
import { asMergeEvent, legsOver, noteLegs, roleOf, type MergeEvent } from './merge-entities';

export type MergeItemKind = 'account' | 'transaction' | 'transfer' | 'category';

/** One row of the preview. */
export interface MergeItem {
  /** Entity key, e.g. `transaction:t-123`; what `selectEvents` takes. */
  id: string;
  kind: MergeItemKind;
  /** Account or category name, or the transaction's payee. */
  label: string;
  /** Booking date of a transaction, opening date of an account. */
  date: string | null;
  amountMinor: number | null;
  currency: string | null;
  accountId: string | null;
  /** Deleted in the backup: it comes back deleted. */
  voided: boolean;
  events: number;
}

export interface MergePlan {
  missingEvents: number;
  missingTransactions: number;
  missingAccounts: number;
  missingCategories: number;
  /** Earliest booking date of a missing transaction (the "since 3 March" of the preview); else the day of sinceAt. */
  since: string | null;
  /** Earliest recording instant among the missing events. */
  sinceAt: string | null;
  items: MergeItem[];
  /** Backup events the wallet lacks that touch things it has: deliberately not applied. */
  skippedEvents: number;
  /** Events of a type this version does not know, or not ledger events at all. */
  unknownEvents: number;
  /** Internal to selectEvents: the recoverable entities and their events/needs, in backup order. */
  readonly entities: ReadonlyMap<string, Entity>;
  /** Internal to selectEvents: each recoverable event's position in the backup. */
  readonly order: ReadonlyMap<MergeEvent, number>;
}

interface Entity {
  key: string;
  events: MergeEvent[];
  needs: Set<string>;
}

/**
 * What planning needs to know about the wallet: which events it has, which things (entity keys)
 * it created, and the entity of each transaction id it holds. Built from its events
 * (`planMerge`), or from the open wallet's projection and the events after the history it
 * shares with the backup (merge-facts.ts), so a preview need not decrypt the whole journal.
 */
export interface WalletKnowledge {
  hasEvent(eventId: string): boolean;
  hasEntity(key: string): boolean;
  legs: Pick<ReadonlyMap<string, string>, 'get'>;
}

function indexWallet(walletEvents: Iterable<unknown>): WalletKnowledge {
  const eventIds = new Set<string>();
  const entities = new Set<string>();
  const legs = new Map<string, string>();
  for (const payload of walletEvents) {
    const event = asMergeEvent(payload);
    if (!event) continue;
    eventIds.add(event.eventId);
    noteLegs(event, legs);
    const role = roleOf(event, legs);
    if (role?.creates) entities.add(role.key);
  }
  return { hasEvent: (id) => eventIds.has(id), hasEntity: (key) => entities.has(key), legs };
}

export function planMerge(backupEvents: Iterable<unknown>, walletEvents: Iterable<unknown>): MergePlan {
  return planMergeAgainst(backupEvents, indexWallet(walletEvents));
}

/**
 * The plan from the backup's events and what the wallet knows. `backupEvents` may leave out a
 * prefix the wallet shares (same chain tags, so the same events): the wallet has all of them.
 */
export function planMergeAgainst(backupEvents: Iterable<unknown>, wallet: WalletKnowledge): MergePlan {
  const legs = legsOver(wallet.legs);
  const entities = new Map<string, Entity>();
  const order = new Map<MergeEvent, number>();
  let skippedEvents = 0;
  let unknownEvents = 0;
  for (const payload of backupEvents) {
    const event = asMergeEvent(payload);
    if (!event) {
      unknownEvents++;
      continue;
    }
    noteLegs(event, legs);
    if (wallet.hasEvent(event.eventId)) continue;
    const role = roleOf(event, legs);
    if (!role) {
      unknownEvents++;
      continue;
    }
    // Recovering a reconciliation would change the status of transactions the wallet already has.
    const touchesWallet = role.key.startsWith('reconciliation:') && role.needs.some((need) => !need.startsWith('account:') && wallet.hasEntity(need));
    if (wallet.hasEntity(role.key) || touchesWallet) {
      skippedEvents++;
      continue;
    }
    let entity = entities.get(role.key);
    if (!entity) {
      // Follow-up events of something neither journal created cannot be applied.
      if (!role.creates) {
        skippedEvents++;
        continue;
      }
      entity = { key: role.key, events: [], needs: new Set() };
      entities.set(role.key, entity);
    }
    entity.events.push(event);
    order.set(event, order.size);
    for (const need of role.needs) if (need !== role.key && !wallet.hasEntity(need)) entity.needs.add(need);
  }
  dropUnrecoverable(entities, (dropped) => (skippedEvents += dropped));

  const items = [...entities.values()].flatMap((entity) => itemOf(entity) ?? []);
  const count = (kind: MergeItemKind) => items.filter((item) => item.kind === kind).length;
  // Booking dates of lost transactions; an opening date can be backdated, so accounts do not count.
  const dates = items.flatMap((item) => ((item.kind === 'transaction' || item.kind === 'transfer') && item.date ? [item.date] : [])).sort();
  const instants = [...entities.values()].flatMap((entity) => entity.events.flatMap((event) => (typeof event.at === 'string' ? [event.at] : []))).sort();
  return {
    missingEvents: [...entities.values()].reduce((total, entity) => total + entity.events.length, 0),
    missingTransactions: count('transaction') + count('transfer'),
    missingAccounts: count('account'),
    missingCategories: count('category'),
    since: dates[0] ?? instants[0]?.slice(0, 10) ?? null,
    sinceAt: instants[0] ?? null,
    items,
    skippedEvents,
    unknownEvents,
    entities,
    order,
  };
}

/**
 * Removes entities that need something neither the wallet nor the recoverable set has (a
 * reconciliation that cleared transactions the wallet already has, a dangling reference), and
 * then whatever needed those, until nothing changes.
 */
function dropUnrecoverable(entities: Map<string, Entity>, onDrop: (events: number) => void): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const entity of entities.values()) {
      if ([...entity.needs].every((need) => entities.has(need))) continue;
      entities.delete(entity.key);
      onDrop(entity.events.length);
      changed = true;
    }
  }
}

/** Folds an entity's events into its preview row; reconciliations and exchange rates are not rows (they ride along). */
function itemOf(entity: Entity): MergeItem | null {
  const [kind] = entity.key.split(':') as [string];
  const first = entity.events[0]!;
  const base = { id: entity.key, events: entity.events.length, voided: false, amountMinor: null, currency: null, accountId: null };
  if (kind === 'account') {
    const renamed = entity.events.filter((event) => typeof event.name === 'string').at(-1);
    return { ...base, kind, label: String(renamed?.name ?? ''), date: (first.openedOn as string) ?? null, currency: String(first.currency ?? '') };
  }
  if (kind === 'category') {
    const renamed = entity.events.filter((event) => event.type === 'CategoryDefined').at(-1);
    return { ...base, kind, label: String(renamed?.name ?? ''), date: null };
  }
  if (kind !== 'transaction' && kind !== 'transfer') return null;
  let voided = false;
  let date = String(first.date ?? '');
  let payee = String(first.payee ?? '');
  let amountMinor = Number(first.amountMinor);
  let accountId = String(first.accountId ?? first.fromAccountId ?? '');
  for (const event of entity.events.slice(1)) {
    if (event.type === 'TransactionVoided') voided = true;
    if (event.type === 'TransactionRestored') voided = false;
    if (event.type !== 'TransactionAmended') continue;
    const changes = (event.changes ?? {}) as Record<string, unknown>;
    if (typeof changes.date === 'string') date = changes.date;
    if (typeof changes.payee === 'string') payee = changes.payee;
    // For a transfer the amended leg may be either one; the preview keeps the outgoing amount.
    if (kind === 'transaction' && typeof changes.amountMinor === 'number') amountMinor = changes.amountMinor;
    if (kind === 'transaction' && typeof changes.accountId === 'string') accountId = changes.accountId;
  }
  if (kind === 'transfer') amountMinor = -Math.abs(amountMinor);
  return { ...base, kind, label: payee, date, amountMinor, currency: String(first.currency ?? ''), accountId, voided };
}

/**
 * The events to append for the picked items (all items when `picked` is omitted), in backup
 * order, including what they need that the wallet lacks and the reconciliations they complete.
 */
export function selectEvents(plan: MergePlan, picked?: readonly string[]): MergeEvent[] {
  const chosen = new Set<string>();
  const add = (key: string) => {
    const entity = plan.entities.get(key);
    if (!entity || chosen.has(key)) return;
    chosen.add(key);
    for (const need of entity.needs) add(need);
  };
  for (const key of picked ?? plan.items.map((item) => item.id)) add(key);
  // A reconciliation joins once everything it needs is chosen (or already in the wallet).
  for (const entity of plan.entities.values()) {
    if (entity.key.startsWith('reconciliation:') && [...entity.needs].every((need) => chosen.has(need))) add(entity.key);
    // An exchange rate the wallet has no rate for always comes back: it needs nothing and moves no money.
    if (entity.key.startsWith('rate:')) add(entity.key);
  }
  const events = [...plan.entities.values()].filter((entity) => chosen.has(entity.key)).flatMap((entity) => entity.events);
  // Entities were collected in order of their first event and their later events interleave: re-sort.
  return events.sort((a, b) => (plan.order.get(a) ?? 0) - (plan.order.get(b) ?? 0));
}

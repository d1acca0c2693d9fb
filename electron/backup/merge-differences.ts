/**
 * What the wallet did to its transactions after a backup was taken, from the two event lists:
 * lines recorded since (a full restore loses them), and lines the backup also has that were
 * voided, restored or amended since (a merge leaves those as the wallet has them; a full restore
 * puts back the backup's version). Pure, and apart from merge-plan.ts so how the merge itself is
 * planned can change without touching this.
 *
 * Each transaction or transfer is summarised from its own events (payee, date, amount, voided);
 * status changes and reconciliations are bookkeeping and do not count as a difference.
 */
import { asMergeEvent, legsOver, noteLegs, roleOf, type MergeEvent } from './merge-entities';

export interface ChangedItem {
  /** Entity key, e.g. `transaction:t-123` or `transfer:x-1`. */
  id: string;
  kind: 'transaction' | 'transfer';
  label: string;
  date: string;
  /** As the wallet has it now; a transfer shows its outgoing (negative) amount. */
  amountMinor: number;
  currency: string;
  /** When the wallet made the change (or recorded the line). */
  at: string;
}

export interface WalletChanges {
  /** In the wallet only: recorded after the backup. Newest first, as are all lists here. */
  recorded: ChangedItem[];
  voided: ChangedItem[];
  restored: ChangedItem[];
  amended: ChangedItem[];
}

export interface Summary extends ChangedItem {
  voided: boolean;
}

const MONEY_CHANGES = new Set(['TransactionRecorded', 'TransferRecorded', 'TransactionAmended', 'TransactionVoided', 'TransactionRestored']);

/**
 * The history both journals share, as the two tails are folded on top of it: each transaction's
 * or transfer's summary at its end, the entity of each transaction id, and which events it holds.
 * Either folded from its events (`walletChangesSince`) or asked of the open wallet's projection
 * (merge-facts.ts), so a preview need not decrypt it.
 */
export interface SharedBase {
  /** The summary at the end of the shared history; undefined when it does not have that thing. */
  summary(key: string): Summary | undefined;
  legs: Pick<ReadonlyMap<string, string>, 'get'>;
  hasEvent(eventId: string): boolean;
  /** `keys` (all in the shared history), in the order it first recorded them. */
  inOrder(keys: readonly string[]): string[];
}

interface Folded {
  /** Only what these events created or changed; the rest is in the base. */
  summaries: Map<string, Summary>;
  eventIds: Set<string>;
  keyOf: Map<MergeEvent, string>;
  legs: Pick<Map<string, string>, 'get' | 'set'>;
}

/**
 * Folds the events that matter for the preview into one summary per transaction or transfer, on
 * top of `base` (the history both journals share) without changing it: a summary of the base is
 * copied before these events change it.
 */
function summarise(events: Iterable<unknown>, base?: SharedBase): Folded {
  const summaries = new Map<string, Summary>();
  const eventIds = new Set<string>();
  const keyOf = new Map<MergeEvent, string>();
  const legs = base ? legsOver(base.legs) : new Map<string, string>();
  for (const payload of events) {
    const event = asMergeEvent(payload);
    if (!event) continue;
    eventIds.add(event.eventId);
    noteLegs(event, legs);
    if (!MONEY_CHANGES.has(event.type)) continue;
    const key = roleOf(event, legs)?.key;
    if (!key || !(key.startsWith('transaction:') || key.startsWith('transfer:'))) continue;
    keyOf.set(event, key);
    const at = typeof event.at === 'string' ? event.at : '';
    if (event.type === 'TransactionRecorded' || event.type === 'TransferRecorded') {
      const amount = Number(event.amountMinor);
      summaries.set(key, {
        id: key,
        kind: event.type === 'TransferRecorded' ? 'transfer' : 'transaction',
        label: String(event.payee ?? ''),
        date: String(event.date ?? ''),
        amountMinor: event.type === 'TransferRecorded' ? -Math.abs(amount) : amount,
        currency: String(event.currency ?? ''),
        at,
        voided: false,
      });
      continue;
    }
    let summary = summaries.get(key);
    if (!summary) {
      const shared = base?.summary(key);
      if (!shared) continue;
      summary = { ...shared };
      summaries.set(key, summary);
    }
    summary.at = at;
    if (event.type === 'TransactionVoided') summary.voided = true;
    if (event.type === 'TransactionRestored') summary.voided = false;
    if (event.type === 'TransactionAmended') {
      const changes = (event.changes ?? {}) as Record<string, unknown>;
      if (typeof changes.date === 'string') summary.date = changes.date;
      if (typeof changes.payee === 'string') summary.label = changes.payee;
      if (typeof changes.amountMinor === 'number') summary.amountMinor = summary.kind === 'transfer' ? -Math.abs(changes.amountMinor) : changes.amountMinor;
    }
  }
  return { summaries, eventIds, keyOf, legs };
}

/** The shared history folded from its events. */
function foldedBase(events: readonly unknown[]): SharedBase {
  const folded = summarise(events);
  const order = new Map([...folded.summaries.keys()].map((key, index) => [key, index]));
  return {
    summary: (key) => folded.summaries.get(key),
    legs: folded.legs as Map<string, string>,
    hasEvent: (id) => folded.eventIds.has(id),
    inOrder: (keys) => [...keys].sort((a, b) => order.get(a)! - order.get(b)!),
  };
}

/**
 * `sharedPrefix`: how many leading events both lists have in common (the same chain tags, so the
 * same events). That history is folded once, and only the two tails on top of it: whatever
 * neither tail touched is the same on both sides, so it is no difference.
 */
export function walletChangesSince(backupEvents: readonly unknown[], walletEvents: readonly unknown[], sharedPrefix = 0): WalletChanges {
  return changesOver(foldedBase(walletEvents.slice(0, sharedPrefix)), backupEvents.slice(sharedPrefix), walletEvents.slice(sharedPrefix));
}

/** The differences from the two tails (the events after the shared history) and that history. */
export function changesOver(shared: SharedBase, backupTail: readonly unknown[], walletTail: readonly unknown[]): WalletChanges {
  const backup = summarise(backupTail, shared);
  const wallet = summarise(walletTail, shared);
  const inBackup = (eventId: string) => backup.eventIds.has(eventId) || shared.hasEvent(eventId);
  const amendedSince = new Set<string>();
  for (const [event, key] of wallet.keyOf) {
    if (event.type === 'TransactionAmended' && !inBackup(event.eventId)) amendedSince.add(key);
  }
  const changes: WalletChanges = { recorded: [], voided: [], restored: [], amended: [] };
  // Only what a tail touched can differ. In the wallet's order of first appearance: the shared
  // history's lines, then the tail's new ones.
  const touched = [...new Set([...wallet.summaries.keys(), ...backup.summaries.keys()])];
  const keys = [...shared.inOrder(touched.filter((key) => shared.summary(key))), ...[...wallet.summaries.keys()].filter((key) => !shared.summary(key))];
  for (const key of keys) {
    const now = (wallet.summaries.get(key) ?? shared.summary(key))!;
    const then = backup.summaries.get(key) ?? shared.summary(key);
    const { voided: _voided, ...item } = now;
    if (!then) changes.recorded.push(item);
    else if (!then.voided && now.voided) changes.voided.push(item);
    else if (then.voided && !now.voided) changes.restored.push(item);
    else if (amendedSince.has(key)) changes.amended.push(item);
  }
  const newestFirst = (a: ChangedItem, b: ChangedItem) => b.at.localeCompare(a.at);
  for (const list of Object.values(changes)) list.sort(newestFirst);
  return changes;
}

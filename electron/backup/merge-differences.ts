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
import { asMergeEvent, noteLegs, roleOf, type MergeEvent } from './merge-entities';

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

interface Summary extends ChangedItem {
  voided: boolean;
}

const MONEY_CHANGES = new Set(['TransactionRecorded', 'TransferRecorded', 'TransactionAmended', 'TransactionVoided', 'TransactionRestored']);

/** Folds the events that matter for the preview into one summary per transaction or transfer. */
function summarise(events: Iterable<unknown>): { summaries: Map<string, Summary>; eventIds: Set<string>; keyOf: Map<MergeEvent, string> } {
  const summaries = new Map<string, Summary>();
  const eventIds = new Set<string>();
  const keyOf = new Map<MergeEvent, string>();
  const legs = new Map<string, string>();
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
    const summary = summaries.get(key);
    if (!summary) continue;
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
  return { summaries, eventIds, keyOf };
}

export function walletChangesSince(backupEvents: Iterable<unknown>, walletEvents: Iterable<unknown>): WalletChanges {
  const backup = summarise(backupEvents);
  const wallet = summarise(walletEvents);
  const amendedSince = new Set<string>();
  for (const [event, key] of wallet.keyOf) {
    if (event.type === 'TransactionAmended' && !backup.eventIds.has(event.eventId)) amendedSince.add(key);
  }
  const changes: WalletChanges = { recorded: [], voided: [], restored: [], amended: [] };
  for (const [key, now] of wallet.summaries) {
    const { voided: _voided, ...item } = now;
    const then = backup.summaries.get(key);
    if (!then) changes.recorded.push(item);
    else if (!then.voided && now.voided) changes.voided.push(item);
    else if (then.voided && !now.voided) changes.restored.push(item);
    else if (amendedSince.has(key)) changes.amended.push(item);
  }
  const newestFirst = (a: ChangedItem, b: ChangedItem) => b.at.localeCompare(a.at);
  for (const list of Object.values(changes)) list.sort(newestFirst);
  return changes;
}

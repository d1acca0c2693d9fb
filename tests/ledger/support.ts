/** Test helpers: a real in-memory event sink and a ledger wired to it. */
import { randomUUID } from 'node:crypto';
import { Ledger, type EventSink } from '../../electron/ledger/ledger';
import { ledgerProjectionFactory } from '../../electron/ledger/projection';
import type { LedgerEvent } from '../../electron/ledger/events';
import { DomainError } from '../../shared/errors';

/** Keeps appended payloads in memory, numbered like the vault's journal (seq from 1). */
export class MemorySink implements EventSink {
  readonly events: { seq: number; payload: LedgerEvent }[] = [];
  appendCalls = 0;

  append(payloads: readonly unknown[]): { seq: number }[] {
    this.appendCalls += 1;
    // A JSON round trip, as the vault does: what is replayed is what was serialized.
    return payloads.map((payload) => {
      const seq = this.events.length + 1;
      this.events.push({ seq, payload: JSON.parse(JSON.stringify(payload)) as LedgerEvent });
      return { seq };
    });
  }
}

let counter = 0;
export function requestId(): string {
  counter += 1;
  return `req-${counter}`;
}

export function makeLedger(options: { today?: string } = {}) {
  const sink = new MemorySink();
  const projection = ledgerProjectionFactory.empty();
  const ledger = new Ledger({
    sink,
    projection,
    now: () => new Date('2024-06-15T08:00:00.000Z'),
    newId: randomUUID,
    today: () => options.today ?? '2024-06-15',
  });
  return { sink, projection, ledger };
}

/** Runs `fn`, expects a DomainError, and returns it for inspection. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

/**
 * The replay fast path (LedgerProjection.applyBatch / beginReplay / endReplay, driven by the
 * vault's replay): one SQLite transaction per slice, no schema parse of known events of this
 * version, read indexes rebuilt once at the end — and the same state as applying event by event.
 */
import { describe, expect, it } from 'vitest';
import { ledgerProjectionFactory, type LedgerProjection } from '../../electron/ledger/projection';
import { DEFERRED_INDEXES } from '../../electron/ledger/schema';
import { queries } from '../../electron/ledger';
import { makeLedger, requestId } from './support';

function history(count: number) {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command }).id;
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '100000' });
  const card = run({ type: 'openAccount', name: 'Visa', kind: 'credit', currency: 'CNY', creditLimit: '50000' });
  const food = run({ type: 'defineCategory', name: '餐饮', kind: 'expense' });
  for (let i = 0; made.sink.events.length < count; i++) {
    const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    if (i % 7 === 3) {
      run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: card, amount: '12.5', currency: 'CNY', date: day });
      continue;
    }
    const id = run({ type: 'recordTransaction', kind: 'expense', accountId: i % 2 ? cash : card, amount: `${(i % 50) + 1}.1`, currency: 'CNY', date: day, payee: `店 ${i % 30}`, categoryId: food });
    if (i % 11 === 5) run({ type: 'amendTransaction', transactionId: id, payee: 'amended' });
    if (i % 13 === 6) run({ type: 'voidTransaction', transactionId: id });
  }
  return { ...made, cash, card };
}

function replayInSlices(events: readonly { seq: number; payload: unknown }[], slice: number): LedgerProjection {
  const projection = ledgerProjectionFactory.empty();
  projection.beginReplay(events.length);
  for (let i = 0; i < events.length; i += slice) projection.applyBatch(events.slice(i, i + slice));
  for (const _ of projection.endReplay()) void _;
  return projection;
}

const indexNames = (p: LedgerProjection) => p.sql.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").map((row) => row.name);

describe('replay in slices', () => {
  it('gives the digest, indexes and query answers of applying event by event', () => {
    const { projection, sink, cash } = history(2_500);
    const replayed = replayInSlices(sink.events, 1_000);
    try {
      expect(replayed.lastSeq()).toBe(sink.events.length);
      expect(replayed.digest()).toBe(projection.digest());
      expect(indexNames(replayed)).toEqual(indexNames(projection));
      for (const name of DEFERRED_INDEXES) expect(indexNames(replayed)).toContain(name);
      expect(queries.register(replayed, cash, { limit: 50 })).toEqual(queries.register(projection, cash, { limit: 50 }));
      expect(replayed.balance(cash)).toBe(projection.balance(cash));
      // A replayed projection serializes to a snapshot that loads to the same state.
      const reopened = ledgerProjectionFactory.fromSnapshot(replayed.serialize());
      expect(reopened.digest()).toBe(projection.digest());
      reopened.close();
    } finally {
      replayed.close();
      projection.close();
    }
  });

  it('refuses what a full parse refuses, and a refused slice leaves nothing applied', () => {
    const { sink } = history(40);
    const events = sink.events;
    const cases: [string, (payload: Record<string, unknown>) => Record<string, unknown>, string][] = [
      ['unknown type', (p) => ({ ...p, type: 'SomethingNew' }), 'errors.ledger_event_invalid'],
      ['newer version', (p) => ({ ...p, v: 2 }), 'errors.ledger_event_too_new'],
      ['another version, bad field', (p) => ({ ...p, v: 0 }), 'errors.ledger_event_invalid'],
    ];
    for (const [, change, messageKey] of cases) {
      const projection = ledgerProjectionFactory.empty();
      projection.applyBatch(events.slice(0, 20));
      const before = projection.digest();
      const bad = events.slice(20, 30).map((event, i) => (i === 5 ? { seq: event.seq, payload: change(event.payload as Record<string, unknown>) } : event));
      expect(() => projection.applyBatch(bad)).toThrow(expect.objectContaining({ messageKey }));
      expect(projection.lastSeq()).toBe(20);
      expect(projection.digest()).toBe(before);
      // Still usable after the refusal: the same slice, intact, applies.
      projection.applyBatch(events.slice(20, 30));
      expect(projection.lastSeq()).toBe(30);
      projection.close();
    }
    const gap = ledgerProjectionFactory.empty();
    expect(() => gap.applyBatch([events[0]!, events[2]!])).toThrow(expect.objectContaining({ messageKey: 'errors.ledger_seq_not_next' }));
    expect(gap.lastSeq()).toBe(0);
    gap.close();
  });
});

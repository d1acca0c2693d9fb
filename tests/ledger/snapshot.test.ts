/** Snapshots and replays agree: serialize → fromSnapshot and a full replay give the same digest. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ledgerProjectionFactory } from '../../electron/ledger/projection';
import { Ledger } from '../../electron/ledger/ledger';
import { DomainError } from '../../shared/errors';
import { domainError, makeLedger, requestId } from './support';

function populated() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '500' }).id;
  const usd = run({ type: 'openAccount', name: 'Chase', kind: 'bank', currency: 'USD' }).id;
  const food = run({ type: 'defineCategory', name: '餐饮', kind: 'expense' }).id;
  run({ type: 'setBudget', categoryId: food, month: '2024-06', amount: '1000', currency: 'CNY' });
  const tx = run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '35.5', currency: 'CNY', date: '2024-06-01', payee: '兰州拉面', categoryId: food, tags: ['lunch'] }).id;
  run({ type: 'amendTransaction', transactionId: tx, amount: '36', note: 'tip' });
  run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: usd, amount: '71.23', currency: 'CNY', toAmount: '10', date: '2024-06-02' });
  run({ type: 'voidTransaction', transactionId: tx });
  run({ type: 'restoreTransaction', transactionId: tx });
  run({ type: 'freezeAccount', accountId: usd });
  return { ...made, run, cash };
}

describe('snapshots', () => {
  it('round-trips through serialize and fromSnapshot with the same digest, and keeps working', () => {
    const { projection, sink, cash } = populated();
    const restored = ledgerProjectionFactory.fromSnapshot(projection.serialize());
    expect(restored.digest()).toBe(projection.digest());
    expect(restored.lastSeq()).toBe(sink.events.length);
    // The restored projection accepts the next events like the original.
    const ledger = new Ledger({ sink, projection: restored });
    ledger.execute({ type: 'recordTransaction', requestId: requestId(), kind: 'income', accountId: cash, amount: '1', currency: 'CNY', date: '2024-06-03' });
    expect(restored.balance(cash)).toBe(50000 - 3600 - 7123 + 100);
  });

  it('a full replay and snapshot + partial replay give the same digest', () => {
    const { projection, sink } = populated();
    const full = ledgerProjectionFactory.empty();
    for (const { seq, payload } of sink.events) full.apply(seq, payload);
    expect(full.digest()).toBe(projection.digest());

    const half = Math.floor(sink.events.length / 2);
    const partial = ledgerProjectionFactory.empty();
    for (const { seq, payload } of sink.events.slice(0, half)) partial.apply(seq, payload);
    const resumed = ledgerProjectionFactory.fromSnapshot(partial.serialize());
    for (const { seq, payload } of sink.events.slice(half)) resumed.apply(seq, payload);
    expect(resumed.digest()).toBe(projection.digest());
  });

  it('the digest differs when the state differs', () => {
    const { projection, run, cash } = populated();
    const before = projection.digest();
    run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '0.01', currency: 'CNY', date: '2024-06-03' });
    expect(projection.digest()).not.toBe(before);
  });

  it('refuses a snapshot from another schema version or something else entirely', () => {
    const { projection } = populated();
    const old = new Database(Buffer.from(projection.serialize()));
    old.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    const outdated = domainError(() => ledgerProjectionFactory.fromSnapshot(old.serialize()));
    old.close();
    expect(outdated.messageKey).toBe('errors.ledger_snapshot_outdated');

    const foreign = new Database(':memory:');
    foreign.exec('CREATE TABLE meta (key TEXT, value TEXT)');
    expect(domainError(() => ledgerProjectionFactory.fromSnapshot(foreign.serialize())).messageKey).toBe('errors.ledger_snapshot_foreign');
    foreign.close();
    expect(domainError(() => ledgerProjectionFactory.fromSnapshot(new Uint8Array([1, 2, 3]))).messageKey).toBe('errors.ledger_snapshot_foreign');
  });

  it('close may be called twice', () => {
    const projection = ledgerProjectionFactory.empty();
    projection.close();
    expect(() => projection.close()).not.toThrow();
  });
});

describe('apply', () => {
  it('refuses events that do not validate, are too new, or arrive out of order', () => {
    const { sink } = populated();
    const projection = ledgerProjectionFactory.empty();
    const first = sink.events[0]!;
    expect(domainError(() => projection.apply(1, { ...first.payload, openingBalanceMinor: 1.5 })).code).toBe('integrity');
    expect(domainError(() => projection.apply(1, { type: 'Nope' })).messageKey).toBe('errors.ledger_event_invalid');
    expect(domainError(() => projection.apply(1, { ...first.payload, v: 99 })).code).toBe('format_too_new');
    projection.apply(1, first.payload);
    expect(domainError(() => projection.apply(1, first.payload))).toMatchObject({ code: 'integrity', messageKey: 'errors.ledger_seq_not_next' });
  });

  it('refuses a gap: only the next seq applies (a state built past missing events shows wrong balances)', () => {
    const { sink } = populated();
    const projection = ledgerProjectionFactory.empty();
    projection.apply(1, sink.events[0]!.payload);
    expect(domainError(() => projection.apply(3, sink.events[2]!.payload))).toMatchObject({ code: 'integrity', params: { seq: 3, expected: 2 } });
    expect(projection.lastSeq()).toBe(1);
    projection.apply(2, sink.events[1]!.payload);
    expect(projection.lastSeq()).toBe(2);
  });

  it('refuses an event that references something the journal never created, leaving nothing half-applied', () => {
    const { sink } = populated();
    const projection = ledgerProjectionFactory.empty();
    const transfer = sink.events.find((event) => event.payload.type === 'TransferRecorded')!;
    const before = projection.digest();
    const error = domainError(() => projection.apply(1, transfer.payload));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.messageKey).toBe('errors.ledger_event_inconsistent');
    expect(projection.digest()).toBe(before);
    expect(projection.lastSeq()).toBe(0);
  });
});

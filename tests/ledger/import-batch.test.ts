/**
 * Import batches in the ledger (EVENTS.md "Import batches"): one batch = ImportBatchStarted + its
 * TransactionsImported chunks in one append; no funds checks on statement rows; undo voids the
 * whole batch in one event and restore brings back exactly what the undo voided; reconciled lines
 * block an undo; replay and snapshots give the same state.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decideBatchUndo, decideImportBatch, decideImportBatchSteps, DECIDE_SLICE_ROWS, type ImportRowInput } from '../../electron/ledger/decide-import';
import { ledgerProjectionFactory } from '../../electron/ledger/projection';
import { domainError, makeLedger, requestId } from './support';

function setup() {
  const world = makeLedger();
  const cash = world.ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '10.00' }).id;
  const card = world.ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Card', kind: 'bank', currency: 'CNY', openingBalance: '0' }).id;
  return { ...world, cash, card };
}

function rows(accountId: string, count: number, extra: Partial<ImportRowInput> = {}): ImportRowInput[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId,
    amountMinor: i % 3 === 0 ? 250 : -(100 + i),
    date: '2024-05-01',
    payee: `Shop ${i}`,
    note: '',
    externalId: `ext-${i}`,
    line: i + 2,
    ...extra,
  }));
}

const importInput = (accountId: string, planned: ImportRowInput[], batchId = randomUUID()) => ({
  requestId: requestId(),
  batchId,
  accountId,
  format: 'csv' as const,
  fileName: 'statement.csv',
  encoding: 'utf-8',
  rows: planned,
});

const balance = (world: ReturnType<typeof setup>, id: string) => world.projection.balance(id);

describe('import batches in the ledger', () => {
  test('2,500 rows are one append of 1 start + 3 chunks; balances exact; funds checks do not apply; replay agrees', async () => {
    const world = setup();
    const planned = rows(world.cash, 2500);
    const expected = 1000 + planned.reduce((sum, row) => sum + row.amountMinor, 0);
    expect(expected).toBeLessThan(0); // far below what a cash account may hold: a statement is a fact
    const input = importInput(world.cash, planned);
    const appendsBefore = world.sink.appendCalls;
    const result = await world.ledger.executeBatch(input.requestId, (ctx) => decideImportBatch(world.projection, input, ctx));
    expect(result.replayed).toBe(false);
    expect(world.sink.appendCalls - appendsBefore).toBe(1);
    const types = world.sink.events.slice(-4).map((event) => event.payload.type);
    expect(types).toEqual(['ImportBatchStarted', 'TransactionsImported', 'TransactionsImported', 'TransactionsImported']);
    expect(balance(world, world.cash)).toBe(expected);
    const stored = world.projection.sql.get<{ n: number }>("SELECT count(*) AS n FROM transactions WHERE import_batch = ? AND external_id LIKE 'ext-%'", input.batchId);
    expect(stored?.n).toBe(2500);

    const again = await world.ledger.executeBatch(input.requestId, (ctx) => decideImportBatch(world.projection, input, ctx));
    expect(again.replayed).toBe(true);
    expect(world.sink.appendCalls - appendsBefore).toBe(1);

    const replayed = ledgerProjectionFactory.empty();
    for (const { seq, payload } of world.sink.events) replayed.apply(seq, payload);
    expect(replayed.digest()).toBe(world.projection.digest());
    expect(ledgerProjectionFactory.fromSnapshot(world.projection.serialize()).digest()).toBe(world.projection.digest());
  });

  test('neutral rows as transfers move money between the two accounts; undo and restore are exact', async () => {
    const world = setup();
    const planned = [
      ...rows(world.cash, 3),
      { accountId: world.cash, counterAccountId: world.card, amountMinor: -500, date: '2024-05-02', payee: 'Top-up', note: '', externalId: 'n1', line: 9 },
    ];
    const input = importInput(world.cash, planned);
    await world.ledger.executeBatch(input.requestId, (ctx) => decideImportBatch(world.projection, input, ctx));
    const cashAfter = 1000 + 250 - 101 - 102 - 500;
    expect(balance(world, world.cash)).toBe(cashAfter);
    expect(balance(world, world.card)).toBe(500);

    // One line voided by hand before the undo stays voided after the batch is restored.
    const line = world.projection.sql.get<{ id: string }>("SELECT id FROM transactions WHERE external_id = 'ext-1'")!.id;
    world.ledger.execute({ type: 'voidTransaction', requestId: requestId(), transactionId: line });
    const undo = requestId();
    await world.ledger.executeBatch(undo, (ctx) => [decideBatchUndo(world.projection, { requestId: undo, batchId: input.batchId, undo: true }, ctx)]);
    expect(balance(world, world.cash)).toBe(1000);
    expect(balance(world, world.card)).toBe(0);
    expect(domainError(() => decideBatchUndo(world.projection, { requestId: 'x', batchId: input.batchId, undo: true }, ctxFor())).messageKey).toBe(
      'errors.import_batch.already_undone',
    );
    const restore = requestId();
    await world.ledger.executeBatch(restore, (ctx) => [decideBatchUndo(world.projection, { requestId: restore, batchId: input.batchId, undo: false }, ctx)]);
    expect(balance(world, world.cash)).toBe(cashAfter + 101);
    expect(balance(world, world.card)).toBe(500);
  });

  test('a reconciled line blocks the undo; an unknown account or a zero amount refuses the whole batch', async () => {
    const world = setup();
    const input = importInput(world.cash, rows(world.cash, 2));
    await world.ledger.executeBatch(input.requestId, (ctx) => decideImportBatch(world.projection, input, ctx));
    const ids = world.projection.sql.all<{ id: string }>('SELECT id FROM transactions WHERE import_batch = ?', input.batchId).map((row) => row.id);
    world.ledger.execute({ type: 'reconcile', requestId: requestId(), accountId: world.cash, statementDate: '2024-05-31', statementBalance: '12.50', clearedTransactionIds: ids.slice(0, 1) });
    expect(domainError(() => decideBatchUndo(world.projection, { requestId: 'u', batchId: input.batchId, undo: true }, ctxFor())).messageKey).toBe(
      'errors.import_batch.reconciled',
    );
    const bad = importInput(world.cash, [...rows(world.cash, 1), { ...rows('no-such-account', 1)[0]!, line: 7 }]);
    expect(domainError(() => decideImportBatch(world.projection, bad, ctxFor())).messageKey).toBe('errors.account_not_found');
    const zero = importInput(world.cash, [{ ...rows(world.cash, 1)[0]!, amountMinor: 0 }]);
    expect(domainError(() => decideImportBatch(world.projection, zero, ctxFor())).params).toMatchObject({ line: 2 });
  });

  test('a batch decided in slices equals the one decided at once; the same request twice at once records one batch', async () => {
    const world = setup();
    const planned = rows(world.card, DECIDE_SLICE_ROWS * 2 + 10);
    const input = importInput(world.card, planned);
    let ids = 0;
    const ctx = () => ({ now: new Date('2024-05-02T10:00:00Z'), today: '2024-05-02', newId: () => `00000000-0000-4000-8000-${String(ids++).padStart(12, '0')}` });
    const atOnce = decideImportBatch(world.projection, input, ctx());
    ids = 0;
    const steps = decideImportBatchSteps(world.projection, input, ctx());
    let slices = 0;
    let next = steps.next();
    while (!next.done) {
      slices += 1;
      next = steps.next();
    }
    expect(slices).toBe(2);
    expect(next.value).toEqual(atOnce);

    // A double click: the second call arrives while the first is still deciding and writing.
    const appendsBefore = world.sink.appendCalls;
    const [first, second] = await Promise.all([
      world.ledger.executeBatch(input.requestId, (c) => decideImportBatchSteps(world.projection, input, c)),
      world.ledger.executeBatch(input.requestId, (c) => decideImportBatchSteps(world.projection, input, c)),
    ]);
    expect(world.sink.appendCalls - appendsBefore).toBe(1);
    expect(second.id).toBe(first.id);
    expect([first.replayed, second.replayed]).toEqual([false, true]);
    expect(world.projection.sql.get<{ n: number }>('SELECT count(*) AS n FROM import_batches')?.n).toBe(1);
    expect(world.projection.sql.get<{ n: number }>('SELECT count(*) AS n FROM transactions WHERE import_batch = ?', input.batchId)?.n).toBe(planned.length);
  });

  test('a row the decision does not vouch for still meets the full event schema before anything is written', async () => {
    const world = setup();
    const planned = rows(world.card, 5);
    planned[3] = { ...planned[3]!, externalId: 'x'.repeat(201) };
    const input = importInput(world.card, planned);
    const appendsBefore = world.sink.appendCalls;
    await expect(world.ledger.executeBatch(input.requestId, (c) => decideImportBatchSteps(world.projection, input, c))).rejects.toThrow();
    expect(world.sink.appendCalls - appendsBefore).toBe(0);
  });
});

function ctxFor() {
  return { now: new Date('2024-06-15T08:00:00.000Z'), newId: randomUUID, today: '2024-06-15' };
}

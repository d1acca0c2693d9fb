/**
 * The planner's lookups of the wallet's lines (electron/import/existing.ts) against a real
 * projection: every lookup is one index probe (a re-import of 100k rows must not walk the
 * register once per row — it did, through tx_register, and took minutes), and the answers are
 * those of the in-memory list the planner was first written against (plan.ts linesFrom).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { LINE_LOOKUPS, walletLines } from '../../electron/import/existing';
import { READ_AHEAD_SQL, readAheadExternalIds, takeReadAhead } from '../../electron/import/read-ahead';
import { linesFrom, type ExistingLine } from '../../electron/import/plan';
import { decideImportBatch, type ImportRowInput } from '../../electron/ledger/decide-import';
import { makeLedger, requestId } from '../ledger/support';

async function seeded() {
  const world = makeLedger();
  const open = (name: string) => world.ledger.execute({ type: 'openAccount', requestId: requestId(), name, kind: 'bank', currency: 'CNY', openingBalance: '0' }).id;
  const bank = open('Bank');
  const card = open('Card');
  // 3,000 lines (enough to pass the fold's index pause, so the rebuilt indexes are the ones probed):
  // few amounts and days, so one amount has many lines; a third without a statement id.
  const rows: ImportRowInput[] = Array.from({ length: 3000 }, (_, i) => ({
    accountId: i % 5 === 0 ? card : bank,
    amountMinor: -(100 + (i % 7)),
    date: `2024-05-${String(1 + (i % 20)).padStart(2, '0')}`,
    payee: `Shop ${i % 4}`,
    note: '',
    externalId: i % 3 === 0 ? null : `T${i % 1000}`,
    line: i + 2,
  }));
  const input = { requestId: requestId(), batchId: randomUUID(), accountId: bank, format: 'csv' as const, fileName: 's.csv', encoding: 'utf-8', rows };
  await world.ledger.executeBatch(input.requestId, (ctx) => decideImportBatch(world.projection, input, ctx));
  return { world, bank, card };
}

function allLines(world: ReturnType<typeof makeLedger>, accountIds: string[]): ExistingLine[] {
  return accountIds.flatMap((accountId) =>
    world.projection.sql
      .all<{ id: string; account_id: string; date: string; amount_minor: number; payee: string; external_id: string | null; status: ExistingLine['status'] }>(
        'SELECT id, account_id, date, amount_minor, payee, external_id, status FROM transactions WHERE account_id = ? AND voided = 0 ORDER BY date, n',
        accountId,
      )
      .map((row) => ({ id: row.id, accountId: row.account_id, date: row.date, amountMinor: row.amount_minor, payee: row.payee, externalId: row.external_id, status: row.status })),
  );
}

describe('the planner reads the wallet through indexes', () => {
  test('each lookup is one probe of tx_external or tx_balance, never a walk of the register', async () => {
    const { world } = await seeded();
    const plan = (sql: string, ...params: (string | number)[]) =>
      world.projection.sql.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...params).map((row) => row.detail).join(' | ');
    expect(plan(LINE_LOOKUPS.byExternal, 'a', 'T1')).toMatch(/USING INDEX tx_external \(account_id=\? AND external_id=\?\)/);
    expect(plan(LINE_LOOKUPS.byExternalMany, 'a', '["T1","T2"]')).toMatch(/USING INDEX tx_external \(account_id=\? AND external_id=\?\)/);
    expect(plan(LINE_LOOKUPS.near, 'a', -100, '2024-05-01', '2024-05-07')).toMatch(/USING (COVERING )?INDEX tx_balance \(account_id=\? AND voided=\? AND amount_minor=\?\)/);
    expect(plan(LINE_LOOKUPS.nearWithoutId, 'a', -100, '2024-05-01', '2024-05-07')).toMatch(/USING (COVERING )?INDEX tx_balance \(account_id=\? AND voided=\? AND amount_minor=\?\)/);
    expect(plan(LINE_LOOKUPS.transfer, 'a', -100, '2024-05-01', '2024-05-07', 'b')).toMatch(/USING (COVERING )?INDEX tx_balance \(account_id=\? AND voided=\? AND amount_minor=\?\).*USING INDEX tx_transfer \(transfer_id=\?\)/);
    expect(plan(LINE_LOOKUPS.anywhere, 'T1', '[]')).toMatch(/USING INDEX tx_external \(account_id=\? AND external_id=\?\)/);
    const params: Record<keyof typeof LINE_LOOKUPS, (string | number)[]> = {
      byExternal: ['a', 'T1'],
      byExternalMany: ['a', '["T1","T2"]'],
      near: ['a', -100, '2024-05-01', '2024-05-07'],
      nearWithoutId: ['a', -100, '2024-05-01', '2024-05-07'],
      anywhere: ['T1', '[]'],
      anyWithId: ['a'],
      anyWithoutId: ['a'],
      transfer: ['a', -100, '2024-05-01', '2024-05-07', 'b'],
    };
    for (const [name, sql] of Object.entries(LINE_LOOKUPS)) expect(plan(sql, ...params[name as keyof typeof LINE_LOOKUPS])).not.toMatch(/tx_register|SCAN transactions|TEMP B-TREE/);
    // The read-ahead walks tx_external in its own order, one keyset slice at a time.
    expect(plan(READ_AHEAD_SQL.first, 'a', 10)).toMatch(/USING INDEX tx_external \(account_id=\? AND external_id>\?\)/);
    expect(plan(READ_AHEAD_SQL.next, 'a', 'T1', 5, 10)).toMatch(/USING INDEX tx_external \(account_id=\? AND external_id>\?\)/);
    for (const sql of Object.values(READ_AHEAD_SQL)) expect(plan(sql, ...(sql === READ_AHEAD_SQL.count ? ['a'] : sql === READ_AHEAD_SQL.first ? ['a', 10] : ['a', 'T1', 5, 10]))).not.toMatch(/TEMP B-TREE|SCAN transactions/);
  });

  test('the read-ahead made during a parse answers exact matches as the queries do, once, and only while nothing was recorded since', async () => {
    const { world, bank, card } = await seeded();
    // Voided lines are no match: void a few, among ids that several lines share.
    const voided = world.projection.sql.all<{ id: string }>("SELECT id FROM transactions WHERE account_id = ? AND external_id IN ('T1', 'T2', 'T7') ORDER BY n LIMIT 3", bank);
    for (const { id } of voided) world.ledger.execute({ type: 'voidTransaction', requestId: requestId(), transactionId: id });
    const many = Array.from({ length: 1_100 }, (_, i) => `T${i}`);
    const plain = walletLines(world.projection, [bank, card]);
    // Slices of 97 rows: ids shared by several lines fall across slice boundaries.
    readAheadExternalIds(world.projection, bank, 1_000_000, 97);
    const ahead = await takeReadAhead(world.projection, bank);
    expect(ahead).not.toBeNull();
    const withAhead = walletLines(world.projection, [bank, card], { accountId: bank, lines: ahead! });
    const sorted = (map: ReadonlyMap<string, readonly string[]>) => [...map].sort(([a], [b]) => a.localeCompare(b));
    const expected = sorted(plain.withExternalIds(bank, many));
    expect(expected.length).toBeGreaterThan(500);
    expect(expected.some(([, lines]) => lines.length > 1)).toBe(true);
    expect(sorted(withAhead.withExternalIds(bank, many))).toEqual(expected);
    expect(voided.every(({ id }) => !expected.some(([, lines]) => lines.includes(id)))).toBe(true);
    // Taken once.
    expect(await takeReadAhead(world.projection, bank)).toBeNull();
    // Something recorded after the read began: it is not used.
    readAheadExternalIds(world.projection, bank, 1_000_000, 97);
    world.ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Later', kind: 'cash', currency: 'CNY', openingBalance: '0' });
    expect(await takeReadAhead(world.projection, bank)).toBeNull();
    // An account with far more lines than the statement can hold rows is probed, not read.
    readAheadExternalIds(world.projection, bank, 1_000);
    expect(await takeReadAhead(world.projection, bank)).toBeNull();
  });

  test('answers equal those of the whole list held in memory, in date then recording order', async () => {
    const { world, bank, card } = await seeded();
    const fromWallet = walletLines(world.projection, [bank, card]);
    const fromList = linesFrom(allLines(world, [bank, card]));
    const ids = (lines: readonly ExistingLine[] | ExistingLine | undefined) => (Array.isArray(lines) ? lines.map((line) => line.id) : (lines as ExistingLine | undefined)?.id);
    let compared = 0;
    for (const accountId of [bank, card]) {
      for (const externalId of ['T1', 'T2', 'T5', 'T999', 'missing']) {
        expect(ids(fromWallet.withExternalId(accountId, externalId))).toEqual(ids(fromList.withExternalId(accountId, externalId)));
        compared += fromWallet.withExternalId(accountId, externalId).length;
      }
      // Many ids at once: the same lines per id, in the same order; ids without lines left out.
      const many = ['T1', 'T2', 'T5', 'T999', 'missing'];
      const together = fromWallet.withExternalIds(accountId, many);
      expect([...together.keys()].sort()).toEqual(many.filter((id) => fromList.withExternalId(accountId, id).length > 0).sort());
      for (const externalId of many) expect(together.get(externalId) ?? []).toEqual(ids(fromList.withExternalId(accountId, externalId)));
      expect(fromList.withExternalIds(accountId, many).get('T1') ?? []).toEqual(ids(fromList.withExternalId(accountId, 'T1')));
      for (const amount of [-100, -103, -106, -107]) {
        for (const withoutId of [false, true]) {
          const wallet = fromWallet.near(accountId, amount, '2024-05-03', '2024-05-09', withoutId);
          expect(ids(wallet)).toEqual(ids(fromList.near(accountId, amount, '2024-05-03', '2024-05-09', withoutId)));
          compared += wallet.length;
        }
      }
    }
    for (const externalId of ['T1', 'T4', 'T10', 'missing']) expect(ids(fromWallet.withExternalIdAnywhere(externalId))).toEqual(ids(fromList.withExternalIdAnywhere(externalId)));
    expect(compared).toBeGreaterThan(100);
  });
});

/**
 * The transactions list pages by keyset over the real router and engine: `ledger/transactions`
 * hands back the cursor after its page, `ledger/transactionsAfter` reads on from it, and reading
 * a whole list that way gives exactly the rows OFFSET paging gives, for each sort, direction and
 * a filter (ties on the sort column included: many lines share a date, an amount, a payee).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import type { TransactionPage, TransactionsAfterPage } from '../../shared/ledger-views';
import { callOk, callRefused, PASSWORD, startTestEngine } from './support';

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-keyset-'));
  engine = await startTestEngine(dir);
  await callOk(engine, 'wallet/create', { name: 'Home', password: PASSWORD });
  let n = 0;
  const run = async (method: 'ledger/openAccount' | 'ledger/recordTransaction' | 'ledger/recordTransfer', input: Record<string, unknown>) =>
    (await callOk(engine, method, { requestId: `r${++n}`, ...input })).ids[0] as string;
  const cash = await run('ledger/openAccount', { name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100000', openedOn: '2025-01-01' });
  const bank = await run('ledger/openAccount', { name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '100000', openedOn: '2025-01-01' });
  for (let i = 0; i < 37; i++) {
    await run('ledger/recordTransaction', {
      kind: i % 5 === 0 ? 'income' : 'expense', accountId: i % 2 ? cash : bank, amount: `${(i % 4) + 1}.00`, currency: 'CNY',
      date: `2025-03-${String((i % 6) + 1).padStart(2, '0')}`, payee: ['Lunch', '星巴克', 'Metro'][i % 3],
    });
  }
  for (let i = 0; i < 5; i++) await run('ledger/recordTransfer', { fromAccountId: cash, toAccountId: bank, amount: '2.00', currency: 'CNY', date: '2025-03-03' });
});
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('ledger/transactionsAfter', () => {
  const queries = [
    {},
    { sort: 'date', direction: 'asc' },
    { sort: 'amount', direction: 'desc' },
    { sort: 'amount', direction: 'asc' },
    { sort: 'payee', direction: 'asc' },
    { text: 'lunch', sort: 'payee', direction: 'desc' },
  ] as const;
  for (const query of queries) {
    it(`reads the same rows as OFFSET paging: ${JSON.stringify(query)}`, async () => {
      const limit = 4;
      const byOffset: string[] = [];
      let total = 0;
      for (let offset = 0; ; offset += limit) {
        const page = await callOk<TransactionPage>(engine, 'ledger/transactions', { ...query, offset, limit });
        total = page.total;
        byOffset.push(...page.rows.map((row) => row.id));
        if (page.rows.length < limit) break;
      }
      const first = await callOk<TransactionPage>(engine, 'ledger/transactions', { ...query, limit });
      const byKeyset = first.rows.map((row) => row.id);
      let next: TransactionsAfterPage['next'] = first.next ?? null;
      let pages = 1;
      while (next) {
        const page = await callOk<TransactionsAfterPage>(engine, 'ledger/transactionsAfter', { ...query, limit, after: next });
        byKeyset.push(...page.rows.map((row) => row.id));
        next = page.next;
        pages++;
      }
      expect(byKeyset).toEqual(byOffset);
      expect(byKeyset).toHaveLength(total);
      expect(pages).toBe(Math.ceil(total / limit));
    });
  }

  it('the last page says there is none after it; a page by offset from the middle hands its cursor on', async () => {
    const all = await callOk<TransactionPage>(engine, 'ledger/transactions', { limit: 1000 });
    expect(all.next).toBeNull();
    const middle = await callOk<TransactionPage>(engine, 'ledger/transactions', { offset: 10, limit: 5 });
    const after = await callOk<TransactionsAfterPage>(engine, 'ledger/transactionsAfter', { limit: 5, after: middle.next! });
    expect(after.rows.map((row) => row.id)).toEqual(all.rows.slice(15, 20).map((row) => row.id));
  });

  it('refuses an offset or a malformed cursor', async () => {
    expect(await callRefused(engine, 'ledger/transactionsAfter', { offset: 5, after: { key: '2025-03-01', n: 1 } })).toMatchObject({ ok: false });
    expect(await callRefused(engine, 'ledger/transactionsAfter', { after: { key: '2025-03-01' } })).toMatchObject({ ok: false });
  });
});

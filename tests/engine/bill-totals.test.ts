/**
 * `ledger/billTotals` over the real router and engine: the bill view's sums arrive exactly as the
 * ledger summed them, for the same filter as `ledger/transactions` (which counts a transfer once),
 * and bad input is refused with a translated error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { callOk, callRefused, PASSWORD, startTestEngine } from './support';

let dir: string;
let engine: Engine;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-bill-'));
  engine = await startTestEngine(dir);
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('ledger/billTotals', () => {
  it('sums the list’s filter per month and currency; the list counts the transfer once', async () => {
    await callOk(engine, 'wallet/create', { name: 'Home', password: PASSWORD });
    let n = 0;
    const run = async (method: 'ledger/openAccount' | 'ledger/recordTransaction' | 'ledger/recordTransfer', input: Record<string, unknown>) =>
      (await callOk(engine, method, { requestId: `r${++n}`, ...input })).ids[0] as string;
    const cash = await run('ledger/openAccount', { name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2025-01-01' });
    const usd = await run('ledger/openAccount', { name: 'Chase', kind: 'bank', currency: 'USD', openingBalance: '0', openedOn: '2025-01-01' });
    await run('ledger/recordTransaction', { kind: 'expense', accountId: cash, amount: '38.50', currency: 'CNY', date: '2025-03-31', payee: 'Lunch' });
    await run('ledger/recordTransaction', { kind: 'income', accountId: cash, amount: '200', currency: 'CNY', date: '2025-04-01', payee: '红包' });
    await run('ledger/recordTransfer', { fromAccountId: cash, toAccountId: usd, amount: '710', currency: 'CNY', toAmount: '100', date: '2025-04-02' });

    const page = await callOk(engine, 'ledger/transactions', { limit: 10 });
    expect(page.total).toBe(3);
    expect(page.rows[0]).toMatchObject({ kind: 'transfer', amountMinor: -71000, currency: 'CNY', counterAmountMinor: 10000, counterCurrency: 'USD' });
    expect(await callOk(engine, 'ledger/billTotals', { sort: 'date', direction: 'desc' })).toEqual({
      count: 3,
      totals: [{ currency: 'CNY', spentMinor: 3850, incomeMinor: 20000, netMinor: 16150 }],
      months: [
        { month: '2025-04', count: 2, totals: [{ currency: 'CNY', spentMinor: 0, incomeMinor: 20000, netMinor: 20000 }] },
        { month: '2025-03', count: 1, totals: [{ currency: 'CNY', spentMinor: 3850, incomeMinor: 0, netMinor: -3850 }] },
      ],
    });
    expect((await callOk(engine, 'ledger/billTotals', { accountIds: [usd] })).months).toEqual([
      { month: '2025-04', count: 1, totals: [{ currency: 'USD', spentMinor: 0, incomeMinor: 0, netMinor: 0 }] },
    ]);
    expect(await callRefused(engine, 'ledger/billTotals', { from: '2025-02-30' })).toMatchObject({ messageKey: 'errors.date_invalid' });
    expect(await callRefused(engine, 'ledger/billTotals', { offset: 5 })).toMatchObject({ ok: false });
  });
});

/**
 * Statement import through the router, as the wizard does it: detect → preview → commit → history
 * → undo → restore, with uploaded bytes (browser mode) and with a path (Electron). Re-importing
 * the same file records nothing; an undo puts every balance back; refusals write nothing; the
 * commit reports task/progress; mappings are remembered per account.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import type { Engine } from '../../electron/engine';
import { callOk, callRefused, PASSWORD, startTestEngine, type BusEvent } from './support';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'import');
let dir: string;
let engine: Engine;
let bus: BusEvent[];
let n = 0;

const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const requestId = () => `import-req-${++n}`;
const upload = (file: string) => ({ fileName: file, base64: readFileSync(join(FIXTURES, file)).toString('base64') });
const balances = async () =>
  Object.fromEntries(((await call('ledger/accounts')).accounts as { id: string; balanceMinor: number }[]).map((a) => [a.id, a.balanceMinor]));
const events = async () => (await call('wallet/verify')).events as number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-import-'));
  bus = [];
  engine = await startTestEngine(dir, bus);
  await call('wallet/create', { name: 'Home', password: PASSWORD });
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const open = async (name: string, extra: Record<string, unknown> = {}) =>
  (await call('ledger/openAccount', { requestId: requestId(), name, kind: 'ewallet', currency: 'CNY', ...extra })).ids[0] as string;

describe('import through the router', () => {
  it('Alipay bill: detect, preview, commit, re-import is all duplicates, undo and restore are exact', async () => {
    const alipay = await open('Alipay');
    const bank = await open('Bank', { kind: 'bank', openingBalance: '1000' });
    const before = await balances();
    const detected = await call('import/detect', { source: upload('alipay-app.csv'), accountId: alipay });
    expect(detected).toMatchObject({ format: 'alipay', encoding: 'gb18030' });
    expect(detected.sample.length).toBeGreaterThan(0);

    const preview = await call('import/preview', { source: upload('alipay-app.csv'), accountId: alipay, neutral: { mode: 'transfer', accountId: bank } });
    expect(preview.counts).toMatchObject({ duplicate: 0, possibleDuplicate: 0 });
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'alipay-app.csv.expected.json'), 'utf8')) as { accounts: { count: number }[] };
    expect(preview.counts.new).toBe(expected.accounts[0]!.count);
    // The statement's total movement lands exactly in the two accounts.
    const delta = preview.totals.incomeMinor + preview.totals.expenseMinor - preview.totals.transferOutMinor + preview.totals.transferInMinor;
    const committed = await call('import/commit', { planId: preview.planId, include: [], requestId: requestId() });
    expect(committed).toMatchObject({ imported: preview.counts.new, duplicates: 0, replayed: false });
    expect(bus.some((e) => e.name === 'task/progress' && (e.payload as { kind: string }).kind === 'import')).toBe(true);
    const after = await balances();
    expect(after[alipay]! - before[alipay]!).toBe(delta);
    expect(after[alipay]! + after[bank]!).toBe(before[alipay]! + before[bank]! + preview.totals.incomeMinor + preview.totals.expenseMinor);

    const again = await call('import/preview', { source: upload('alipay-app.csv'), accountId: alipay, neutral: { mode: 'transfer', accountId: bank } });
    expect(again.counts.new).toBe(0);
    expect(again.counts.duplicate).toBe(preview.counts.new);
    const seq = await events();
    expect(await call('import/commit', { planId: again.planId, include: [], requestId: requestId() })).toMatchObject({ batchId: null, imported: 0 });
    expect(await events()).toBe(seq);

    const [batch] = (await call('import/history')).batches;
    expect(batch).toMatchObject({ batchId: committed.batchId, accountId: alipay, format: 'alipay', fileName: 'alipay-app.csv', undone: false });
    await call('import/undo', { batchId: committed.batchId, requestId: requestId() });
    expect(await balances()).toEqual(before);
    expect((await call('import/history')).batches[0].undone).toBe(true);
    // After an undo the same file is new again.
    expect((await call('import/preview', { source: upload('alipay-app.csv'), accountId: alipay })).counts.duplicate).toBe(0);
    await call('import/restore', { batchId: committed.batchId, requestId: requestId() });
    expect(await balances()).toEqual(after);
  });

  it('a path source (Electron) works; refusals name the problem and write nothing', async () => {
    const cash = await open('Cash', { kind: 'cash' });
    const preview = await call('import/preview', { source: { path: join(FIXTURES, 'csv-basic.csv') }, accountId: cash });
    expect(preview.format).toBe('csv');
    expect(preview.counts.new).toBe(6);
    const seq = await events();
    expect((await callRefused(engine, 'import/preview', { source: { path: join(dir, 'missing.csv') }, accountId: cash })).code).toBe('io_error');
    expect((await callRefused(engine, 'import/preview', { source: upload('csv-basic.csv'), accountId: 'no-such-account' })).messageKey).toBe('errors.account_not_found');
    expect((await callRefused(engine, 'import/commit', { planId: 'gone', include: [], requestId: requestId() })).messageKey).toBe('errors.import_batch.plan_gone');
    expect((await callRefused(engine, 'import/undo', { batchId: 'nope', requestId: requestId() })).messageKey).toBe('errors.import_batch.not_found');
    expect(await events()).toBe(seq);
    // An oversized upload is refused by the router before any work.
    const big = { fileName: 'big.csv', base64: 'A'.repeat(9 * 1024 * 1024) };
    expect((await callRefused(engine, 'import/preview', { source: big, accountId: cash })).code).toBe('payload_too_large');
  });

  it('a saved mapping is offered for that account, and a bad one is refused with its field', async () => {
    const cash = await open('Cash', { kind: 'cash' });
    await call('import/saveMapping', { accountId: cash, mapping: { date: 'Date', amount: 'Amount', payee: 'Payee', externalId: 'Transaction ID' } });
    const detected = await call('import/detect', { source: upload('csv-basic.csv'), accountId: cash });
    expect(detected).toMatchObject({ mappingSaved: true, mapping: { date: 'Date', amount: 'Amount' } });
    expect((await call('import/mappings')).mappings[cash]).toMatchObject({ date: 'Date' });
    const refused = await callRefused(engine, 'import/saveMapping', { accountId: cash, mapping: { amount: 'Amount' } });
    expect(refused.messageKey).toBe('errors.import.mapping_invalid');
  });

  it("OFX LEDGERBAL: after the import the statement's closing balance is set beside the wallet's on that date, with the difference and the reconcile target", async () => {
    const bank = await open('Giro', { kind: 'bank', currency: 'EUR', openingBalance: '1000.00' });
    // Booked by hand after the statement date: not part of the wallet's balance on 2024-01-31.
    await call('ledger/recordTransaction', { requestId: requestId(), kind: 'expense', accountId: bank, amount: '10.00', currency: 'EUR', date: '2024-02-05' });
    // Before it: counted.
    await call('ledger/recordTransaction', { requestId: requestId(), kind: 'expense', accountId: bank, amount: '0.55', currency: 'EUR', date: '2024-01-02' });
    const preview = await call('import/preview', { source: upload('ofx-v1-1252.ofx'), accountId: bank });
    const committed = await call('import/commit', { planId: preview.planId, include: [], requestId: requestId() });
    // Statement rows: +5234.12 − 4.50 − 1234.56 − 1500.00 = +2495.06; the wallet on 2024-01-31:
    // 1000.00 − 0.55 + 2495.06 = 3494.51; the statement says 3758.61 → 264.10 apart.
    expect(committed.statementBalance).toEqual({
      accountId: bank,
      currency: 'EUR',
      date: '2024-01-31',
      statementMinor: 375861,
      statementAmount: '3758.61',
      walletMinor: 349451,
      differenceMinor: 26410,
    });
    // Nothing new the second time, and the figures are offered again.
    const again = await call('import/preview', { source: upload('ofx-v1-1252.ofx'), accountId: bank });
    const second = await call('import/commit', { planId: again.planId, include: [], requestId: requestId() });
    expect(second).toMatchObject({ batchId: null, imported: 0, statementBalance: { walletMinor: 349451, differenceMinor: 26410 } });
    // The target starts a reconcile exactly as the reconcile screen would.
    const figures = await call('ledger/reconcilePreview', { accountId: bank, statementDate: '2024-01-31', statementBalance: committed.statementBalance.statementAmount, clearedTransactionIds: [] });
    expect(figures.currency).toBe('EUR');
    // A CSV has no closing balance.
    const csv = await call('import/preview', { source: upload('alipay-app.csv'), accountId: await open('Alipay') });
    expect((await call('import/commit', { planId: csv.planId, include: [], requestId: requestId() })).statementBalance).toBeNull();
  });

  it('a bank + card OFX: detect lists both with type, number, currency and rows; statementAccount picks the card; one that is not there is refused', async () => {
    const card = await open('Visa', { kind: 'credit', currency: 'USD', creditLimit: '5000' });
    const detected = await call('import/detect', { source: upload('ofx-v2-multi.qfx'), accountId: card });
    expect(detected.statementAccounts).toEqual([
      { id: '111-CHK', type: 'bank', currency: 'USD', rows: 3, ledgerBalanceMinor: '250000' },
      { id: '111-SAV', type: 'bank', currency: 'USD', rows: 1, ledgerBalanceMinor: '1000001' },
      { id: '4111XXXXXXXX1111', type: 'credit', currency: 'USD', rows: 2, ledgerBalanceMinor: '-32109' },
    ]);
    const refused = await callRefused(engine, 'import/preview', { source: upload('ofx-v2-multi.qfx'), accountId: card, statementAccount: 3 });
    expect(refused).toMatchObject({ code: 'invalid_input', messageKey: 'errors.import.statement_account_unknown' });
    const preview = await call('import/preview', { source: upload('ofx-v2-multi.qfx'), accountId: card, statementAccount: 2 });
    expect(preview.counts.new).toBe(2);
    expect(preview.totals.expenseMinor).toBe(-32109);
    const committed = await call('import/commit', { planId: preview.planId, include: [], requestId: requestId() });
    expect(committed.statementBalance).toMatchObject({ statementMinor: -32109, walletMinor: -32109, differenceMinor: 0 });
    expect((await balances())[card]).toBe(-32109);
    const again = await call('import/preview', { source: upload('ofx-v2-multi.qfx'), accountId: card, statementAccount: 2 });
    expect(again.counts).toMatchObject({ new: 0, duplicate: 2 });
  });
});

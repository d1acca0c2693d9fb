/**
 * Issue #12, the parts beyond rows and amounts, through the real router and engine: QIF split
 * transactions become one line per split (a split transfer included, zero splits left out, a split
 * that does not add up refused with its place); QIF `[Account]` transfers go to the wallet account
 * of that name or the one the user maps, never counted as income or expense, and the same transfer
 * imported from both accounts' files is recorded once; statement categories (QIF `L`, Alipay
 * 交易分类) land in wallet categories of the right kind, by name or the built-in table, changeable
 * and remembered per account. Every file imported twice records nothing the second time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import type { Engine } from '../../electron/engine';
import { callOk, PASSWORD, startTestEngine } from './support';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'import');
let dir: string;
let engine: Engine;
let n = 0;

const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const requestId = () => `import-cat-${++n}`;
const upload = (file: string) => ({ fileName: file, base64: readFileSync(join(FIXTURES, file)).toString('base64') });
const balances = async () => Object.fromEntries(((await call('ledger/accounts')).accounts as { id: string; balanceMinor: number }[]).map((a) => [a.id, a.balanceMinor]));
const open = async (name: string, extra: Record<string, unknown> = {}) =>
  (await call('ledger/openAccount', { requestId: requestId(), name, kind: 'bank', currency: 'CNY', ...extra })).ids[0] as string;
const categories = async () => (await call('ledger/categories')).categories as { id: string; name: string; kind: string; parentId: string | null }[];
const categoryId = async (name: string, kind: string) => (await categories()).find((c) => c.name === name && c.kind === kind)!.id;
const define = async (name: string, kind: 'expense' | 'income', parentId: string | null = null) =>
  (await call('ledger/defineCategory', { requestId: requestId(), name, kind, parentId })).ids[0] as string;
const register = async (accountId: string) =>
  (await call('ledger/register', { accountId, limit: 1000 })).rows as { kind: string; amountMinor: number; date: string; payee: string; note: string; categoryId: string | null; counterAccountId: string | null }[];
const commit = async (planId: string) => call('import/commit', { planId, include: [], requestId: requestId() });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-import-cat-'));
  engine = await startTestEngine(dir, []);
  await call('wallet/create', { name: 'Home', password: PASSWORD });
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('QIF splits and [Account] transfers', () => {
  it('a split transaction is one line per split with its memo and category; the split transfer is a transfer; a split that does not add up is refused with its place', async () => {
    await call('ledger/addStarterCategories', { requestId: requestId(), language: 'en-US' });
    const groceries = await define('Groceries', 'expense');
    const household = await define('Household', 'expense');
    const cleaning = await define('Cleaning', 'expense', household);
    const salary = await categoryId('Salary', 'income');
    const entertainment = await categoryId('Entertainment', 'expense');
    const checking = await open('Checking');
    const savings = await open('Savings');
    const before = await balances();

    const preview = await call('import/preview', { source: upload('qif-splits.qif'), accountId: checking });
    // 3 splits (the zero one left out) + salary + streaming + the plain transfer; the bad split is the one error.
    expect(preview.counts).toMatchObject({ new: 6, duplicate: 0, possibleDuplicate: 0, error: 1 });
    expect(preview.errors).toEqual([
      expect.objectContaining({ line: 32, column: 'S/$', value: '-55.00', messageKey: 'errors.import.qif_split_total', params: expect.objectContaining({ total: '-60.00' }) }),
    ]);
    expect(preview.totals).toEqual({ expenseMinor: -(8000 + 2500 + 999), incomeMinor: 250000, transferOutMinor: 1500 + 20000, transferInMinor: 0 });
    const splits = preview.rows.filter((row: { line: number }) => row.line === 6);
    expect(splits.map((row: any) => [row.split, row.amountMinor, row.note, row.categoryId, row.counterAccountId, row.transferAccount])).toEqual([
      [1, -8000, 'Weekly food', groceries, null, null],
      [2, -2500, 'Soap', cleaning, null, null],
      [3, -1500, 'Put aside', null, savings, 'Savings'],
    ]);
    expect(preview.categories).toEqual([
      { text: 'Groceries', kind: 'expense', rows: 1, categoryId: groceries },
      { text: 'Household:Cleaning', kind: 'expense', rows: 1, categoryId: cleaning },
      { text: 'Salary', kind: 'income', rows: 1, categoryId: salary },
      { text: 'Entertainment', kind: 'expense', rows: 1, categoryId: entertainment },
    ]);
    expect(preview.transferAccounts).toEqual([{ name: 'Savings', rows: 2, accountId: savings }]);

    expect(await commit(preview.planId)).toMatchObject({ imported: 6 });
    const after = await balances();
    expect(after[checking]! - before[checking]!).toBe(-8000 - 2500 - 1500 + 250000 - 999 - 20000);
    expect(after[savings]! - before[savings]!).toBe(1500 + 20000);
    const lines = await register(checking);
    expect(lines.filter((line) => line.kind === 'transfer').map((line) => [line.amountMinor, line.counterAccountId])).toEqual(
      expect.arrayContaining([[-1500, savings], [-20000, savings]]),
    );
    expect(lines.filter((line) => line.payee === 'SuperMart').map((line) => line.date)).toEqual(['2024-03-01', '2024-03-01', '2024-03-01']);
    expect(lines.find((line) => line.payee === 'Employer')?.categoryId).toBe(salary);

    const again = await call('import/preview', { source: upload('qif-splits.qif'), accountId: checking });
    expect(again.counts.new).toBe(0);
    expect(again.counts.duplicate + again.counts.possibleDuplicate).toBe(6);
    expect(await commit(again.planId)).toMatchObject({ batchId: null, imported: 0 });
  });

  it('an [Account] transfer goes to the account of that name or the one chosen, never to income or expense; both sides of one transfer are recorded once', async () => {
    await call('ledger/addStarterCategories', { requestId: requestId(), language: 'en-US' });
    const food = await categoryId('Food', 'expense');
    const checking = await open('Checking');
    const savings = await open('Savings');
    const card = await open('Card', { kind: 'credit' });
    const before = await balances();

    const first = await call('import/preview', { source: upload('qif-transfers-checking.qif'), accountId: checking });
    // [Visa] names no wallet account: the row needs one and is not counted anywhere.
    expect(first.counts).toMatchObject({ new: 2, error: 1 });
    expect(first.rows.find((row: any) => row.transferAccount === 'Visa')).toMatchObject({
      status: 'error',
      counterAccountId: null,
      issue: { messageKey: 'errors.import_batch.transfer_unmapped', params: { line: 11, column: 'L', value: 'Visa' } },
    });
    expect(first.totals).toEqual({ expenseMinor: -1250, incomeMinor: 0, transferOutMinor: 30000, transferInMinor: 0 });
    expect(first.transferAccounts).toEqual([
      { name: 'Savings', rows: 1, accountId: savings },
      { name: 'Visa', rows: 1, accountId: null },
    ]);
    // "Dining" is no wallet category: shown with its text, uncategorized.
    expect(first.categories).toEqual([{ text: 'Dining', kind: 'expense', rows: 1, categoryId: null }]);

    const mapped = await call('import/preview', {
      source: upload('qif-transfers-checking.qif'),
      accountId: checking,
      transferAccounts: { Visa: card },
      categories: { Dining: food },
    });
    expect(mapped.counts).toMatchObject({ new: 3, error: 0 });
    expect(mapped.categories).toEqual([{ text: 'Dining', kind: 'expense', rows: 1, categoryId: food }]);
    expect(mapped.totals).toEqual({ expenseMinor: -1250, incomeMinor: 0, transferOutMinor: 34500, transferInMinor: 0 });
    expect(await commit(mapped.planId)).toMatchObject({ imported: 3 });
    expect((await register(checking)).find((line) => line.payee === 'Bakery')?.categoryId).toBe(food);

    // The other side: [checking] is the account "Checking"; its 300.00 is already there (a day apart).
    const other = await call('import/preview', { source: upload('qif-transfers-savings.qif'), accountId: savings });
    expect(other.transferAccounts).toEqual([{ name: 'checking', rows: 1, accountId: checking }]);
    expect(other.rows.map((row: any) => [row.payee, row.status])).toEqual([
      ['From checking', 'duplicate'],
      ['Interest', 'new'],
    ]);
    expect(await commit(other.planId)).toMatchObject({ imported: 1, duplicates: 1 });
    const after = await balances();
    expect(after[checking]! - before[checking]!).toBe(-30000 - 4500 - 1250);
    expect(after[savings]! - before[savings]!).toBe(30000 + 125);
    expect(after[card]! - before[card]!).toBe(4500);

    // The category choice is remembered for the account; each file again is nothing new.
    const remembered = await call('import/preview', { source: upload('qif-transfers-checking.qif'), accountId: checking, transferAccounts: { Visa: card } });
    expect(remembered.categories).toEqual([{ text: 'Dining', kind: 'expense', rows: 1, categoryId: food }]);
    expect(remembered.counts.new).toBe(0);
    expect((await call('import/preview', { source: upload('qif-transfers-savings.qif'), accountId: savings })).counts.new).toBe(0);
  });
});

describe('statement categories', () => {
  it('Alipay 交易分类 map onto the starter categories of the right kind; a choice overrides, null leaves it uncategorized', async () => {
    await call('ledger/addStarterCategories', { requestId: requestId(), language: 'zh-CN' });
    const alipay = await open('支付宝', { kind: 'ewallet' });
    const bank = await open('银行卡');
    const id = async (name: string, kind: string) => categoryId(name, kind);
    const choices = { source: upload('alipay-app.csv'), accountId: alipay, neutral: { mode: 'transfer', accountId: bank } };

    const preview = await call('import/preview', choices);
    expect(preview.categories).toEqual([
      { text: '餐饮美食', kind: 'expense', rows: 1, categoryId: await id('餐饮', 'expense') },
      { text: '转账红包', kind: 'income', rows: 1, categoryId: await id('红包', 'income') },
      { text: '数码电器', kind: 'expense', rows: 1, categoryId: await id('购物', 'expense') },
      { text: '退款', kind: 'income', rows: 1, categoryId: await id('退款', 'income') },
      { text: '其他', kind: 'income', rows: 1, categoryId: await id('其他收入', 'income') },
    ]);
    // The neutral 投资理财 row is a transfer: its text is shown, no category, not in the list to map.
    expect(preview.rows.find((row: any) => row.category === '投资理财')).toMatchObject({ counterAccountId: bank, categoryId: null });

    // An income category chosen for an expense text is not applied (the kind must fit); null leaves it uncategorized.
    const chosen = await call('import/preview', { ...choices, categories: { 数码电器: null, 餐饮美食: await id('红包', 'income') } });
    expect(chosen.categories.slice(0, 3)).toEqual([
      { text: '餐饮美食', kind: 'expense', rows: 1, categoryId: await id('餐饮', 'expense') },
      { text: '转账红包', kind: 'income', rows: 1, categoryId: await id('红包', 'income') },
      { text: '数码电器', kind: 'expense', rows: 1, categoryId: null },
    ]);
    expect(await commit(chosen.planId)).toMatchObject({ imported: chosen.counts.new });
    const lines = await register(alipay);
    expect(lines.find((line) => line.payee === '星巴克')?.categoryId).toBe(await id('餐饮', 'expense'));
    expect(lines.find((line) => line.payee === '京东' && line.amountMinor < 0)?.categoryId).toBeNull();
    expect((await call('ledger/categories')).categories).toHaveLength(16);
    expect((await call('import/preview', choices)).counts.new).toBe(0);
  });

  it('an Alipay bill of common categories: each lands in its starter category, 转账红包 both ways by direction, an unknown one stays uncategorized; exact totals; again 0 new', async () => {
    await call('ledger/addStarterCategories', { requestId: requestId(), language: 'zh-CN' });
    const alipay = await open('支付宝', { kind: 'ewallet' });
    const id = async (name: string, kind: string) => categoryId(name, kind);
    const before = await balances();
    const preview = await call('import/preview', { source: upload('alipay-categories.csv'), accountId: alipay });
    expect(preview.counts).toMatchObject({ new: 8, error: 0 });
    expect(preview.totals).toEqual({ expenseMinor: -(400 + 1250 + 8900 + 5000 + 6666 + 3580 + 1000), incomeMinor: 8888, transferInMinor: 0, transferOutMinor: 0 });
    expect(preview.categories).toEqual([
      { text: '交通出行', kind: 'expense', rows: 1, categoryId: await id('交通', 'expense') },
      { text: '日用百货', kind: 'expense', rows: 1, categoryId: await id('购物', 'expense') },
      { text: '服饰装扮', kind: 'expense', rows: 1, categoryId: await id('购物', 'expense') },
      { text: '充值缴费', kind: 'expense', rows: 1, categoryId: await id('通讯', 'expense') },
      { text: '转账红包', kind: 'mixed', rows: 2, categoryId: await id('人情', 'expense') },
      { text: '医疗健康', kind: 'expense', rows: 1, categoryId: await id('医疗', 'expense') },
      { text: '公益捐赠', kind: 'expense', rows: 1, categoryId: null },
    ]);
    expect(preview.rows.filter((row: any) => row.category === '转账红包').map((row: any) => row.categoryId)).toEqual([await id('人情', 'expense'), await id('红包', 'income')]);
    expect(await commit(preview.planId)).toMatchObject({ imported: 8 });
    expect((await balances())[alipay]! - before[alipay]!).toBe(8888 - 26796);
    const lines = await register(alipay);
    expect(lines.find((line) => line.payee === '公益基金会')?.categoryId).toBeNull();
    expect(lines.find((line) => line.payee === '王五')?.categoryId).toBe(await id('红包', 'income'));
    const again = await call('import/preview', { source: upload('alipay-categories.csv'), accountId: alipay });
    expect(again.counts).toMatchObject({ new: 0, duplicate: 8 });
  });
});

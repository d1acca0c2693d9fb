/** Categories managed in place (issue 13): starter set, merge, delete, the "Uncategorized" filter. */
import { describe, expect, it } from 'vitest';
import { ledgerProjectionFactory } from '../../electron/ledger/projection';
import { listCategories, getTransaction, transactionHistory } from '../../electron/ledger/queries';
import { budgetProgress } from '../../electron/ledger/reports';
import { searchTransactions } from '../../electron/ledger/search';
import { STARTER_CATEGORIES } from '../../electron/ledger/starter-categories';
import { domainError, makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const spend = (amount: string, extra: Record<string, unknown> = {}) =>
    run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount, currency: 'CNY', date: '2024-06-01', ...extra }).id;
  return { ...made, run, cash, spend };
}

const names = (f: ReturnType<typeof build>) => listCategories(f.projection).map((node) => node.name);

describe('starter categories', () => {
  it('adds the starter set in the language asked for, as ordinary CategoryDefined events of one request', () => {
    const f = build();
    const before = f.sink.events.length;
    f.run({ type: 'addStarterCategories', language: 'zh-CN' });
    const added = f.sink.events.slice(before).map((event) => event.payload);
    expect(added.every((event) => event.type === 'CategoryDefined')).toBe(true);
    expect(new Set(added.map((event) => event.requestId)).size).toBe(1);
    expect(names(f)).toEqual(expect.arrayContaining(['餐饮', '交通', '购物', '居家', '通讯', '医疗', '娱乐', '教育', '人情', '工资', '奖金', '红包', '理财收益', '退款']));
    const kinds = Object.fromEntries(listCategories(f.projection).map((node) => [node.name, node.kind]));
    expect(kinds['餐饮']).toBe('expense');
    expect(kinds['红包']).toBe('income');
  });

  it('has the same entries, in the same order and kinds, in both languages', () => {
    expect(STARTER_CATEGORIES['en-US'].map((c) => c.kind)).toEqual(STARTER_CATEGORIES['zh-CN'].map((c) => c.kind));
    const f = build();
    f.run({ type: 'addStarterCategories', language: 'en-US' });
    expect(names(f)).toEqual(expect.arrayContaining(['Food', 'Transport', 'Shopping', 'Salary', 'Red packets']));
  });

  it('is refused, writing nothing, once the ledger has a category', () => {
    const f = build();
    f.run({ type: 'defineCategory', name: 'Mine', kind: 'expense' });
    const before = f.sink.events.length;
    expect(domainError(() => f.run({ type: 'addStarterCategories', language: 'en-US' })).messageKey).toBe('errors.starter_categories_exist');
    expect(f.sink.events.length).toBe(before);
  });
});

describe('merge', () => {
  it('moves every line of A to B (voided ones too) with history, archives A, and survives a replay', () => {
    const f = build();
    const coffee = f.run({ type: 'defineCategory', name: 'Coffee', kind: 'expense' }).id;
    const food = f.run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
    const latte = f.spend('32', { categoryId: coffee });
    const mocha = f.spend('28', { categoryId: coffee });
    const bread = f.spend('10', { categoryId: food });
    f.run({ type: 'voidTransaction', transactionId: mocha });
    f.run({ type: 'setBudget', categoryId: coffee, month: '2024-06', amount: '100', currency: 'CNY' });

    f.run({ type: 'mergeCategory', categoryId: coffee, intoCategoryId: food });

    expect(names(f)).toEqual(['Food']);
    for (const id of [latte, mocha, bread]) expect(getTransaction(f.projection, id).categoryId).toBe(food);
    expect(transactionHistory(f.projection, latte).at(-1)).toMatchObject({ action: 'amended', details: { categoryId: { from: coffee, to: food } } });
    expect(searchTransactions(f.projection, { categoryIds: [food] }).total).toBe(2);
    expect(budgetProgress(f.projection, '2024-06').map((row) => row.categoryId)).not.toContain(coffee);
    const last = f.sink.events.at(-1)!.payload;
    expect(last).toMatchObject({ type: 'CategoryArchived', categoryId: coffee, mergedInto: food });

    // The journal alone rebuilds the same state.
    const replayed = ledgerProjectionFactory.empty();
    for (const { seq, payload } of f.sink.events) replayed.apply(seq, payload);
    expect(replayed.digest()).toBe(f.projection.digest());
  });

  it('refuses what would lose or tangle data, writing nothing', () => {
    const f = build();
    const food = f.run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
    const coffee = f.run({ type: 'defineCategory', name: 'Coffee', kind: 'expense', parentId: food }).id;
    const salary = f.run({ type: 'defineCategory', name: 'Salary', kind: 'income' }).id;
    const before = f.sink.events.length;
    expect(domainError(() => f.run({ type: 'mergeCategory', categoryId: food, intoCategoryId: salary })).messageKey).toBe('errors.category_has_children');
    expect(domainError(() => f.run({ type: 'mergeCategory', categoryId: coffee, intoCategoryId: salary })).messageKey).toBe('errors.category_kind_mismatch');
    expect(domainError(() => f.run({ type: 'mergeCategory', categoryId: coffee, intoCategoryId: coffee })).messageKey).toBe('errors.category_merge_self');
    expect(f.sink.events.length).toBe(before);
  });
});

describe('delete', () => {
  it('archives an unused category; an archived one cannot be used, renamed or deleted again, and its name is free', () => {
    const f = build();
    const spare = f.run({ type: 'defineCategory', name: 'Spare', kind: 'expense' }).id;
    f.run({ type: 'deleteCategory', categoryId: spare });
    expect(names(f)).toEqual([]);
    expect(domainError(() => f.spend('1', { categoryId: spare })).messageKey).toBe('errors.category_archived');
    expect(domainError(() => f.run({ type: 'deleteCategory', categoryId: spare })).messageKey).toBe('errors.category_archived');
    expect(domainError(() => f.run({ type: 'setBudget', categoryId: spare, month: '2024-06', amount: '1', currency: 'CNY' })).messageKey).toBe('errors.category_archived');
    f.run({ type: 'defineCategory', name: 'Spare', kind: 'expense' });
    expect(names(f)).toEqual(['Spare']);
  });

  it('refuses a category any line names (voided ones included), with the count, so the user merges instead', () => {
    const f = build();
    const food = f.run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
    f.run({ type: 'voidTransaction', transactionId: f.spend('5', { categoryId: food }) });
    const error = domainError(() => f.run({ type: 'deleteCategory', categoryId: food }));
    expect(error.messageKey).toBe('errors.category_in_use');
    expect(error.params).toMatchObject({ category: 'Food', count: 1 });
  });
});

describe('Uncategorized filter', () => {
  it('finds expenses and incomes without a category, never transfers', () => {
    const f = build();
    const bank = f.run({ type: 'openAccount', name: 'Bank', kind: 'bank', currency: 'CNY', openedOn: '2024-01-01' }).id;
    const food = f.run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
    f.spend('10', { categoryId: food });
    const loose = f.spend('11');
    const gift = f.run({ type: 'recordTransaction', kind: 'income', accountId: f.cash, amount: '50', currency: 'CNY', date: '2024-06-02' }).id;
    f.run({ type: 'recordTransfer', fromAccountId: f.cash, toAccountId: bank, amount: '5', currency: 'CNY', date: '2024-06-03' });
    const page = searchTransactions(f.projection, { uncategorized: true });
    expect(page.rows.map((row) => row.id).sort()).toEqual([loose, gift].sort());
    expect(page.total).toBe(2);
    // Ticked together with a category, either matches.
    expect(searchTransactions(f.projection, { uncategorized: true, categoryIds: [food] }).total).toBe(3);
  });
});

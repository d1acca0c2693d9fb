/**
 * Statement category text → wallet category (electron/import/categories.ts), pure: by name (NFC,
 * case-insensitive, a child by its own name or its path), only of the line's kind, the built-in
 * Alipay/WeChat table onto the starter categories in either language, the user's choice first, and
 * no match left uncategorized.
 */
import { describe, expect, test } from 'vitest';
import { BUILT_IN_CATEGORY_TEXTS, CategoryMatcher, type WalletCategory } from '../../electron/import/categories';
import { STARTER_CATEGORIES } from '../../electron/ledger/starter-categories';

const wallet = (language: 'zh-CN' | 'en-US', extra: WalletCategory[] = []): WalletCategory[] => [
  ...STARTER_CATEGORIES[language].map((c, i) => ({ id: `${language}-${i}`, name: c.name, kind: c.kind, parentId: null })),
  ...extra,
];
const idOf = (categories: readonly WalletCategory[], name: string, kind: string) => categories.find((c) => c.name === name && c.kind === kind)!.id;

describe('statement categories → wallet categories', () => {
  const own = wallet('en-US', [
    { id: 'cafe', name: 'Café', kind: 'expense', parentId: null },
    { id: 'home-cleaning', name: 'Cleaning', kind: 'expense', parentId: 'en-US-3' },
    { id: 'refund-expense', name: 'Gifts', kind: 'expense', parentId: null },
  ]);
  const matcher = new CategoryMatcher(own);

  test('by name: NFC and case do not matter; a child is found by its own name and by its path', () => {
    expect(matcher.suggest('CAFE\u0301', 'expense')).toEqual({ categoryId: 'cafe', source: 'name' });
    expect(matcher.suggest('  food ', 'expense')).toEqual({ categoryId: idOf(own, 'Food', 'expense'), source: 'name' });
    expect(matcher.suggest('Cleaning', 'expense').categoryId).toBe('home-cleaning');
    expect(matcher.suggest('Home:Cleaning', 'expense').categoryId).toBe('home-cleaning');
    // A QIF path whose child is unknown falls back to its top level.
    expect(matcher.suggest('Food:Snacks', 'expense').categoryId).toBe(idOf(own, 'Food', 'expense'));
  });

  test('only a category of the line’s kind: an income text never lands in an expense category', () => {
    expect(matcher.suggest('Salary', 'income').categoryId).toBe(idOf(own, 'Salary', 'income'));
    expect(matcher.suggest('Salary', 'expense')).toEqual({ categoryId: null, source: 'none' });
    expect(matcher.suggest('Food', 'income')).toEqual({ categoryId: null, source: 'none' });
  });

  test('the built-in table maps Alipay/WeChat categories onto the starter set in either language', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const categories = wallet(language);
      const m = new CategoryMatcher(categories);
      const name = (index: number) => STARTER_CATEGORIES[language][index]!.name;
      expect(m.suggest('餐饮美食', 'expense')).toEqual({ categoryId: idOf(categories, name(0), 'expense'), source: 'table' });
      expect(m.suggest('交通出行', 'expense').categoryId).toBe(idOf(categories, name(1), 'expense'));
      expect(m.suggest('日用百货', 'expense').categoryId).toBe(idOf(categories, name(2), 'expense'));
      expect(m.suggest('服饰装扮', 'expense').categoryId).toBe(idOf(categories, name(2), 'expense'));
      expect(m.suggest('充值缴费', 'expense').categoryId).toBe(idOf(categories, name(4), 'expense'));
      expect(m.suggest('转账红包', 'expense').categoryId).toBe(idOf(categories, name(8), 'expense'));
      expect(m.suggest('转账红包', 'income').categoryId).toBe(idOf(categories, name(12), 'income'));
      expect(m.suggest('微信红包', 'income').categoryId).toBe(idOf(categories, name(12), 'income'));
      // A table entry has no meaning for the other direction: left uncategorized.
      expect(m.suggest('餐饮美食', 'income')).toEqual({ categoryId: null, source: 'none' });
    }
    // Every entry resolves in a starter wallet of either language (no typo in the table).
    for (const text of BUILT_IN_CATEGORY_TEXTS) {
      const m = new CategoryMatcher(wallet('zh-CN'));
      expect(m.suggest(text, 'expense').categoryId ?? m.suggest(text, 'income').categoryId, text).not.toBeNull();
    }
  });

  test('unmatched stays uncategorized; nothing is created', () => {
    expect(new CategoryMatcher([]).suggest('餐饮美食', 'expense')).toEqual({ categoryId: null, source: 'none' });
    expect(matcher.suggest('Parking fines', 'expense')).toEqual({ categoryId: null, source: 'none' });
    expect(matcher.suggest('', 'expense')).toEqual({ categoryId: null, source: 'none' });
  });

  test('the user’s choice wins when it fits the kind; null means uncategorized; an unknown or wrong-kind choice falls back', () => {
    const food = idOf(own, 'Food', 'expense');
    const salary = idOf(own, 'Salary', 'income');
    const chosen = new CategoryMatcher(own, { 'Café': food, Food: null, Salary: food, Gifts: 'gone' });
    expect(chosen.match('Cafe\u0301', 'expense')).toEqual({ categoryId: food, source: 'chosen' });
    expect(chosen.match('Food', 'expense')).toEqual({ categoryId: null, source: 'chosen' });
    expect(chosen.match('Salary', 'income')).toEqual({ categoryId: salary, source: 'name' });
    expect(chosen.match('Gifts', 'expense')).toEqual({ categoryId: 'refund-expense', source: 'name' });
  });
});

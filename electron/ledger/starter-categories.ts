/**
 * The categories a new ledger starts with, in the wallet's language at the time its ledger is
 * first used. They become ordinary CategoryDefined events (so they can be renamed, merged or
 * deleted like any other) and are data from then on: switching the app's language later does not
 * rename them.
 */
import type { CategoryKind } from './events';

export interface StarterCategory {
  kind: CategoryKind;
  name: string;
}

const expense = (name: string): StarterCategory => ({ kind: 'expense', name });
const income = (name: string): StarterCategory => ({ kind: 'income', name });

/** Same order and meaning in both languages: the n-th entry of one translates the n-th of the other. */
export const STARTER_CATEGORIES = {
  'zh-CN': [
    ...['餐饮', '交通', '购物', '居家', '通讯', '医疗', '娱乐', '教育', '人情', '其他支出'].map(expense),
    ...['工资', '奖金', '红包', '理财收益', '退款', '其他收入'].map(income),
  ],
  'en-US': [
    ...['Food', 'Transport', 'Shopping', 'Home', 'Phone & internet', 'Health', 'Entertainment', 'Education', 'Gifts & social', 'Other expenses'].map(expense),
    ...['Salary', 'Bonus', 'Red packets', 'Investment income', 'Refunds', 'Other income'].map(income),
  ],
} as const satisfies Record<string, readonly StarterCategory[]>;

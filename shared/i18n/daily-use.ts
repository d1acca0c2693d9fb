import type { AreaMessages } from './types';

/** Messages of the everyday path: record dialog, categories, payees, bill view, reconcile adjustments (daily.*). */
export const dailyUseMessages: AreaMessages = {
  'en-US': {
    errors: {
      starter_categories_exist: 'This wallet already has categories, so no starter categories were added.',
      category_archived: '“{{category}}” was merged or deleted and can no longer be used.',
      category_has_children: '“{{category}}” has subcategories: merge or move them first.',
      category_merge_self: 'Choose another category to merge into.',
      category_in_use: '“{{category}}” is used by {{count}} transactions: merge it into another category instead.',
    },
    daily: {},
  },
  'zh-CN': {
    errors: {
      starter_categories_exist: '此钱包已有分类，未添加预设分类。',
      category_archived: '“{{category}}”已被合并或删除，不能再使用。',
      category_has_children: '“{{category}}”下还有子分类，请先合并或移走它们。',
      category_merge_self: '请选择要合并到的另一个分类。',
      category_in_use: '“{{category}}”已用于 {{count}} 笔交易，请改为将它合并到其他分类。',
    },
    daily: {},
  },
};

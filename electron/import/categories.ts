/**
 * A statement's category text (CSV category column, QIF `L`, Alipay 交易分类, WeChat 交易类型) → a
 * wallet category of the right kind. Pure: the wallet's categories come in, a suggestion comes out;
 * nothing is ever created. In order:
 * 1. the user's choice for that text (the wizard's Select, a remembered or `--mapping` category map);
 * 2. a wallet category of the row's kind with that name (NFC, case-insensitive), a child by its own
 *    name included; a QIF path `Food:Groceries` tries the whole path, then `Groceries`, then `Food`;
 * 3. the built-in table of common Alipay/WeChat categories onto the starter categories
 *    (ledger/starter-categories.ts), found in the wallet under their zh-CN or en-US name;
 * 4. none: the line stays uncategorized and the preview shows the statement's text.
 */
import { STARTER_CATEGORIES } from '../ledger/starter-categories';

export type CategoryKind = 'expense' | 'income';

export interface WalletCategory {
  id: string;
  name: string;
  kind: CategoryKind;
  parentId: string | null;
}

/** Statement category text → wallet category id, or null for "leave uncategorized". */
export type CategoryChoices = Readonly<Record<string, string | null>>;

export type CategorySource = 'chosen' | 'name' | 'table' | 'none';

const fold = (text: string): string => text.normalize('NFC').trim().toLocaleLowerCase('en-US');

/** Position in STARTER_CATEGORIES (same in both languages) per kind. */
const starter = (kind: CategoryKind, zhName: string): number => {
  const index = STARTER_CATEGORIES['zh-CN'].findIndex((c) => c.kind === kind && c.name === zhName);
  if (index < 0) throw new Error(`no starter category ${zhName}`);
  return index;
};

/**
 * Common Alipay 交易分类 and WeChat 交易类型 values → the starter category they mean, per direction.
 * A statement text missing here falls through to "none" (shown, never guessed).
 */
const TABLE: Readonly<Record<string, { expense?: number; income?: number }>> = {
  餐饮美食: { expense: starter('expense', '餐饮') },
  交通出行: { expense: starter('expense', '交通') },
  爱车养车: { expense: starter('expense', '交通') },
  日用百货: { expense: starter('expense', '购物') },
  服饰装扮: { expense: starter('expense', '购物') },
  数码电器: { expense: starter('expense', '购物') },
  美容美发: { expense: starter('expense', '购物') },
  母婴亲子: { expense: starter('expense', '购物') },
  充值缴费: { expense: starter('expense', '通讯') },
  住房物业: { expense: starter('expense', '居家') },
  家居家装: { expense: starter('expense', '居家') },
  生活服务: { expense: starter('expense', '居家') },
  医疗健康: { expense: starter('expense', '医疗') },
  文化休闲: { expense: starter('expense', '娱乐') },
  酒店旅游: { expense: starter('expense', '娱乐') },
  运动户外: { expense: starter('expense', '娱乐') },
  教育培训: { expense: starter('expense', '教育') },
  转账红包: { expense: starter('expense', '人情'), income: starter('income', '红包') },
  微信红包: { expense: starter('expense', '人情'), income: starter('income', '红包') },
  '微信红包（单发）': { expense: starter('expense', '人情'), income: starter('income', '红包') },
  '微信红包（群红包）': { expense: starter('expense', '人情'), income: starter('income', '红包') },
  亲属卡交易: { expense: starter('expense', '人情') },
  投资理财: { income: starter('income', '理财收益') },
  收入: { income: starter('income', '其他收入') },
  退款: { income: starter('income', '退款') },
  其他: { expense: starter('expense', '其他支出'), income: starter('income', '其他收入') },
};

export interface CategoryMatch {
  categoryId: string | null;
  source: CategorySource;
}

/** Finds wallet categories by folded name and kind; built once per plan. */
export class CategoryMatcher {
  private readonly byName = new Map<string, WalletCategory>();
  private readonly ids = new Map<string, WalletCategory>();
  private readonly choices = new Map<string, string | null>();

  constructor(categories: readonly WalletCategory[], choices: CategoryChoices = {}) {
    for (const [text, id] of Object.entries(choices)) this.choices.set(text.normalize('NFC').trim(), id);
    const byId = new Map(categories.map((c) => [c.id, c]));
    for (const category of categories) {
      this.ids.set(category.id, category);
      const key = (name: string) => `${category.kind}\u0000${fold(name)}`;
      // A top-level name wins over a child of the same name; the first of equals wins.
      const own = key(category.name);
      if (!this.byName.has(own) || (category.parentId === null && this.byName.get(own)!.parentId !== null)) this.byName.set(own, category);
      const parent = category.parentId ? byId.get(category.parentId) : undefined;
      if (parent) {
        const path = key(`${parent.name}:${category.name}`);
        if (!this.byName.has(path)) this.byName.set(path, category);
      }
    }
  }

  private named(kind: CategoryKind, name: string): WalletCategory | undefined {
    return this.byName.get(`${kind}\u0000${fold(name)}`);
  }

  /** The wallet category a statement text suggests for a line of `kind`, before the user's choice. */
  suggest(text: string, kind: CategoryKind): CategoryMatch {
    const trimmed = text.normalize('NFC').trim();
    if (trimmed === '') return { categoryId: null, source: 'none' };
    const parts = trimmed.split(':').map((part) => part.trim()).filter(Boolean);
    for (const candidate of [trimmed, parts.at(-1), parts[0]]) {
      const found = candidate ? this.named(kind, candidate) : undefined;
      if (found) return { categoryId: found.id, source: 'name' };
    }
    const entry = TABLE[trimmed]?.[kind];
    if (entry !== undefined) {
      for (const language of ['zh-CN', 'en-US'] as const) {
        const found = this.named(kind, STARTER_CATEGORIES[language][entry]!.name);
        if (found) return { categoryId: found.id, source: 'table' };
      }
    }
    return { categoryId: null, source: 'none' };
  }

  /** The user's choice when it fits the line's kind (a category of the other kind is never applied), else the suggestion. */
  match(text: string, kind: CategoryKind): CategoryMatch {
    const key = text.normalize('NFC').trim();
    if (key !== '' && this.choices.has(key)) {
      const chosen = this.choices.get(key);
      if (chosen === null) return { categoryId: null, source: 'chosen' };
      const category = chosen === undefined ? undefined : this.ids.get(chosen);
      if (category?.kind === kind) return { categoryId: category.id, source: 'chosen' };
    }
    return this.suggest(text, kind);
  }
}

/** Whether `text` names a category in the built-in table (tests, docs). */
export const BUILT_IN_CATEGORY_TEXTS: readonly string[] = Object.keys(TABLE);

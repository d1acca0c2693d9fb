/**
 * The everyday path of issue 13, by keyboard alone, in both languages: the first account brings
 * the starter categories; the record dialog opens on the amount, reads what Chinese users type
 * (３８。５, ¥), creates a category from inside the picker, suggests payees from history and
 * fills in their last category and account, "saves and adds another" with Shift+Enter and saves
 * with Ctrl+Enter. Every step is a key press (Playwright's `press` focuses the element it presses
 * on; no pointer is used after the wallet exists). Any uncaught page error fails the test.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from './support/host';
import { rpcCalls } from './support/rpc';
import { createWalletViaUi } from './support/wallet';

const SHOTS = join(__dirname, '../.tmp/screenshots/everyday');

const L = {
  'en-US': {
    accountsNav: 'Accounts',
    txNav: 'Transactions',
    addAccount: 'Add account',
    accountName: 'Account name',
    openingBalance: 'Opening balance',
    starter: 'Add starter categories',
    add: 'Add transaction',
    amount: 'Amount',
    payee: 'Payee',
    category: 'Category',
    account: 'Account',
    record: 'Record',
    saveAndAdd: 'Save and add another',
    discardTitle: 'Discard what you typed?',
    discard: 'Discard',
    keepEditing: 'Keep editing',
    recorded: 'Transaction recorded.',
    createCategory: (name: string) => `+ New category “${name}”`,
    food: 'Food',
    salary: 'Salary',
    insufficient: /Not enough money in “Cash”/,
    filterCategories: 'Filter by category',
    uncategorized: 'Uncategorized',
    count: (n: number) => new RegExp(`^${n} transactions?$`),
    manage: 'Categories',
    mergeOf: (name: string) => `Merge “${name}” into another category`,
    mergeInto: 'Merge into',
    merge: 'Merge',
    cash: 'Cash',
  },
  'zh-CN': {
    accountsNav: '账户',
    txNav: '交易记录',
    addAccount: '添加账户',
    accountName: '账户名称',
    openingBalance: '初始余额',
    starter: '添加预设分类',
    add: '记一笔',
    amount: '金额',
    payee: '收付款方',
    category: '分类',
    account: '账户',
    record: '记录',
    saveAndAdd: '保存并再记一笔',
    discardTitle: '放弃已输入的内容？',
    discard: '放弃',
    keepEditing: '继续编辑',
    recorded: '交易已记录。',
    createCategory: (name: string) => `+ 新建分类“${name}”`,
    food: '餐饮',
    salary: '工资',
    insufficient: /“现金”余额不足/,
    filterCategories: '按分类筛选',
    uncategorized: '未分类',
    count: (n: number) => new RegExp(`^共 ${n} 笔交易$`),
    manage: '分类管理',
    mergeOf: (name: string) => `将“${name}”合并到其他分类`,
    mergeInto: '合并到',
    merge: '合并',
    cash: '现金',
  },
} as const;

function dialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title'), visible: true }).last();
}

/** The form item (label, control and its red message) of a labelled field in `scope`. */
function fieldItem(scope: Locator, label: string): Locator {
  return scope.locator('.ant-form-item').filter({ has: scope.page().getByText(label, { exact: true }) }).first();
}

/** Every modal closed, its closing animation included: only then does a key reach the page behind. */
async function noModal(page: Page): Promise<void> {
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('menuitem').filter({ has: page.getByText(name, { exact: true }) }).press('Enter');
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`everyday entry by keyboard (${lang})`, async ({ page }) => {
    const l = L[lang];
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    mkdirSync(SHOTS, { recursive: true });
    const host = await startHost({ lang });
    try {
      await page.goto(host.url);
      await createWalletViaUi(page, lang);

      // The first account: the starter categories come with it, in the wallet's language.
      await nav(page, l.accountsNav);
      await page.getByRole('button', { name: l.addAccount }).first().press('Enter');
      const addAccount = page.getByRole('dialog').filter({ hasText: l.starter });
      await expect(addAccount.getByLabel(l.accountName)).toBeFocused();
      await page.keyboard.type(l.cash);
      await addAccount.getByLabel(l.openingBalance).press('Tab');
      await addAccount.getByLabel(l.openingBalance).fill('1000');
      await expect(addAccount.getByRole('checkbox', { name: l.starter })).toBeChecked();
      await addAccount.getByRole('button', { name: l.addAccount }).press('Enter');
      await noModal(page);
      const categories = await rpcCalls(page, [{ method: 'ledger/categories', input: {} }]);
      const names = categories[0]!.ok ? (categories[0]!.value.categories as { name: string }[]).map((c) => c.name) : [];
      expect(names).toEqual(expect.arrayContaining([l.food, l.salary]));
      await rpcCalls(page, [{ method: 'ledger/openAccount', input: { requestId: crypto.randomUUID(), name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '10000' } }]);

      // Record: focus starts on the amount; full-width digits and 。 read as 38.50.
      await nav(page, l.txNav);
      await page.getByRole('button', { name: l.add }).first().press('Enter');
      const d = dialog(page);
      const amount = d.getByLabel(l.amount);
      await expect(amount).toBeFocused();
      await page.keyboard.type('３８。５');
      await page.keyboard.press('Tab');
      await expect(amount).toHaveValue('38.50');
      await d.getByLabel(l.payee, { exact: true }).press('Control+a');
      await page.keyboard.type('星巴克');
      // A new category straight from the picker.
      const category = d.getByLabel(l.category, { exact: true });
      await category.press('Control+a');
      await page.keyboard.type('Coffee');
      await expect(page.locator('.ant-select-dropdown:visible').getByText(l.createCategory('Coffee'))).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(fieldItem(d, l.category)).toContainText('Coffee');
      await page.screenshot({ path: join(SHOTS, `dialog-filled-${lang}.png`) });
      // Save and add another: the dialog stays, amount and payee are cleared, focus is back on the amount.
      await amount.press('Shift+Enter');
      await expect(page.getByText(l.recorded).first()).toBeVisible();
      await expect(amount).toHaveValue('');
      await expect(amount).toBeFocused();
      await expect(d.getByLabel(l.payee, { exact: true })).toHaveValue('');

      // The second: ¥ is fine; the payee comes from history and brings its category.
      await page.keyboard.type('¥25');
      await d.getByLabel(l.payee, { exact: true }).press('Control+a');
      await page.keyboard.type('星');
      const suggestion = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '星巴克' });
      await expect(suggestion).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(fieldItem(d, l.category)).toContainText('Coffee');
      await expect(d.getByLabel(l.payee, { exact: true })).toHaveValue('星巴克');
      // Ctrl+Enter saves from anywhere and closes.
      await page.keyboard.press('Control+Enter');
      await noModal(page);
      await expect(page.getByTestId('transaction-count')).toHaveText(l.count(2));

      expect(pageErrors, pageErrors.map((e) => e.message).join('\n')).toEqual([]);
    } finally {
      await host.stop();
    }
  });
}

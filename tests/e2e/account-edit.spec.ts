/**
 * Accounts are renamed, retyped, given a note and re-ordered, by keyboard, in both languages: the
 * edit dialog saves with Enter, a retype the engine refuses (a card still in debt) shows its reason
 * on the type field in red and changes nothing, and "move up" re-orders the list within its kind.
 * The page-error guard (support/test.ts) fails the test on any uncaught page or console error.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from './support/test';
import { startHost } from './support/host';
import { rpc } from './support/rpc';
import { createWalletViaUi } from './support/wallet';

const SHOTS = join(__dirname, '../.tmp/screenshots/account-edit');

const L = {
  'en-US': {
    accountsNav: 'Accounts',
    edit: 'Edit',
    name: 'Account name',
    kind: 'Kind',
    note: 'Note',
    save: 'Save',
    savings: 'Savings',
    cash: 'Cash',
    inDebt: 'The card “Card” still owes 20.00 CNY. Pay it off before changing its type, so the debt does not turn into an overdraft.',
    moveUp: (name: string) => `Move “${name}” up`,
    bankGroup: 'Bank card',
    register: 'Register of Cash',
    opening: 'Opening balance',
    date: 'Date',
    payee: 'Payee',
    amount: 'Amount',
    insufficient: /Not enough money in “Cash”/,
    reconcile: 'Reconcile',
    statementBalance: 'Statement balance (CNY)',
    adjust: /^Create an adjustment of -CN¥7\.50$/,
    adjustment: 'Balance adjustment',
    finish: 'Finish reconciling',
    zero: 'CN¥0.00',
  },
  'zh-CN': {
    accountsNav: '账户',
    edit: '编辑',
    name: '账户名称',
    kind: '类型',
    note: '备注',
    save: '保存',
    savings: '储蓄账户',
    cash: '现金',
    inDebt: '信用卡“Card”仍欠 20.00 CNY。请先还清再更改类型，以免欠款变成透支。',
    moveUp: (name: string) => `将“${name}”上移`,
    bankGroup: '银行卡',
    register: 'Cash 的流水',
    opening: '期初余额',
    date: '日期',
    payee: '收付款方',
    amount: '金额',
    insufficient: /“Cash”余额不足/,
    reconcile: '对账',
    statementBalance: '账单余额（CNY）',
    adjust: /^创建余额调整 -¥7\.50$/,
    adjustment: '余额调整',
    finish: '完成对账',
    zero: '¥0.00',
  },
} as const;

function dialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title'), visible: true }).last();
}

function fieldItem(scope: Locator, label: string): Locator {
  return scope.locator('.ant-form-item').filter({ has: scope.page().getByText(label, { exact: true }) }).first();
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('menuitem').filter({ has: page.getByText(name, { exact: true }) }).press('Enter');
}

/** Picks an option of an antd Select by keyboard: open with ArrowDown, type to filter is not offered, so walk to it. */
async function chooseByKeyboard(page: Page, select: Locator, option: string): Promise<void> {
  await select.press('ArrowDown');
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(dropdown).toBeVisible();
  for (let i = 0; i < 8; i++) {
    const active = dropdown.locator('.ant-select-item-option-active');
    if ((await active.textContent())?.trim() === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(dropdown.locator('.ant-select-item-option-active')).toHaveText(option);
  await page.keyboard.press('Enter');
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`rename, retype, note and re-order an account by keyboard (${lang})`, async ({ page }) => {
    const l = L[lang];
    mkdirSync(SHOTS, { recursive: true });
    const host = await startHost({ lang });
    try {
      await page.goto(host.url);
      await createWalletViaUi(page, lang);
      const open = (name: string, kind: string, extra: Record<string, string> = {}) =>
        rpc(page, 'ledger/openAccount', { requestId: crypto.randomUUID(), name, kind, currency: 'CNY', ...extra });
      await open('Bank A', 'bank', { openingBalance: '100' });
      await open('Bank B', 'bank');
      await open('Card', 'credit', { openingBalance: '-20', creditLimit: '500' });
      await nav(page, l.accountsNav);
      const list = page.getByRole('navigation', { name: /Accounts by kind|按类型/ });
      const bankGroup = list.getByRole('region', { name: l.bankGroup });
      await expect(bankGroup.getByRole('button')).toHaveText([/^Bank A/, /^Bank B/]);

      // Re-order: Bank B up, by keyboard.
      await bankGroup.getByRole('button', { name: /^Bank B/ }).press('Enter');
      await page.getByRole('button', { name: l.moveUp('Bank B') }).press('Enter');
      await expect(bankGroup.getByRole('button')).toHaveText([/^Bank B/, /^Bank A/]);

      // Rename, retype and note Bank A; Enter in the name field saves.
      await bankGroup.getByRole('button', { name: /^Bank A/ }).press('Enter');
      await page.getByRole('button', { name: new RegExp(`${l.edit}$`) }).press('Enter');
      const d = dialog(page);
      const name = d.getByLabel(l.name);
      await expect(name).toBeFocused();
      await name.press('Control+a');
      await page.keyboard.type('Deposit 定期');
      await chooseByKeyboard(page, d.getByLabel(l.kind), l.savings);
      await d.getByLabel(l.note).press('Control+a');
      await page.keyboard.type('3 months, 1.5%');
      await page.screenshot({ path: join(SHOTS, `edit-dialog-${lang}.png`) });
      await name.press('Enter');
      await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
      await expect(list.getByRole('region', { name: l.savings }).getByRole('button')).toHaveText([/^Deposit 定期/]);
      await expect(page.getByTestId('account-note')).toHaveText('3 months, 1.5%');

      // A card in debt cannot become cash: the reason is on the type field, nothing changes.
      await list.getByRole('button', { name: /^Card/ }).press('Enter');
      await page.getByRole('button', { name: new RegExp(`${l.edit}$`) }).press('Enter');
      const card = dialog(page);
      await chooseByKeyboard(page, card.getByLabel(l.kind), l.cash);
      await card.getByLabel(l.name).press('Enter');
      await expect(fieldItem(card, l.kind).locator('.ant-form-item-explain-error')).toHaveText(l.inDebt);
      await page.screenshot({ path: join(SHOTS, `retype-refused-${lang}.png`) });
      await page.keyboard.press('Escape');
      const accounts = await rpc<{ accounts: { name: string; kind: string }[] }>(page, 'ledger/accounts', {});
      expect(accounts.accounts.map((a) => [a.name, a.kind])).toEqual([
        ['Bank B', 'bank'],
        ['Deposit 定期', 'savings'],
        ['Card', 'credit'],
      ]);
    } finally {
      await host.stop();
    }
  });
}

/** A new wallet in `lang` with one cash account of 100.00 opened 2026-01-05, showing the Accounts view. */
async function walletWithCash(page: Page, lang: 'en-US' | 'zh-CN') {
  mkdirSync(SHOTS, { recursive: true });
  const host = await startHost({ lang });
  try {
    await page.goto(host.url);
    await createWalletViaUi(page, lang);
    await rpc(page, 'ledger/openAccount', { requestId: crypto.randomUUID(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100', openedOn: '2026-01-05' });
    await nav(page, L[lang].accountsNav);
    return host;
  } catch (error) {
    await host.stop();
    throw error;
  }
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`the register starts with the opening balance; the inline new row records by keyboard (${lang})`, async ({ page }) => {
    const l = L[lang];
    const host = await walletWithCash(page, lang);
    try {
      const register = page.getByRole('table', { name: l.register });
      // Before any line, the opening balance is the register's one row, dated at the opening.
      await expect(register.getByRole('row')).toHaveCount(2);
      await expect(register.getByRole('row').nth(1)).toContainText(l.opening);
      await expect(register.getByRole('row').nth(1)).toContainText('100.00');

      // The new row: date, type (kept), payee, category (left empty), amount, Enter.
      const row = page.getByRole('region', { name: /Add transaction|记一笔/ });
      const date = row.getByLabel(l.date);
      await date.press('Control+a');
      await page.keyboard.type('2026-01-06');
      await page.keyboard.press('Tab'); // type
      await page.keyboard.press('Tab'); // payee
      await expect(row.getByLabel(l.payee)).toBeFocused();
      await page.keyboard.type('Noodles');
      await page.keyboard.press('Tab'); // category
      await page.keyboard.press('Tab'); // amount
      await expect(row.getByLabel(l.amount)).toBeFocused();
      await page.keyboard.type('３８。５');
      await page.keyboard.press('Enter');
      // Saved: newest first, its running balance built on the opening; focus is back on the row's date.
      await expect(register.getByRole('row')).toHaveCount(3);
      await expect(register.getByRole('row').nth(1)).toContainText('Noodles');
      await expect(register.getByRole('row').nth(1)).toContainText('61.50');
      await expect(register.getByRole('row').nth(2)).toContainText(l.opening);
      await expect(date).toBeFocused();
      await expect(row.getByLabel(l.amount)).toHaveValue('');
      await expect(page.getByTestId('account-balance')).toContainText('61.50');

      // More than the cash holds: the engine's reason in red under the amount, nothing recorded.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Phone');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1000');
      await page.keyboard.press('Enter');
      await expect(fieldError(row, l.amount)).toHaveText(l.insufficient);
      await expect(register.getByRole('row')).toHaveCount(3);
      await page.screenshot({ path: join(SHOTS, `register-new-row-${lang}.png`) });
    } finally {
      await host.stop();
    }
  });
}

/** The red message under the inline field labelled `label`. */
function fieldError(scope: Locator, label: string): Locator {
  return scope.locator('.ant-form-item').filter({ has: scope.page().getByLabel(label) }).locator('.ant-form-item-explain-error');
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`reconcile: counted cash differs, an adjustment makes the difference zero and the reconcile finishes (${lang})`, async ({ page }) => {
    const l = L[lang];
    const host = await walletWithCash(page, lang);
    try {
      await page.getByRole('button', { name: new RegExp(`${l.reconcile}$`) }).press('Enter');
      const drawer = page.locator('.ant-drawer:visible');
      await drawer.getByLabel(l.statementBalance).fill('92.50');
      const adjust = drawer.getByRole('button', { name: l.adjust });
      await expect(adjust).toBeVisible();
      await page.screenshot({ path: join(SHOTS, `reconcile-adjust-${lang}.png`) });
      await adjust.press('Enter');
      await expect(page.getByTestId('reconcile-difference')).toContainText(l.zero);
      await expect(drawer.getByRole('checkbox', { name: new RegExp(l.adjustment) })).toBeChecked();
      await drawer.getByRole('button', { name: new RegExp(`${l.finish}$`) }).press('Enter');
      const register = page.getByRole('table', { name: l.register });
      await expect(register.getByRole('row').nth(1)).toContainText(l.adjustment);
      await expect(register.getByRole('row').nth(1)).toContainText('92.50');
      await expect(page.getByTestId('account-balance')).toContainText('92.50');
    } finally {
      await host.stop();
    }
  });
}

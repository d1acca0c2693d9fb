/**
 * The overview views end to end in browser mode, in both languages: add accounts through the UI,
 * see the empty states, record a payment (through the contract, as the transactions UI would),
 * watch balances and the register update, reconcile against a statement, freeze and unfreeze,
 * set a budget, and look at the dashboard and reports. Screenshots go to tests/.tmp/screenshots.
 */
import { expect, test, type Page } from './support/test';
import { join } from 'node:path';
import { startHost } from './support/host';
import { pickOption } from './support/select';
import { createWalletViaUi, PASSWORD } from './support/wallet';
import { rpc, rpcBatch, rpcResult } from './support/rpc';

const SHOTS = join(__dirname, '../.tmp/screenshots');

const L = {
  'en-US': {
    nav: { dashboard: 'Dashboard', accounts: 'Accounts', reports: 'Budgets & Reports' },
    emptyTitle: 'Add your first account',
    add: 'Add account',
    name: 'Account name',
    kind: 'Kind',
    currency: 'Currency',
    opening: 'Opening balance',
    overdraft: 'Overdraft',
    ewallet: 'E-wallet',
    totalCny: 'Total in CNY',
    reconcile: 'Reconcile',
    statementBalance: 'Statement balance (CNY)',
    finish: 'Finish reconciling',
    reconciled: 'Reconciled',
    freeze: 'Freeze',
    unfreeze: 'Unfreeze',
    password: 'Password',
    frozen: 'Frozen',
    reason: 'Reason (optional)',
    newCategory: 'New category',
    categoryName: 'Category name',
    createCategory: 'Create category',
    setBudget: 'Set budget',
    budgetCategory: 'Category',
    budgetAmount: 'Amount per month',
    save: 'Save',
    netWorth: 'Net worth',
    rateUsd: 'Exchange rate from USD to CNY',
    missing: /Not included yet/,
    recent: 'Recent transactions',
    byCategory: 'Spending by category (CNY)',
    precision: 'CNY amounts have at most 2 decimal places.',
    cancel: 'Cancel',
  },
  'zh-CN': {
    nav: { dashboard: '总览', accounts: '账户', reports: '预算与报表' },
    emptyTitle: '添加你的第一个账户',
    add: '添加账户',
    name: '账户名称',
    kind: '类型',
    currency: '币种',
    opening: '初始余额',
    overdraft: '透支额度',
    ewallet: '电子钱包',
    totalCny: 'CNY 合计',
    reconcile: '对账',
    statementBalance: '账单余额（CNY）',
    finish: '完成对账',
    reconciled: '已对账',
    freeze: '冻结',
    unfreeze: '解冻',
    password: '密码',
    frozen: '已冻结',
    reason: '原因（可选）',
    newCategory: '新建分类',
    categoryName: '分类名称',
    createCategory: '创建分类',
    setBudget: '设置预算',
    budgetCategory: '分类',
    budgetAmount: '每月金额',
    save: '保存',
    netWorth: '净资产',
    rateUsd: 'USD 兑 CNY 的汇率',
    missing: /尚未计入/,
    recent: '最近交易',
    byCategory: '按分类的支出（CNY）',
    precision: 'CNY 金额最多只能有 2 位小数。',
    cancel: '取消',
  },
} as const;

const dialog = (page: Page) => page.getByRole('dialog');

/** Every chart on the page has drawn its data and finished its animation (Chart.tsx marks its box). */
async function chartsDrawn(page: Page) {
  await expect(page.locator('[data-drawn]').first()).toBeAttached();
  await expect(page.locator('[data-drawn="false"]')).toHaveCount(0);
}

/**
 * Selects an account in the list and waits until it is the selected one: the register and the
 * actions belong to the selected account, and on a busy machine a click on "Freeze" or "Close"
 * right after the selection could otherwise act on the account selected before.
 */
/** An account's entry in the account list (the selected account's own buttons, "Move … up", carry its name too). */
function accountEntry(page: Page, name: RegExp) {
  return page.getByRole('navigation', { name: /^(Accounts by kind|按类型分组的账户)$/ }).getByRole('button', { name });
}

async function selectAccount(page: Page, name: RegExp) {
  const entry = accountEntry(page, name);
  await entry.click();
  await expect(entry).toHaveAttribute('aria-pressed', 'true');
}

async function addAccount(page: Page, lang: keyof typeof L, account: { name: string; opening: string; kind?: string; currency?: string; limit?: string }) {
  const l = L[lang];
  await page.getByRole('button', { name: l.add }).first().click();
  const form = dialog(page);
  await form.getByLabel(l.name).fill(account.name);
  if (account.kind) {
    await pickOption(page, form.getByLabel(l.kind), account.kind);
  }
  if (account.currency) {
    await form.getByLabel(l.currency).fill(account.currency);
    await page.keyboard.press('Enter');
  }
  await form.getByLabel(l.opening).fill(account.opening);
  if (account.limit) await form.getByLabel(l.overdraft).fill(account.limit);
  await form.getByRole('button', { name: l.add }).click();
  await expect(form).toBeHidden();
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`accounts, balances, reconcile and budgets in ${lang}`, async ({ page }) => {
    // A hang guard, not a speed target: ~1 min on a CI machine, it ran past 4 min at load 17.
    test.setTimeout(10 * 60_000);
    const l = L[lang];
    const host = await startHost({ lang });
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `overview-${name}-${lang}.png`), fullPage: true });
    const go = async (view: keyof typeof l.nav) => {
      await page.getByRole('navigation', { name: lang === 'zh-CN' ? '主导航' : 'Main navigation' }).getByText(l.nav[view], { exact: true }).click();
    };
    const cny = (text: string) => (lang === 'zh-CN' ? `¥${text}` : `CN¥${text}`);
    try {
      await page.goto(host.url);
      await createWalletViaUi(page, lang);

      // A new wallet: the dashboard greets with an empty state, not a blank page.
      await expect(page.getByRole('heading', { name: l.emptyTitle })).toBeVisible();
      await shot('dashboard-empty');

      await addAccount(page, lang, { name: 'Everyday card', opening: '1,000.00', limit: '500' });
      // With an account the dashboard fills in.
      await expect(page.getByText(l.netWorth, { exact: true })).toBeVisible();
      await shot('dashboard-first-account');

      // An over-precise amount gets the engine's translated error in the form; nothing is written.
      await page.getByRole('button', { name: l.add }).first().click();
      await dialog(page).getByLabel(l.name).fill('Too precise');
      await dialog(page).getByLabel(l.opening).fill('12.345');
      await dialog(page).getByRole('button', { name: l.add }).click();
      await expect(dialog(page).getByRole('alert')).toHaveText(l.precision);
      await dialog(page).getByRole('button', { name: l.cancel }).click();
      await expect(dialog(page)).toBeHidden();

      await go('accounts');
      await addAccount(page, lang, { name: 'Alipay', opening: '250.5', kind: l.ewallet });
      await addAccount(page, lang, { name: 'Travel USD', opening: '100', currency: 'USD' });
      const totals = page.getByRole('region', { name: lang === 'zh-CN' ? '各币种合计' : 'Totals per currency' });
      await expect(totals.getByText(cny('1,250.50'))).toBeVisible();

      // Budgets need a category: create one and budget it through the reports view.
      await go('reports');
      await page.getByRole('button', { name: l.newCategory }).first().click();
      await dialog(page).getByLabel(l.categoryName).fill(lang === 'zh-CN' ? '外卖' : 'Takeaway');
      await dialog(page).getByRole('button', { name: l.createCategory }).click();
      await expect(dialog(page)).toBeHidden();
      await page.getByRole('button', { name: l.setBudget }).first().click();
      await pickOption(page, dialog(page).getByLabel(l.budgetCategory), lang === 'zh-CN' ? '外卖' : 'Takeaway');
      await dialog(page).getByLabel(l.budgetAmount).fill('500');
      await dialog(page).getByRole('button', { name: l.save }).click();
      await expect(dialog(page)).toBeHidden();

      // Pay lunch and receive a refund, as the transactions view would record them.
      const { accounts } = await rpc<{ accounts: { id: string; name: string }[] }>(page, 'ledger/accounts', {});
      const card = accounts.find((a) => a.name === 'Everyday card')!;
      const { categories } = await rpc<{ categories: { id: string; name: string }[] }>(page, 'ledger/categories', {});
      const takeaway = categories.find((c) => c.name === (lang === 'zh-CN' ? '外卖' : 'Takeaway'))!;
      const today = new Date();
      const day = (offset: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - offset).toLocaleDateString('sv-SE');
      const lunch = { requestId: `lunch-${lang}`, kind: 'expense', accountId: card.id, amount: '35.50', currency: 'CNY', date: day(0), payee: 'Noodle bar', categoryId: takeaway.id };
      await rpc(page, 'ledger/recordTransaction', lunch);
      await rpc(page, 'ledger/recordTransaction', lunch); // a retry with the same request id records once
      await rpc(page, 'ledger/recordTransaction', { requestId: `salary-${lang}`, kind: 'income', accountId: card.id, amount: '200', currency: 'CNY', date: day(1), payee: 'Refund' });

      await expect(page.getByText(lang === 'zh-CN' ? '已用 ¥35.50 / ¥500.00' : 'CN¥35.50 of CN¥500.00').first()).toBeVisible();
      await expect(page.getByRole('img', { name: l.byCategory })).toBeVisible();
      await chartsDrawn(page);
      await shot('reports');

      // Balances follow: 1000 + 200 − 35.50 = 1164.50 on the card.
      await go('accounts');
      await selectAccount(page, /Everyday card/);
      await expect(page.getByTestId('account-balance')).toHaveText(cny('1,164.50'));
      const register = page.getByRole('table', { name: /Everyday card/ });
      await expect(register.getByRole('row', { name: /Noodle bar/ })).toContainText(cny('1,164.50'));
      await expect(register.getByRole('row')).toHaveCount(4); // header + two lines + the opening balance: the retry did not record twice
      await shot('accounts');

      // Reconcile: statement shows both lines, closing at 1164.50.
      await page.getByRole('button', { name: l.reconcile }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel(l.statementBalance).fill('1164.50');
      const finish = drawer.getByRole('button', { name: l.finish });
      await expect(finish).toBeDisabled();
      await drawer.getByRole('checkbox', { name: /Noodle bar/ }).check();
      await expect(finish).toBeDisabled(); // the refund is not ticked yet: difference ≠ 0
      await drawer.getByRole('checkbox', { name: /Refund/ }).check();
      await expect(drawer.getByTestId('reconcile-difference')).toContainText(cny('0.00'));
      await expect(finish).toBeEnabled();
      await shot('reconcile');
      await finish.click();
      await expect(drawer).toBeHidden();
      await expect(register.getByRole('row', { name: /Noodle bar/ })).toContainText(l.reconciled);
      await expect(register.getByRole('row', { name: /Refund/ })).toContainText(l.reconciled);
      // Reconciled means locked: the engine refuses to edit it.
      const lines = await rpc<{ rows: { id: string; payee: string }[] }>(page, 'ledger/register', { accountId: card.id });
      const locked = await rpcResult(page, 'ledger/amendTransaction', {
        requestId: `amend-${lang}`,
        transactionId: lines.rows.find((row) => row.payee === 'Noodle bar')!.id,
        amount: '36',
      });
      expect(locked).toMatchObject({ ok: false, messageKey: 'errors.reconciled_locked' });

      // Freeze (with a reason) and unfreeze Alipay.
      await selectAccount(page, /Alipay/);
      await page.getByRole('button', { name: l.freeze }).click();
      await expect(dialog(page)).toContainText('Alipay');
      await dialog(page).getByLabel(l.reason).fill(lang === 'zh-CN' ? '手机丢失' : 'phone lost');
      await dialog(page).getByRole('button', { name: l.freeze, exact: true }).click();
      await expect(accountEntry(page, /Alipay/)).toContainText(l.frozen);
      await expect(dialog(page)).toBeHidden();
      await shot('accounts-frozen');
      // Unfreezing asks for the password (security centre: freeze with proof).
      await page.getByRole('button', { name: l.unfreeze }).click();
      await page.getByRole('dialog').getByLabel(l.password).fill(PASSWORD);
      await page.getByRole('dialog').getByRole('button', { name: l.unfreeze, exact: true }).click();
      await expect(accountEntry(page, /Alipay/)).not.toContainText(l.frozen);

      // Dashboard: a rate an older version kept in this browser moves into the wallet once (then
      // leaves localStorage); net worth converts with it, and with a rate typed over it.
      expect(await rpc<{ rates: unknown[] }>(page, 'ledger/exchangeRates', {})).toEqual({ rates: [] });
      await page.evaluate(() => localStorage.setItem('onewallet.netWorth', JSON.stringify({ currency: null, rates: { 'USD/CNY': '7' } })));
      await go('dashboard');
      // 1164.50 + 250.50 + 100 × 7 = 2115.00
      await expect(page.getByText(cny('2,115.00'))).toBeVisible();
      await expect(page.getByLabel(l.rateUsd)).toHaveValue('7');
      await expect.poll(() => page.evaluate(() => localStorage.getItem('onewallet.netWorth'))).toBe(JSON.stringify({ currency: null }));
      expect(await rpc<{ rates: unknown[] }>(page, 'ledger/exchangeRates', {})).toEqual({ rates: [{ currency: 'USD', base: 'CNY', rate: '7' }] });
      await page.getByLabel(l.rateUsd).fill('7.1');
      await page.getByLabel(l.rateUsd).press('Enter');
      // 1164.50 + 250.50 + 100 × 7.1 = 2125.00
      await expect(page.getByText(cny('2,125.00'))).toBeVisible();
      await expect(page.getByText(l.missing)).toBeHidden();
      await expect(page.getByRole('list', { name: l.recent })).toContainText('Noodle bar');
      await shot('dashboard');

      // A long register pages and virtualizes: 600 lines, the oldest reachable by scrolling.
      const cash = await rpc<{ ids: string[] }>(page, 'ledger/openAccount', { requestId: `cash-${lang}`, name: 'Pocket cash', kind: 'cash', currency: 'CNY' });
      const seeded = await rpcBatch(
        page,
        'ledger/recordTransaction',
        Array.from({ length: 600 }, (_, i) => ({
          requestId: `cash-${lang}-${i}`,
          kind: 'income',
          accountId: cash.ids[0],
          amount: '1.00',
          currency: 'CNY',
          date: day(600 - i),
          payee: `Coin ${i + 1}`,
        })),
      );
      expect(seeded).toBe(600);
      await go('accounts');
      await selectAccount(page, /Pocket cash/);
      const cashRegister = page.getByRole('table', { name: /Pocket cash/ });
      await expect(cashRegister.getByRole('row', { name: /Coin 600/ })).toContainText(cny('600.00'));
      expect(await cashRegister.getByRole('row').count()).toBeLessThan(80); // only what is on screen is rendered
      await page.getByTestId('register-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(cashRegister.getByRole('row', { name: /Coin 1\b/ })).toContainText(cny('1.00'));
      await shot('register-long');

      // Dark theme keeps the views and the charts readable.
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('accounts-dark');
      await go('dashboard');
      await expect(page.getByText(cny('2,725.00'))).toBeVisible();
      await shot('dashboard-dark');
      await go('reports');
      await expect(page.getByRole('img', { name: l.byCategory })).toBeVisible();
      await chartsDrawn(page);
      await shot('reports-dark');
    } catch (error) {
      await shot('failure');
      throw error;
    } finally {
      await host.stop();
    }
  });
}

/** Picks an option and waits for the dropdown to close, so the next pick cannot land in it. */

test('the dashboard records a payment and a transfer without leaving the dashboard (en-US)', async ({ page }) => {
  const host = await startHost({ lang: 'en-US' });
  try {
    await page.goto(host.url);
    await createWalletViaUi(page, 'en-US');
    await addAccount(page, 'en-US', { name: 'Wallet cash', opening: '100' });
    await addAccount(page, 'en-US', { name: 'Savings jar', opening: '0', kind: 'Savings' });

    await page.getByRole('region', { name: 'Quick actions' }).getByRole('button', { name: 'Record a transaction' }).click();
    let form = dialog(page);
    await pickOption(page, form.getByLabel('Account', { exact: true }), 'Wallet cash');
    await form.getByLabel('Amount', { exact: true }).fill('12.50');
    await form.getByLabel('Payee').fill('Dumplings');
    await form.getByRole('button', { name: 'Record' }).click();
    await expect(form).toBeHidden();

    await page.getByRole('region', { name: 'Quick actions' }).getByRole('button', { name: 'Transfer' }).click();
    form = dialog(page);
    await pickOption(page, form.getByLabel('From account'), 'Wallet cash');
    await pickOption(page, form.getByLabel('To account'), 'Savings jar');
    await form.getByLabel('Amount', { exact: true }).fill('50');
    await form.getByRole('button', { name: 'Transfer' }).click();
    await expect(form).toBeHidden();

    // Still on the dashboard, and its cards show the new state.
    expect(['', '#/dashboard']).toContain(new URL(page.url()).hash);
    await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
    await expect(page.getByText('Dumplings')).toBeVisible();
    await expect(page.getByText('CN¥37.50').first()).toBeVisible();
    await expect(page.getByText('CN¥50.00').first()).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('closing an account: refused while it holds money, then closed and hidden, the total unchanged (en-US)', async ({ page }) => {
  const host = await startHost({ lang: 'en-US' });
  try {
    await page.goto(host.url);
    await createWalletViaUi(page, 'en-US');
    await addAccount(page, 'en-US', { name: 'Wallet cash', opening: '100' });
    await addAccount(page, 'en-US', { name: 'Old card', opening: '20' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Accounts', { exact: true }).click();
    const totals = page.getByRole('region', { name: 'Totals per currency' });
    await expect(totals).toContainText('CN¥120.00');

    // With 20.00 in it, the engine refuses and says why; nothing changes.
    await selectAccount(page, /Old card/);
    await page.getByRole('button', { name: 'Close account' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close account', exact: true }).click();
    await expect(page.getByText('The account “Old card” still holds 20.00 CNY. Move the money out before closing it.')).toBeVisible();
    await expect(accountEntry(page, /Old card/)).toBeVisible();

    // Emptied by a transfer (through the contract), it closes and leaves the list; the total stays.
    const accounts = await rpc<{ accounts: { id: string; name: string }[] }>(page, 'ledger/accounts', {});
    const id = (name: string) => accounts.accounts.find((account) => account.name === name)!.id;
    await rpc(page, 'ledger/recordTransfer', { requestId: 'empty-old-card', fromAccountId: id('Old card'), toAccountId: id('Wallet cash'), amount: '20', currency: 'CNY', date: '2026-11-20' });
    await selectAccount(page, /Old card/);
    await page.getByRole('button', { name: 'Close account' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close account', exact: true }).click();
    await expect(page.getByText('“Old card” is closed.')).toBeVisible();
    await expect(accountEntry(page, /Old card/)).toHaveCount(0);
    await expect(totals).toContainText('CN¥120.00');
    await expect(accountEntry(page, /Wallet cash/)).toContainText('120.00');
    // Still there for its history.
    await page.getByText('Show 1 closed account').click();
    await expect(accountEntry(page, /Old card/)).toBeVisible();
  } finally {
    await host.stop();
  }
});

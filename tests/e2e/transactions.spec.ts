/**
 * Transactions view end to end in browser mode, in both languages: record expenses, income and
 * transfers through the dialogs, see balances move, search and filter, edit, void and restore,
 * and see a refused payment (insufficient funds, frozen account, over-precise amount) explained
 * in the dialog with nothing recorded. A second test seeds 100k transactions and scrolls and
 * filters the virtualized list.
 *
 * Accounts and categories are set up through the real WebSocket contract from the page (the
 * Accounts UI is tested by its own spec); everything about transactions goes through the UI.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { join } from 'node:path';
import { rpcCalls, type WireResult } from './support/rpc';
import { pickOption } from './support/select';
import { startHost } from './support/host';
import { createWalletViaUi, PASSWORD } from './support/wallet';

const SHOTS = join(__dirname, '../.tmp/screenshots');

type Lang = 'en-US' | 'zh-CN';

const L = {
  'en-US': {
    nav: 'Transactions',
    add: 'Add transaction',
    transfer: 'Transfer',
    record: 'Record',
    save: 'Save changes',
    cancel: 'Cancel',
    discard: 'Discard',
    account: 'Account',
    amount: 'Amount',
    payee: 'Payee',
    category: 'Category',
    note: 'Note',
    fromAccount: 'From account',
    toAccount: 'To account',
    amountSent: 'Amount sent',
    amountReceived: 'Amount received',
    income: 'Income',
    search: 'Search transactions',
    filterAccounts: 'Filter by account',
    clear: 'Clear filters',
    noAccounts: 'Open an account first',
    none: 'No transactions yet',
    noMatches: 'No transactions match',
    all: 'All transactions',
    deleted: 'Recently deleted',
    count: (n: string) => new RegExp(`^${n} transactions?$`),
    more: (payee: string) => `More actions for “${payee}”`,
    edit: (payee: string) => `Edit “${payee}”`,
    restore: (payee: string) => `Restore “${payee}”`,
    del: 'Delete',
    history: 'History',
    historyTitle: 'Transaction history',
    recorded: 'Recorded',
    edited: 'Edited',
    deletedAction: 'Deleted',
    restored: 'Restored',
    insufficient: /Not enough money in “Cash”/,
    frozen: /The account “Frozen card” is frozen/,
    precision: /CNY amounts have at most 2 decimal places/,
    nothingDeleted: 'Nothing deleted',
    markPending: 'Mark as pending',
    pending: 'Pending',
    date: 'Date',
    close: 'Close',
    reconciled: 'Reconciled',
    viewLocked: 'View “Transfer from Bank” (locked)',
    viewOutgoing: 'View “Transfer to Dollar card” (locked)',
    // A transfer with a reconciled leg names that leg (issue 13: the UI says which leg is locked).
    lockedTitle: 'The USD leg is reconciled',
  },
  'zh-CN': {
    nav: '交易记录',
    add: '记一笔',
    transfer: '转账',
    record: '记录',
    save: '保存修改',
    cancel: '取消',
    discard: '放弃',
    account: '账户',
    amount: '金额',
    payee: '收付款方',
    category: '分类',
    note: '备注',
    fromAccount: '转出账户',
    toAccount: '转入账户',
    amountSent: '转出金额',
    amountReceived: '到账金额',
    income: '收入',
    search: '搜索交易',
    filterAccounts: '按账户筛选',
    clear: '清除筛选',
    noAccounts: '请先开设账户',
    none: '还没有交易',
    noMatches: '没有符合条件的交易',
    all: '全部交易',
    deleted: '最近删除',
    count: (n: string) => new RegExp(`^共 ${n} 笔交易$`),
    more: (payee: string) => `“${payee}”的更多操作`,
    edit: (payee: string) => `编辑“${payee}”`,
    restore: (payee: string) => `恢复“${payee}”`,
    del: '删除',
    history: '历史记录',
    historyTitle: '交易历史',
    recorded: '已记录',
    edited: '已修改',
    deletedAction: '已删除',
    restored: '已恢复',
    insufficient: /“Cash”余额不足/,
    frozen: /账户“Frozen card”已冻结/,
    precision: /CNY/,
    nothingDeleted: '没有已删除的交易',
    markPending: '标记为待入账',
    pending: '待入账',
    date: '日期',
    close: '关闭',
    reconciled: '已对账',
    viewLocked: '查看“来自Bank”（已锁定）',
    viewOutgoing: '查看“转至Dollar card”（已锁定）',
    lockedTitle: 'USD 一方已对账',
  },
} as const;

async function expectOk(results: WireResult[]): Promise<string[]> {
  for (const result of results) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return results.map((result) => (result.ok ? (result.value.ids?.[0] ?? '') : ''));
}

async function accountId(page: Page, name: string): Promise<string> {
  const [accounts] = await rpcCalls(page, [{ method: 'ledger/accounts', input: {} }]);
  const found = accounts?.ok ? (accounts.value.accounts as { id: string; name: string }[]).find((a) => a.name === name) : undefined;
  if (!found) throw new Error(`no account ${name}`);
  return found.id;
}

async function setUpAccounts(page: Page): Promise<void> {
  const id = () => crypto.randomUUID();
  await expectOk(
    await rpcCalls(page, [
      { method: 'ledger/openAccount', input: { requestId: id(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '500' } },
      { method: 'ledger/openAccount', input: { requestId: id(), name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '10000' } },
      { method: 'ledger/openAccount', input: { requestId: id(), name: 'Dollar card', kind: 'bank', currency: 'USD', openingBalance: '0' } },
      { method: 'ledger/openAccount', input: { requestId: id(), name: 'Frozen card', kind: 'bank', currency: 'CNY', openingBalance: '100' } },
    ]),
  );
  const [food] = await expectOk(await rpcCalls(page, [{ method: 'ledger/defineCategory', input: { requestId: id(), name: 'Food', kind: 'expense' } }]));
  await expectOk(
    await rpcCalls(page, [
      { method: 'ledger/defineCategory', input: { requestId: id(), name: 'Groceries', kind: 'expense', parentId: food } },
      { method: 'ledger/defineCategory', input: { requestId: id(), name: 'Salary', kind: 'income' } },
    ]),
  );
  const accounts = (await rpcCalls(page, [{ method: 'ledger/accounts', input: {} }]))[0]!;
  const frozen = accounts.ok ? (accounts.value.accounts as { id: string; name: string }[]).find((a) => a.name === 'Frozen card') : undefined;
  await expectOk(await rpcCalls(page, [{ method: 'ledger/freezeAccount', input: { requestId: id(), accountId: frozen!.id, reason: 'lost card' } }]));
}

/** The engine's reason, shown in red under the field it concerns (issue 13), not in a banner. */
function fieldError(d: Locator): Locator {
  // antd keeps the previous message in the DOM while it animates out (…-leave): only the current one counts.
  return d.locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)');
}

function dialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title') }).last();
}

async function chooseTree(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: option }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

function row(page: Page, text: string): Locator {
  return page.getByRole('table', { name: /./ }).getByRole('row').filter({ hasText: text });
}

async function count(page: Page, lang: Lang, n: string): Promise<void> {
  await expect(page.getByTestId('transaction-count')).toHaveText(L[lang].count(n));
}

/**
 * The balances the user is shown in the transaction dialog's account list (derived from the
 * ledger on every read), e.g. { Cash: '685.00' }; closes the dialog again without recording.
 */
async function expectBalances(page: Page, lang: Lang, expected: Record<string, string>): Promise<void> {
  const l = L[lang];
  await page.getByRole('button', { name: l.add }).first().click();
  const d = dialog(page);
  await d.getByLabel(l.account, { exact: true }).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  for (const [account, balance] of Object.entries(expected)) {
    // The one money format: a symbol (¥, CN¥, US$, $) right before the digits.
    const text = new RegExp(`^${account} · [A-Z]{0,2}[¥$]${balance.replace(/[.]/g, '\\.')}$`);
    await expect(options.filter({ hasText: text }), `${account} shows ${balance}`).toHaveCount(1);
  }
  // Escape closes the list; on a slow machine the same Escape can reach the untouched dialog and close
  // it too. Either way the state to wait for is "no list open", then close what is still there.
  await page.keyboard.press('Escape');
  await expect(options.first()).toBeHidden();
  if (await d.isVisible()) await d.getByRole('button', { name: l.cancel }).click();
  await expect(d).toBeHidden();
}

async function recordExpense(page: Page, lang: Lang, fields: { account?: string; amount: string; payee: string; category?: string; income?: boolean }) {
  const l = L[lang];
  await page.getByRole('button', { name: l.add }).first().click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  if (fields.income) await d.locator('label.ant-radio-button-wrapper', { hasText: l.income }).click();
  if (fields.account) await pickOption(page, d.getByLabel(l.account, { exact: true }), new RegExp(`^${fields.account} ·`));
  await d.getByLabel(l.amount, { exact: true }).fill(fields.amount);
  await d.getByLabel(l.payee, { exact: true }).fill(fields.payee);
  if (fields.category) await chooseTree(page, d.getByLabel(l.category, { exact: true }), fields.category);
  await d.getByRole('button', { name: l.record }).click();
  return d;
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`record, transfer, search, edit, void and restore (${lang})`, async ({ page }) => {
    // About two minutes on an idle machine; the guard leaves room for a loaded one.
    test.setTimeout(12 * 60_000);
    const l = L[lang];
    const host = await startHost({ lang });
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `transactions-${name}-${lang}.png`) });
    try {
      await page.goto(host.url);
      await createWalletViaUi(page, lang);
      await page.getByRole('navigation').getByText(l.nav, { exact: true }).click();
      await expect(page.getByText(l.noAccounts)).toBeVisible();
      await shot('no-accounts');

      await setUpAccounts(page);
      await expect(page.getByText(l.none)).toBeVisible();
      await shot('empty');

      // An expense, from the empty state's own button.
      let d = await recordExpense(page, lang, { account: 'Cash', amount: '12.50', payee: 'Coffee Lab', category: 'Groceries' });
      await expect(d).toBeHidden();
      await expect(row(page, 'Coffee Lab')).toContainText('Food › Groceries');
      await expect(row(page, 'Coffee Lab')).toContainText('12.50');
      await count(page, lang, '1');

      // Income into the bank; the dialog shows each account's balance, derived from the ledger.
      d = await recordExpense(page, lang, { account: 'Bank', amount: '3,000', payee: 'ACME Payroll', category: 'Salary', income: true });
      await expect(d).toBeHidden();
      await expect(row(page, 'ACME Payroll')).toContainText('3,000.00');

      // Transfer in one currency, then across currencies (a second amount appears).
      await page.getByRole('button', { name: l.transfer, exact: true }).click();
      d = dialog(page);
      await pickOption(page, d.getByLabel(l.fromAccount), /^Bank ·/);
      await pickOption(page, d.getByLabel(l.toAccount), /^Cash ·/);
      await expect(d.getByLabel(l.amountReceived)).toHaveCount(0);
      await d.getByLabel(l.amount, { exact: true }).fill('200');
      await d.getByRole('button', { name: l.transfer, exact: true }).click();
      await expect(d).toBeHidden();
      // One transfer, one row (issue 13): the receiving leg is not a second line.
      await expect(row(page, 'Bank → Cash')).toHaveCount(1);
      await expect(row(page, 'Cash ← Bank')).toHaveCount(0);

      await page.getByRole('button', { name: l.transfer, exact: true }).click();
      d = dialog(page);
      await pickOption(page, d.getByLabel(l.fromAccount), /^Bank ·/);
      await pickOption(page, d.getByLabel(l.toAccount), /^Dollar card ·/);
      await d.getByLabel(l.amountSent).fill('710');
      await d.getByLabel(l.amountReceived).fill('100');
      await shot('transfer-dialog');
      await d.getByRole('button', { name: l.transfer, exact: true }).click();
      await expect(d).toBeHidden();
      // Across currencies the one row shows both amounts: what left and what arrived.
      await expect(row(page, 'Bank → Dollar card')).toContainText(/-(CN)?¥710\.00\s*→ \+(US)?\$100\.00/);
      await expect(row(page, 'Dollar card ← Bank')).toHaveCount(0);
      await count(page, lang, '4');
      // The bill: the filter's sum above the list and the month's header (transfers are neither spent nor income).
      await expect(page.getByTestId('bill-spent')).toContainText(/(CN)?¥12\.50$/);
      await expect(page.getByTestId('bill-income')).toContainText(/(CN)?¥3,000\.00$/);
      await expect(page.getByTestId('bill-net')).toContainText(/\+(CN)?¥2,987\.50$/);
      await expect(page.getByTestId('bill-month')).toHaveCount(1);
      await expect(page.getByTestId('bill-month')).toContainText(new RegExp(l.count('4').source.slice(1, -1)));
      await expect(page.getByTestId('bill-month-spent')).toContainText(/(CN)?¥12\.50$/);

      // Balances in the one money format (CN¥ in en-US, ¥ in zh-CN): Cash 500 − 12.50 + 200 = 687.50; Bank 10000 + 3000 − 200 − 710 = 12,090.00.
      await page.getByRole('button', { name: l.add }).first().click();
      d = dialog(page);
      await d.getByLabel(l.account, { exact: true }).click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect(options.filter({ hasText: /^Cash · (CN)?¥687\.50$/ })).toHaveCount(1);
      await expect(options.filter({ hasText: /^Bank · (CN)?¥12,090\.00$/ })).toHaveCount(1);
      await expect(options.filter({ hasText: /^Dollar card · (US)?\$100\.00$/ })).toHaveCount(1);
      await page.keyboard.press('Escape');

      // Refused payments: the engine's translated reason shows in the dialog, nothing is recorded.
      await pickOption(page, d.getByLabel(l.account, { exact: true }), /^Cash ·/);
      await d.getByLabel(l.amount, { exact: true }).fill('99999');
      await d.getByLabel(l.payee, { exact: true }).fill('Too expensive');
      await d.getByRole('button', { name: l.record }).click();
      await expect(fieldError(d).filter({ hasText: l.insufficient })).toBeVisible();
      await shot('error-insufficient');
      await d.getByLabel(l.amount, { exact: true }).fill('0.001');
      await d.getByRole('button', { name: l.record }).click();
      await expect(fieldError(d).filter({ hasText: l.precision })).toBeVisible();
      await pickOption(page, d.getByLabel(l.account, { exact: true }), /^Frozen card ·/);
      await d.getByLabel(l.amount, { exact: true }).fill('5');
      await d.getByRole('button', { name: l.record }).click();
      await expect(fieldError(d).filter({ hasText: l.frozen })).toBeVisible();
      await shot('error-frozen');
      await pickOption(page, d.getByLabel(l.account, { exact: true }), /^Cash ·/);
      const date = d.getByLabel(l.date, { exact: true });
      await date.click();
      await date.fill('1969-12-31');
      await date.press('Enter');
      await d.getByRole('button', { name: l.record }).click();
      await expect(fieldError(d).filter({ hasText: '1970-01-01' })).toBeVisible();
      await d.getByRole('button', { name: l.cancel }).click();
      // Something was typed: closing asks first.
      await page.getByRole('button', { name: l.discard }).click();
      await expect(d).toBeHidden();
      await expect(row(page, 'Too expensive')).toHaveCount(0);
      await count(page, lang, '4');

      // Search and filter.
      await page.getByLabel(l.search).fill('coffee');
      await count(page, lang, '1');
      await expect(row(page, 'Coffee Lab')).toHaveCount(1);
      await page.getByLabel(l.search).fill('groceries');
      await count(page, lang, '1');
      await page.getByLabel(l.search).fill('nothing like this');
      await expect(page.getByText(l.noMatches)).toBeVisible();
      await page.getByRole('button', { name: l.clear }).first().click();
      await count(page, lang, '4');
      await pickOption(page, page.getByLabel(l.filterAccounts), 'Dollar card', { multiple: true });
      await count(page, lang, '1');
      await page.getByRole('button', { name: l.clear }).first().click();
      await count(page, lang, '4');
      await shot('list');

      // Edit (an amendment): 12.50 → 15.00.
      await page.getByRole('button', { name: l.edit('Coffee Lab') }).click();
      d = dialog(page);
      await d.getByLabel(l.amount, { exact: true }).fill('15.00');
      await d.getByRole('button', { name: l.save }).click();
      await expect(d).toBeHidden();
      await expect(row(page, 'Coffee Lab')).toContainText('15.00');
      // The amendment moved the balance: Cash 500 − 15.00 + 200 = 685.00.
      await expectBalances(page, lang, { Cash: '685.00', Bank: '12,090.00' });

      // Status.
      await page.getByRole('button', { name: l.more('Coffee Lab') }).click();
      await page.getByRole('menuitem', { name: l.markPending }).click();
      await expect(row(page, 'Coffee Lab')).toContainText(l.pending);

      // Void → recently deleted → restore.
      await page.getByRole('button', { name: l.more('Coffee Lab') }).click();
      await page.getByRole('menuitem', { name: l.del }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: l.del }).click();
      await expect(row(page, 'Coffee Lab')).toHaveCount(0);
      await count(page, lang, '3');
      // Deleting gives the 15.00 back: Cash 700.00.
      await expectBalances(page, lang, { Cash: '700.00' });
      await page.getByRole('tab', { name: new RegExp(l.deleted) }).click();
      await expect(row(page, 'Coffee Lab')).toHaveCount(1);
      await shot('recently-deleted');
      await page.getByRole('button', { name: l.restore('Coffee Lab') }).click();
      await expect(page.getByText(l.nothingDeleted)).toBeVisible();
      await page.getByRole('tab', { name: l.all }).click();
      await count(page, lang, '4');
      await expect(row(page, 'Coffee Lab')).toContainText('15.00');
      // Restoring takes it again: Cash 685.00.
      await expectBalances(page, lang, { Cash: '685.00' });

      // History shows every event of the line.
      await page.getByRole('button', { name: l.more('Coffee Lab') }).click();
      await page.getByRole('menuitem', { name: l.history }).click();
      const drawer = page.getByRole('dialog', { name: l.historyTitle });
      for (const action of [l.recorded, l.edited, l.deletedAction, l.restored]) {
        await expect(drawer.getByText(action, { exact: true }).first()).toBeVisible();
      }
      await page.waitForTimeout(500); // let the drawer finish sliding in before the picture
      await shot('history');
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();

      // Reconcile the dollar card's line (through the contract, as the reconcile UI would): it locks.
      // That leg is the transfer's row when the list is narrowed to the dollar card.
      await pickOption(page, page.getByLabel(l.filterAccounts), 'Dollar card', { multiple: true });
      await count(page, lang, '1');
      const legId = await row(page, 'Dollar card ← Bank').getAttribute('data-id');
      await expectOk(
        await rpcCalls(page, [
          {
            method: 'ledger/reconcile',
            input: { requestId: crypto.randomUUID(), accountId: await accountId(page, 'Dollar card'), statementDate: '2100-12-31', statementBalance: '100', clearedTransactionIds: [legId] },
          },
        ]),
      );
      await expect(row(page, 'Dollar card ← Bank')).toContainText(l.reconciled);
      await page.getByRole('button', { name: l.viewLocked }).click();
      d = dialog(page);
      await expect(d.getByText(l.lockedTitle)).toBeVisible();
      await expect(d.getByRole('button', { name: l.save })).toBeHidden();
      // Opened from the incoming leg: what arrived is known (100 USD), what left is kept as recorded.
      await expect(d.getByLabel(l.amountReceived)).toHaveValue('100.00');
      await expect(d.getByLabel(l.amountSent)).toHaveValue('');
      await page.waitForTimeout(400); // the dialog's zoom-in animation
      await shot('locked');
      await d.getByRole('button', { name: l.close }).last().click();
      await expect(d).toBeHidden();
      await page.getByRole('button', { name: l.clear }).first().click();
      await count(page, lang, '4');
      // The transfer's one row (its outgoing leg) is locked too: it offers View, and the dialog names the reconciled leg.
      await page.getByRole('button', { name: l.viewOutgoing }).click();
      d = dialog(page);
      await expect(d.getByText(l.lockedTitle)).toBeVisible();
      await expect(d.getByRole('button', { name: l.save })).toBeHidden();
      await expect(d.getByLabel(l.amountSent)).toBeDisabled();
      await d.getByRole('button', { name: l.close }).last().click();
      await expect(d).toBeHidden();
      await expect(row(page, 'Bank → Dollar card')).toContainText('710.00');
      // Nothing changed a balance.
      await expectBalances(page, lang, { Bank: '12,090.00', 'Dollar card': '100.00' });
    } finally {
      await host.stop();
    }
  });
}

/** 100k as the issue asks; ONEWALLET_E2E_SEED lowers it for a quick local run. */
const SEED_TOTAL = Number(process.env.ONEWALLET_E2E_SEED ?? 100_000);
const SEED_LABEL = SEED_TOTAL.toLocaleString('en-US');

/**
 * Seeds transactions through the real contract: `ledger/recordTransaction` over a WebSocket from
 * the page, many requests in flight at once. Every one is a validated, durable journal append.
 */

/** The seeded lines as the seed function builds them (date and signed minor amount), to predict counts. */
function seeded(): { date: string; minor: number }[] {
  return Array.from({ length: SEED_TOTAL }, (_, i) => {
    const magnitude = ((i * 37) % 50_000) + 1;
    return {
      date: new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10),
      minor: i % 10 === 5 ? magnitude : -magnitude,
    };
  });
}

test(`a long list: ${SEED_LABEL} seeded transactions scroll and filter`, async ({ page }) => {
  test.setTimeout(20 * 60_000);
  const lang = 'en-US';
  const l = L[lang];
  // The wallet is written before the host starts (support/seed-wallet.ts): one durable request per
  // line through the contract would spend the whole CI budget on fsyncs.
  const seedStarted = Date.now();
  const host = await startHost({ lang, seed: { transactions: SEED_TOTAL, password: PASSWORD } });
  console.log(`seeded ${SEED_TOTAL} transactions in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
  try {
    await page.goto(host.url);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 60_000 });

    await page.getByRole('navigation').getByText(l.nav, { exact: true }).click();
    await count(page, lang, SEED_LABEL);
    await expect(page.getByTestId('transaction-row').first()).toBeVisible();
    // The bill's month sections are in once the engine's month counts match the list.
    await expect(page.getByTestId('bill-month').first()).toBeVisible();
    await page.screenshot({ path: join(SHOTS, `transactions-long-list-${lang}.png`) });

    // Only what is on screen is in the DOM.
    expect(await page.getByTestId('transaction-row').count()).toBeLessThan(120);

    // Jump to the very end: the oldest line (2015-01-01) arrives without loading the rest.
    const scroller = page.getByTestId('transaction-scroller');
    const started = Date.now();
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.getByTestId('transaction-row').filter({ hasText: 'Jan 1, 2015' }).last()).toBeVisible();
    console.log(`end of the list shown in ${Date.now() - started} ms`);
    // The last row's index counts the month headers above it (the table's row count says how many).
    const lastIndex = () => page.getByRole('table', { name: l.all }).getAttribute('aria-rowcount');
    expect(Number(await lastIndex())).toBeGreaterThan(SEED_TOTAL + 1);
    await expect(page.locator(`[role="row"][aria-rowindex="${await lastIndex()}"]`)).toContainText('Jan 1, 2015');

    // And the middle, by scrolling in steps like a wheel would.
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 2000);
    await expect(page.locator('.ow-tx-row-loading')).toHaveCount(0);

    // Filter: 1 in 100 is Starbucks.
    await page.getByLabel(l.search).fill('starbucks');
    await count(page, lang, (SEED_TOTAL / 100).toLocaleString('en-US'));
    await expect(page.getByTestId('transaction-row').first()).toContainText('Starbucks');
    await expect(page.getByTestId('bill-month').first()).toBeVisible();
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.locator(`[role="row"][aria-rowindex="${await lastIndex()}"]`)).toContainText('Starbucks');

    // Narrow to 2015, then to large amounts, then sort by amount: counts match the seeded data.
    await page.getByLabel(l.search).fill('');
    await count(page, lang, SEED_LABEL);
    const rangeStart = page.getByPlaceholder('From date');
    await rangeStart.click();
    await rangeStart.fill('2015-01-01');
    await rangeStart.press('Enter');
    const rangeEnd = page.getByPlaceholder('To date');
    await rangeEnd.fill('2015-12-31');
    await rangeEnd.press('Enter');
    const in2015 = seeded().filter((line) => line.date <= '2015-12-31');
    await count(page, lang, in2015.length.toLocaleString('en-US'));
    await page.getByLabel('Min amount').fill('450');
    const large = in2015.filter((line) => Math.abs(line.minor) >= 45_000);
    expect(large.length).toBeGreaterThan(0);
    await count(page, lang, large.length.toLocaleString('en-US'));
    await pickOption(page, page.getByLabel('Sort by'), 'Sort: Amount');
    await page.getByRole('button', { name: /^Descending/ }).click();
    const smallest = Math.min(...large.map((line) => line.minor));
    const expected = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY' }).format(smallest / 100);
    await expect(page.getByTestId('transaction-row').first()).toContainText(expected);
    await page.screenshot({ path: join(SHOTS, `transactions-long-list-filtered-${lang}.png`) });
  } finally {
    await host.stop();
  }
});

/**
 * Issue #13, "wrong or misleading numbers" in real Chromium: budget roll-up on the dashboard and
 * in reports. State the test is not about is set up through the contract (support/rpc).
 */
import { expect, test, type Page } from './support/test';
import { startHost, type RunningHost } from './support/host';
import { rpc } from './support/rpc';
import { createWalletViaUi } from './support/wallet';

const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);

async function withWallet(page: Page, body: (host: RunningHost) => Promise<void>) {
  const host = await startHost({ lang: 'en-US' });
  try {
    await page.goto(host.url);
    await createWalletViaUi(page, 'en-US');
    await body(host);
  } finally {
    await host.stop();
  }
}

test('budget totals count a child budget inside its parent and each expense once', async ({ page }) => {
  await withWallet(page, async () => {
    const cash = (await rpc<{ ids: string[] }>(page, 'ledger/openAccount', { requestId: 'cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2020-01-01' })).ids[0];
    const category = async (name: string, parentId?: string) =>
      (await rpc<{ ids: string[] }>(page, 'ledger/defineCategory', { requestId: `c-${name}`, name, kind: 'expense', ...(parentId ? { parentId } : {}) })).ids[0]!;
    const food = await category('Food');
    const coffee = await category('Coffee', food);
    const transport = await category('Transport');
    for (const [categoryId, amount] of [[food, '1000'], [coffee, '100'], [transport, '30']] as const) {
      await rpc(page, 'ledger/setBudget', { requestId: `b-${categoryId}`, categoryId, month, amount, currency: 'CNY' });
    }
    for (const [categoryId, amount] of [[coffee, '42'], [transport, '45']] as const) {
      await rpc(page, 'ledger/recordTransaction', { requestId: `t-${categoryId}`, kind: 'expense', accountId: cash, amount, currency: 'CNY', date: today, categoryId });
    }
    await page.evaluate(() => (window.location.hash = '#/dashboard'));
    const total = page.getByText('All budgets (CNY)').locator('xpath=../..');
    await expect(total).toContainText('87.00 of');
    await expect(total).toContainText('1,030.00');
    await expect(page.getByText('Includes Coffee')).toBeVisible();
    await expect(page.getByText('Part of the Food budget')).toBeVisible();
  });
});

test('merge preview says what the wallet changed since the backup; full restore says what it loses', async ({ page }) => {
  await withWallet(page, async () => {
    const cash = (await rpc<{ ids: string[] }>(page, 'ledger/openAccount', { requestId: 'cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2020-01-01' })).ids[0];
    const spend = async (payee: string) =>
      (await rpc<{ ids: string[] }>(page, 'ledger/recordTransaction', { requestId: `t-${payee}`, kind: 'expense', accountId: cash, amount: '12.5', currency: 'CNY', date: today, payee })).ids[0]!;
    const lunch = await spend('Noodle House');
    await spend('Metro');
    const { file } = await rpc<{ file: string }>(page, 'backup/create', {});
    await rpc(page, 'ledger/voidTransaction', { requestId: 'void-lunch', transactionId: lunch });
    await spend('Bakery');

    await page.evaluate(() => (window.location.hash = '#/backup'));
    await page.getByRole('button', { name: `Restore from backup ${file}` }).click();
    const d = page.getByRole('dialog');
    await d.getByRole('button', { name: 'Preview what is missing' }).click();
    const differs = d.getByTestId('merge-differences');
    await expect(differs).toContainText('Nothing is missing, but your wallet differs from this backup');
    await expect(differs).toContainText('Deleted since the backup: 1');
    await expect(differs).toContainText('Noodle House');
    await expect(differs).not.toContainText('Bakery'); // a merge keeps new lines: no difference to report
    await expect(d.getByText('Nothing is missing: your wallet already has everything in this backup.')).toHaveCount(0);

    await d.getByText('Replace the wallet with this backup', { exact: true }).click();
    const loses = d.getByTestId('restore-loses');
    await expect(loses).toContainText('Replacing the wallet loses what it recorded or changed after this backup');
    await expect(loses).toContainText('Recorded since the backup: 1');
    await expect(loses).toContainText('Bakery');
    await expect(loses).toContainText('Deleted since the backup: 1');
  });
});

/** Ids that more than one element carries: a label's `for` then points at the wrong input. */
async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const element of Array.from(document.querySelectorAll('[id]'))) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    return [...counts].filter(([, count]) => count > 1).map(([id]) => id);
  });
}

test('no view has two elements with one id; the key-file form labels its own inputs', async ({ page }) => {
  await withWallet(page, async () => {
    await rpc(page, 'ledger/openAccount', { requestId: 'cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '10' });
    for (const route of ['dashboard', 'accounts', 'transactions', 'reports', 'import', 'backup', 'security', 'crashes', 'settings']) {
      await page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
      await expect(page.getByRole('main')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await duplicateIds(page), route).toEqual([]);
    }
    // Both forms have a "Current password": each label names its own box.
    const current = page.getByLabel('Current password', { exact: true });
    await expect(current).toHaveCount(2);
  });
});

test('"Make a new recovery key" with no password: a field error, no uncaught rejection', async ({ page }) => {
  await withWallet(page, async () => {
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.getByRole('button', { name: 'Make a new recovery key' }).click();
    await expect(page.locator('form[id="keys"] .ant-form-item-explain-error')).toHaveText('Current password');
  });
});

// The key file kept-password / alert / recovery-drop checks live in wallet.spec's key-file test.

test('recovery retry after a mistyped group: passwords kept together, the old alert goes, the corrected key works', async ({ page }) => {
  const host = await startHost({ lang: 'en-US' });
  try {
    await page.goto(host.url);
    const key = await createWalletViaUi(page, 'en-US');
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByText('Forgot your password? Use your recovery key').click();
    const groups = key.split('-');
    const third = groups[2]!;
    groups[2] = (third[0] === 'A' ? 'B' : 'A') + third.slice(1);
    await page.getByLabel('Recovery key').fill(groups.join('-'));
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase 2026');
    await page.getByLabel('Repeat the new password').fill('a brand new passphrase 2026');
    await page.getByRole('button', { name: 'Reset password and unlock' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /Group 3/ });
    await expect(alert).toBeVisible();
    // The new password was fine: both boxes keep it (never one without the other).
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('a brand new passphrase 2026');
    await expect(page.getByLabel('Repeat the new password')).toHaveValue('a brand new passphrase 2026');
    await page.getByLabel('Recovery key').fill(key);
    await expect(alert).toHaveCount(0);
    await page.getByRole('button', { name: 'Reset password and unlock' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

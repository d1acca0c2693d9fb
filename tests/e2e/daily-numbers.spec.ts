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

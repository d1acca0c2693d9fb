/**
 * The import wizard end to end in browser mode, in both languages: an Alipay bill and an OFX file
 * go through the wizard (file → account → detected format → preview counts → import), the same
 * Alipay bill again is all duplicates, "undo this import" and the history's undo put every balance
 * back to what it was. A QIF with [Account] transfers shows the account each goes to ("needs an
 * account" for one the wallet lacks, until it is chosen) and its category mapping (changed in the
 * preview), and imports exactly. Accounts are opened through the real WebSocket contract from the page; the
 * import goes through the UI. Screenshots of the preview are saved for both languages and themes
 * at two sizes, and axe finds no serious or critical violation on it.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { startHost } from './support/host';
import { pickOption } from './support/select';
import { createWalletViaUi } from './support/wallet';
import { seriousViolations } from './support/axe';
import { rpc } from './support/rpc';

const SHOTS = join(__dirname, '../.tmp/screenshots');
const FIXTURES = join(__dirname, '../fixtures/import');

const L = {
  'en-US': { dashboard: 'Dashboard', nav: 'Import', account: 'Account the statement belongs to', preview: 'Preview the import', undo: 'Undo this import', imported: /rows imported/, nothing: /Nothing new to import/, historyUndo: /^Undo the import of/, card: /^Credit card ···1111/, agrees: 'the same as the wallet', food: 'Food', needs: 'Needs an account', uncategorized: 'Uncategorized' },
  'zh-CN': { dashboard: '总览', nav: '导入', account: '账单所属账户', preview: '预览导入', undo: '撤销此次导入', imported: /行已在钱包中|已导入/, nothing: /没有新的内容可导入/, historyUndo: /^撤销 .* 的导入$/, card: /^信用卡 ···1111/, agrees: '与钱包一致', food: '餐饮', needs: '需要选择账户', uncategorized: '未分类' },
} as const;

async function balances(page: Page): Promise<Record<string, number>> {
  const { accounts } = await rpc<{ accounts: { name: string; balanceMinor: number }[] }>(page, 'ledger/accounts', {});
  return Object.fromEntries(accounts.map((a) => [a.name, a.balanceMinor]));
}

async function openAccount(page: Page, name: string, currency: string, kind = 'ewallet'): Promise<void> {
  await rpc(page, 'ledger/openAccount', { requestId: crypto.randomUUID(), name, kind, currency, openingBalance: '100' });
}

/** Chooses the account and the file, waits for the detection, makes the preview. */
async function previewFile(page: Page, lang: 'en-US' | 'zh-CN', account: RegExp, file: string): Promise<void> {
  const l = L[lang];
  await pickOption(page, page.getByLabel(l.account, { exact: true }), account);
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, file));
  await expect(page.getByTestId('import-detected-rows')).not.toHaveText('0');
  await page.getByTestId('import-make-preview').click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

const count = (page: Page, id: string) => page.getByTestId(id).locator('.ant-statistic-content-value');

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`import an Alipay bill and an OFX file, re-import, undo (${lang})`, async ({ page }) => {
    test.setTimeout(240_000);
    const l = L[lang];
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const host = await startHost({ lang });
    try {
      await page.goto(host.url);
      await createWalletViaUi(page, lang);
      await openAccount(page, 'Alipay', 'CNY');
      await openAccount(page, 'Checking', 'EUR', 'bank');
      await openAccount(page, 'Savings', 'EUR', 'bank');
      await openAccount(page, 'Card', 'EUR', 'bank');
      await rpc(page, 'ledger/addStarterCategories', { requestId: crypto.randomUUID(), language: lang });
      const before = await balances(page);
      await page.getByRole('navigation').getByText(l.nav, { exact: true }).click();

      // Alipay: 6 rows, one of them neutral (left out by default) → 5 new.
      await previewFile(page, lang, /^Alipay \(CNY\)$/, 'alipay-app.csv');
      await expect(count(page, 'count-new')).toHaveText('5');
      await expect(count(page, 'count-duplicate')).toHaveText('0');
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        for (const [w, h] of [[1024, 640], [1920, 1080]] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.screenshot({ path: join(SHOTS, 'views', `import-preview-${lang}-${theme}-${w}x${h}.png`), fullPage: true });
        }
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('import-commit').click();
      await expect(page.getByTestId('import-summary')).toContainText(l.imported);
      const afterAlipay = await balances(page);
      expect(afterAlipay.Alipay).toBe(before.Alipay! - 133100 + 10001 + 2990);

      // The same bill again: every row is already in the wallet.
      await previewFile(page, lang, /^Alipay \(CNY\)$/, 'alipay-app.csv');
      await expect(count(page, 'count-new')).toHaveText('0');
      await expect(count(page, 'count-duplicate')).toHaveText('5');
      await expect(page.getByTestId('import-commit')).toBeDisabled();

      // OFX v1 (windows-1252, EUR): 4 new.
      await previewFile(page, lang, /^Checking \(EUR\)$/, 'ofx-v1-1252.ofx');
      await expect(count(page, 'count-new')).toHaveText('4');
      await page.getByTestId('import-commit').click();
      await expect(page.getByTestId('import-summary')).toContainText(l.imported);
      expect((await balances(page)).Checking).toBe(before.Checking! - 273906 + 523412);
      // The statement's own closing balance (LEDGERBAL 3,758.61 on 2024-01-31) beside the wallet's 2,595.06.
      await expect(page.getByTestId('import-statement-balance')).toContainText('3,758.61');
      await expect(page.getByTestId('import-statement-balance')).toContainText('2,595.06');

      // Undo the OFX import from the summary, the Alipay import from the history.
      await page.getByTestId('import-undo').click();
      await expect.poll(async () => (await balances(page)).Checking).toBe(before.Checking);

      // QIF with [Account] transfers: [Savings] is the account of that name; [Visa] names none, so its
      // row needs an account until one is chosen; "Dining" matches no category until one is chosen.
      await previewFile(page, lang, /^Checking \(EUR\)$/, 'qif-transfers-checking.qif');
      await expect(count(page, 'count-new')).toHaveText('2');
      const transfers = page.getByTestId('import-transfer-accounts');
      await expect(transfers.getByRole('row').filter({ hasText: '[Visa]' })).toContainText(l.needs);
      await expect(transfers.getByRole('row').filter({ hasText: '[Savings]' })).toContainText('Savings');
      const categories = page.getByTestId('import-categories');
      await expect(categories.getByRole('row').filter({ hasText: 'Dining' })).toContainText(l.uncategorized);
      await page.screenshot({ path: join(SHOTS, 'views', `import-qif-needs-account-${lang}.png`), fullPage: true });
      await pickOption(page, transfers.getByRole('row').filter({ hasText: '[Visa]' }).getByRole('combobox'), /^Card$/);
      await expect(count(page, 'count-new')).toHaveText('3');
      await pickOption(page, categories.getByRole('row').filter({ hasText: 'Dining' }).getByRole('combobox'), l.food);
      await expect(page.getByTestId('import-rows').getByRole('row').filter({ hasText: 'Bakery' })).toContainText(l.food);
      await expect(transfers).not.toContainText(l.needs);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(SHOTS, 'views', `import-qif-mapping-${lang}.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('import-commit').click();
      await expect(page.getByTestId('import-summary')).toContainText(l.imported);
      const afterQif = await balances(page);
      expect([afterQif.Checking! - before.Checking!, afterQif.Savings! - before.Savings!, afterQif.Card! - before.Card!]).toEqual([-30000 - 4500 - 1250, 30000, 4500]);
      await page.getByTestId('import-undo').click();
      await expect.poll(async () => (await balances(page)).Checking).toBe(before.Checking);

      // A QFX holding two bank accounts and a card: the wizard asks which one; the card's two charges
      // (-321.09 from an opening of 0) come in and its closing balance agrees with the wallet's.
      await rpc(page, 'ledger/openAccount', { requestId: crypto.randomUUID(), name: 'Visa', kind: 'credit', currency: 'USD', openingBalance: '0', creditLimit: '5000' });
      // Away and back: the wizard starts afresh and its account list has the new card.
      await page.getByRole('navigation').getByText(l.dashboard, { exact: true }).click();
      await page.getByRole('navigation').getByText(l.nav, { exact: true }).click();
      await pickOption(page, page.getByLabel(l.account, { exact: true }), /^Visa \(USD\)$/);
      await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'ofx-v2-multi.qfx'));
      const choice = page.getByTestId('import-statement-account');
      await expect(choice.getByRole('radio')).toHaveCount(3);
      await choice.getByText(l.card).click();
      await page.screenshot({ path: join(SHOTS, 'views', `import-statement-account-${lang}.png`), fullPage: true });
      await page.getByTestId('import-make-preview').click();
      await expect(count(page, 'count-new')).toHaveText('2');
      await page.getByTestId('import-commit').click();
      await expect(page.getByTestId('import-summary')).toContainText(l.imported);
      await expect(page.getByTestId('import-statement-balance')).toContainText(l.agrees);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'views', `import-statement-balance-${lang}.png`), fullPage: true });
      expect((await balances(page)).Visa).toBe(-32109);
      await page.getByTestId('import-undo').click();
      await expect.poll(async () => (await balances(page)).Visa).toBe(0);
      await page.getByRole('button', { name: l.historyUndo }).filter({ hasText: /./ }).last().click();
      await expect.poll(async () => balances(page)).toEqual({ ...before, Visa: 0 });
      expect(pageErrors).toEqual([]);
    } finally {
      await host.stop();
    }
  });
}

// A real-sized statement through the wizard: ~300 KiB and 7,000 rows uploaded from the page, counted,
// imported to the cent and found again as duplicates. At this size the host parses in its worker thread
// (out/main/import-parse-worker.cjs) and falls back to parsing in place if the worker fails, with the
// same answer either way; which path answered is checked in tests/import/parse-off-loop.test.ts.
test('a statement of 7,000 rows (over 256 KiB) imports exactly through the wizard; again, all duplicates (en-US)', async ({ page }) => {
  test.setTimeout(240_000);
  const l = L['en-US'];
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const rows = 7_000;
  const lines = ['Date,Payee,Memo,Amount,Category,Transaction ID'];
  let totalCents = 0;
  for (let n = 1; n <= rows; n++) {
    const cents = (n % 97) + 1;
    totalCents += cents;
    const day = String((n % 28) + 1).padStart(2, '0');
    lines.push(`2024-03-${day},Corner shop ${n % 50},weekly groceries ${n},-${(cents / 100).toFixed(2)},Dining,BIG${n}`);
  }
  const text = `${lines.join('\n')}\n`;
  expect(Buffer.byteLength(text)).toBeGreaterThan(256 * 1024);
  const file = { name: 'big-statement.csv', mimeType: 'text/csv', buffer: Buffer.from(text) };
  const host = await startHost({ lang: 'en-US' });
  try {
    await page.goto(host.url);
    await createWalletViaUi(page, 'en-US');
    await openAccount(page, 'Checking', 'EUR', 'bank');
    const before = await balances(page);
    await page.getByRole('navigation').getByText(l.nav, { exact: true }).click();
    for (const round of ['first', 'again'] as const) {
      await pickOption(page, page.getByLabel(l.account, { exact: true }), /^Checking \(EUR\)$/);
      await page.getByTestId('import-file').setInputFiles(file);
      await expect(page.getByTestId('import-detected-rows')).toHaveText(String(rows));
      await page.getByTestId('import-make-preview').click();
      await expect(page.getByTestId('import-preview')).toBeVisible();
      if (round === 'first') {
        await expect(count(page, 'count-new')).toHaveText(rows.toLocaleString('en-US'));
        await page.getByTestId('import-commit').click();
        await expect(page.getByTestId('import-summary')).toContainText(l.imported);
        expect((await balances(page)).Checking).toBe(before.Checking! - totalCents);
      } else {
        await expect(count(page, 'count-new')).toHaveText('0');
        await expect(count(page, 'count-duplicate')).toHaveText(rows.toLocaleString('en-US'));
        await expect(page.getByTestId('import-commit')).toBeDisabled();
      }
    }
    expect(pageErrors).toEqual([]);
  } finally {
    await host.stop();
  }
});

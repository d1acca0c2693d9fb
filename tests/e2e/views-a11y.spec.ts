/**
 * Every view of an unlocked wallet with data in it, in both languages and both themes, at the two
 * window sizes we design for (1024 × 640, the smallest supported window, and 1920 × 1080):
 * a screenshot for people to look at (tests/.tmp/screenshots/views) and an axe-core audit that
 * fails on any serious or critical violation (WCAG 2.0/2.1 A and AA rules). Then every dialog and
 * drawer, opened one after another on one page per language and theme, audited the same way.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { connect } from '../crash/ws-client';
import { seriousViolations } from './support/axe';
import { SCREEN_SIZES, screenshotDir } from './support/screens';
import { startHost } from './support/host';
import { seedLedger } from './support/seed-ledger';
import { createWalletViaUi, PASSWORD } from './support/wallet';

const SHOTS = screenshotDir('views');
const SIZES = SCREEN_SIZES;
const ROUTES = ['dashboard', 'accounts', 'transactions', 'reports', 'import', 'backup', 'security', 'crashes', 'settings'] as const;
const LABELS = {
  'en-US': { password: 'Password', unlock: 'Unlock', nav: 'Main navigation' },
  'zh-CN': { password: '密码', unlock: '解锁', nav: '主导航' },
} as const;

for (const lang of ['en-US', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every view in ${lang}, ${theme}: screenshots at both sizes, no serious axe violation`, async ({ page }) => {
      test.setTimeout(300_000);
      const pageErrors: Error[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      // 300 lines over ten months and one cross-currency transfer: the bill view's month sections and a transfer row.
      const host = await startHost({ lang, seed: { transactions: 300, password: PASSWORD, transfer: true } });
      const found: string[] = [];
      try {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(host.url);
        const l = LABELS[lang];
        await page.getByLabel(l.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: l.unlock, exact: true }).click();
        await expect(page.getByRole('navigation', { name: l.nav })).toBeVisible();

        for (const route of ROUTES) {
          await page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
          // The shell's title names the view; the view is drawn once no antd spinner is left.
          await expect(page.locator('main')).toBeVisible();
          await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
          for (const size of SIZES) {
            await page.setViewportSize(size);
            await expect(page.locator('main')).toBeVisible();
            await page.screenshot({ path: join(SHOTS, `${route}-${lang}-${theme}-${size.width}x${size.height}.png`) });
            found.push(...(await seriousViolations(page)).map((line) => `${route} @${size.width}: ${line}`));
          }
        }
      } finally {
        await host.stop();
      }
      expect(found, found.join('\n')).toEqual([]);
      expect(pageErrors.map(String)).toEqual([]);
    });
  }
}

/** Each dialog or drawer: the view it lives in and the button that opens it (its name holds the text; antd icons add theirs). */
const DIALOGS = {
  'en-US': {
    record: ['transactions', 'Add transaction'],
    transfer: ['transactions', 'Transfer'],
    addAccount: ['accounts', 'Add account'],
    reconcile: ['accounts', 'Reconcile'],
    setBudget: ['reports', 'Set budget'],
    newCategory: ['reports', 'New category'],
    restore: ['backup', /^Restore from backup/],
  },
  'zh-CN': {
    record: ['transactions', '记一笔'],
    transfer: ['transactions', '转账'],
    addAccount: ['accounts', '添加账户'],
    reconcile: ['accounts', '对账'],
    setBudget: ['reports', '设置预算'],
    newCategory: ['reports', '新建分类'],
    restore: ['backup', /^从备份/],
  },
} as const;
const RESTORE_FULL = { 'en-US': 'Replace the wallet with this backup', 'zh-CN': '用此备份替换钱包' } as const;

for (const lang of ['en-US', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every dialog and drawer in ${lang}, ${theme}: no serious axe violation`, async ({ page }) => {
      test.setTimeout(300_000);
      const pageErrors: Error[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      const host = await startHost({ lang });
      const found: string[] = [];
      try {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(host.url);
        await createWalletViaUi(page, lang);
        const client = await connect(host);
        await seedLedger(client);
        await client.ok('backup/create');
        client.close();

        const audit = async (name: string) => {
          await page.screenshot({ path: join(SHOTS, `dialog-${name}-${lang}-${theme}.png`) });
          found.push(...(await seriousViolations(page)).map((line) => `${name}: ${line}`));
        };
        for (const [name, [route, button]] of Object.entries(DIALOGS[lang])) {
          await page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
          await expect(page.locator('main .ant-spin-spinning, main .ant-skeleton')).toHaveCount(0);
          await page.locator('main').getByRole('button', { name: button }).first().click();
          const open = page.locator('.ant-modal-wrap:visible, .ant-drawer-content-wrapper:visible').last();
          await expect(open).toBeVisible();
          // Wait until the opening animation is over: axe measures colours as they are drawn.
          await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-drawer-panel-motion-right-enter, .ant-fade-appear')).toHaveCount(0);
          await audit(name);
          if (name === 'restore') {
            await open.getByText(RESTORE_FULL[lang], { exact: true }).click();
            await audit('restore-full');
          }
          await page.keyboard.press('Escape');
          await expect(page.locator('.ant-modal-wrap:visible, .ant-drawer-content-wrapper:visible')).toHaveCount(0);
        }
      } finally {
        await host.stop();
      }
      expect(found, found.join('\n')).toEqual([]);
      expect(pageErrors.map(String)).toEqual([]);
    });
  }
}

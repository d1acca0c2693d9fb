/**
 * Screenshots for people to look at (tests/.tmp/screenshots): the welcome, recovery-key, unlock
 * and settings screens in both languages and both themes. Each also asserts that the language
 * and the theme really applied.
 */
import { expect, test, type Page } from './support/test';
import { join } from 'node:path';
import { startHost } from './support/host';
import { createWalletViaUi } from './support/wallet';

const SHOTS = join(__dirname, '../.tmp/screenshots');

async function expectTheme(page: Page, theme: 'light' | 'dark') {
  const background = await page.locator('body').evaluate((el) => {
    const layout = el.querySelector('.ant-layout') ?? el.querySelector('.ant-card') ?? el;
    return getComputedStyle(layout).backgroundColor;
  });
  const [r = 0] = background.match(/\d+/g)?.map(Number) ?? [];
  if (theme === 'dark') expect(r).toBeLessThan(80);
  else expect(r).toBeGreaterThan(200);
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screens in ${lang}, ${theme}`, async ({ page }) => {
      const host = await startHost({ lang });
      const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}-${lang}-${theme}.png`), fullPage: true });
      try {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(host.url);
        await expect(page.getByRole('heading', { name: lang === 'zh-CN' ? '欢迎使用一钱包' : 'Welcome to OneWallet' })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expectTheme(page, theme);
        await shot('welcome');

        await createWalletViaUi(page, lang);
        await page.goto(`${host.origin}/?lang=${lang}#/settings`);
        await expect(page.getByText(lang === 'zh-CN' ? '关于一钱包' : 'About OneWallet')).toBeVisible();
        await expectTheme(page, theme);
        await shot('settings');

        await page.getByRole('button', { name: lang === 'zh-CN' ? '锁定' : 'Lock', exact: true }).click();
        await expect(page.getByRole('heading', { name: lang === 'zh-CN' ? '解锁钱包' : 'Unlock your wallet' })).toBeVisible();
        await shot('unlock');
      } finally {
        await host.stop();
      }
    });
  }
}

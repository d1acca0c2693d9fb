/**
 * Screenshots of the shell in both languages and both themes, for people to look at
 * (tests/.tmp/screenshots). Each also asserts the language and theme really applied.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { startHost } from './support/host';

const SHOTS = join(__dirname, '../.tmp/screenshots');

for (const lang of ['en-US', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`shell in ${lang}, ${theme}`, async ({ page }) => {
      const host = await startHost({ lang });
      try {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(`${host.url}#/settings`);
        const about = lang === 'zh-CN' ? '关于一钱包' : 'About OneWallet';
        await expect(page.getByText(about)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const background = await page.locator('.ant-layout').first().evaluate((el) => getComputedStyle(el).backgroundColor);
        const [r = 0] = background.match(/\d+/g)?.map(Number) ?? [];
        if (theme === 'dark') expect(r).toBeLessThan(80);
        else expect(r).toBeGreaterThan(200);
        await page.screenshot({ path: join(SHOTS, `shell-settings-${lang}-${theme}.png`), fullPage: true });
        await page.goto(`${host.origin}/#/dashboard`);
        await page.screenshot({ path: join(SHOTS, `shell-dashboard-${lang}-${theme}.png`) });
      } finally {
        await host.stop();
      }
    });
  }
}

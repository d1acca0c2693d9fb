/**
 * The security log tab and the panic menu, in both languages and themes at both sizes: screenshots
 * (tests/.tmp/screenshots/security) and axe (no serious or critical violation). Then the panic
 * menu's "Freeze all accounts and lock": the unlock screen at once, no wallet data in the page,
 * and after unlocking the log shows the freeze and the panic lock, filterable by kind.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { seriousViolations } from './support/axe';
import { SCREEN_SIZES, screenshotDir } from './support/screens';
import { startHost, type RunningHost } from './support/host';
import { pickOption } from './support/select';
import { PASSWORD } from './support/wallet';

const SHOTS = screenshotDir('security');
const SIZES = SCREEN_SIZES;
const L = {
  'en-US': { password: 'Password', unlock: 'Unlock', unlockTitle: 'Unlock your wallet', nav: 'Main navigation', log: 'Security log', panic: 'Panic lock menu', freeze: 'Freeze all accounts and lock', panicLocked: 'Panic lock', allFrozen: 'All accounts frozen', kinds: 'Kinds of events', unlocked: 'Unlocked' },
  'zh-CN': { password: '密码', unlock: '解锁', unlockTitle: '解锁钱包', nav: '主导航', log: '安全日志', panic: '紧急锁定菜单', freeze: '冻结全部账户并锁定', panicLocked: '紧急锁定', allFrozen: '已冻结全部账户', kinds: '事件类型', unlocked: '已解锁' },
} as const;

let host: RunningHost;
test.afterEach(async () => host?.stop());

for (const lang of ['en-US', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`security log and panic menu in ${lang}, ${theme}`, async ({ page }) => {
      test.setTimeout(240_000);
      const l = L[lang];
      const pageErrors: Error[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      host = await startHost({ lang, seed: { transactions: 30, password: PASSWORD } });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(host.url);
      const unlock = async () => {
        await page.getByLabel(l.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: l.unlock, exact: true }).click();
        await expect(page.getByRole('navigation', { name: l.nav })).toBeVisible();
      };
      await unlock();
      // A few entries: a lock and an unlock.
      await page.getByRole('button', { name: l.panic }).click();
      await page.getByRole('menuitem', { name: l.freeze }).click();
      await expect(page.getByRole('heading', { name: l.unlockTitle })).toBeVisible();
      const html = await page.content();
      for (const payee of ['Hema Fresh', 'Starbucks', 'seed #']) expect(html, payee).not.toContain(payee);
      await unlock();

      await page.evaluate(() => (window.location.hash = '#/security'));
      await page.getByRole('tab', { name: l.log }).click();
      const table = page.getByRole('table');
      await expect(table).toContainText(l.panicLocked);
      await expect(table).toContainText(l.allFrozen);
      const found: string[] = [];
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
        await page.screenshot({ path: join(SHOTS, `log-${lang}-${theme}-${size.width}x${size.height}.png`) });
        found.push(...(await seriousViolations(page)).map((line) => `log @${size.width}: ${line}`));
        await page.getByRole('button', { name: l.panic }).click();
        await expect(page.getByRole('menuitem', { name: l.freeze })).toBeVisible();
        await page.screenshot({ path: join(SHOTS, `panic-menu-${lang}-${theme}-${size.width}x${size.height}.png`) });
        found.push(...(await seriousViolations(page)).map((line) => `panic menu @${size.width}: ${line}`));
        await page.keyboard.press('Escape');
        await expect(page.getByRole('menuitem', { name: l.freeze })).toBeHidden();
      }

      // Filter by kind: only the unlocks are left.
      await pickOption(page, page.getByLabel(l.kinds), l.unlocked, { multiple: true });
      await expect(table).not.toContainText(l.panicLocked);
      await expect(table).toContainText(l.unlocked);
      expect(found, found.join('\n')).toEqual([]);
      expect(pageErrors.map(String)).toEqual([]);
    });
  }
}

/**
 * Update prompts in browser mode against a real signed feed on 127.0.0.1 (built by the release
 * script with a throw-away key the test host trusts): banner → notes → the progress bar moves →
 * "restart and update" offered after the verified backup; skip; an error with "try again".
 * Also takes the screenshots of these views (tests/.tmp/screenshots/update-*).
 */
import { expect, test, type Page } from './support/test';
import { join } from 'node:path';
import { seriousViolations } from './support/axe';
import { startHost, type RunningHost } from './support/host';
import { createWalletViaUi } from './support/wallet';
import { startFeed, type TestFeed } from '../update/support/feed';

const SHOTS = join(__dirname, '../.tmp/screenshots');
const NOTES = '<h3>Faster unlock</h3><ul><li>Unlock takes <b>half</b> the time</li></ul><img src=x onerror="window.__pwned=1">';

const L = {
  'en-US': {
    available: 'OneWallet 1.1.0 is available.',
    notes: 'What’s new in 1.1.0',
    download: 'Download',
    restart: 'Restart and update',
    onQuit: 'Update when I quit',
    verifiedBackup: 'A verified backup of your wallet was made',
    skip: 'Skip this version',
    skipped: 'Skipped version: 1.1.0',
    checksum: 'does not match its signed checksum',
    retry: 'Try again',
    checkNow: 'Check now',
    unreachable: 'The update server could not be reached',
    upToDate: 'OneWallet is up to date',
    cancel: 'Cancel download',
  },
  'zh-CN': {
    available: '一钱包 1.1.0 已发布。',
    notes: '1.1.0 的新内容',
    download: '下载',
    restart: '重启并更新',
    onQuit: '退出时更新',
    verifiedBackup: '已为你的钱包做了一份校验通过的备份',
    skip: '跳过此版本',
    skipped: '已跳过的版本：1.1.0',
    checksum: '与签名中的校验值不符',
    retry: '重试',
    checkNow: '立即检查',
    unreachable: '无法连接更新服务器',
    upToDate: '一钱包已是最新版本',
    cancel: '取消下载',
  },
} as const;

let feed: TestFeed;
let host: RunningHost | null = null;

test.beforeEach(async () => {
  feed = await startFeed();
});
test.afterEach(async () => {
  await host?.stop();
  host = null;
  await feed.close();
});

/** A host at version 1.0.0 that checks the test feed right after start. */
async function open(page: Page, lang: 'en-US' | 'zh-CN', autoCheck = true) {
  host = await startHost({
    lang,
    extraArgs: ['--update-feed', feed.url, '--update-public-key', feed.publicKeyBase64, '--app-version', '1.0.0', '--update-start-delay-ms', autoCheck ? '0' : '3600000'],
  });
  await page.goto(host.url);
  await createWalletViaUi(page, lang);
}

const banner = (page: Page) => page.getByTestId('update-banner');

for (const lang of ['en-US', 'zh-CN'] as const) {
  const l = L[lang];

  test(`${lang}: banner → notes → progress moves → verified backup → restart offered`, async ({ page }) => {
    feed.publish({ version: '1.1.0', notes: NOTES, size: 3 * 1024 * 1024 });
    feed.pace(64 * 1024, 60); // about 3 s, so the bar is seen moving
    await open(page, lang);
    await expect(banner(page).getByText(l.available)).toBeVisible();
    const notes = page.getByTestId('update-notes');
    await expect(page.getByText(l.notes)).toBeVisible();
    await expect(notes).toContainText('Faster unlock');
    await expect(notes).toContainText('Unlock takes half the time');
    // Notes are text: no element from them reached the DOM, no handler ran.
    await expect(notes.locator('b, img, h3, li')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await banner(page).getByRole('button', { name: l.download, exact: true }).click();
    const bar = page.getByTestId('update-progress');
    const seen: number[] = [];
    await expect
      .poll(async () => {
        const value = Number((await bar.getAttribute('data-percent', { timeout: 1000 }).catch(() => null)) ?? -1);
        if (value >= 0) seen.push(value);
        return seen.some((v) => v > 0 && v < 100);
      }, { timeout: 120_000 })
      .toBe(true);
    await expect(banner(page).getByRole('button', { name: l.restart })).toBeVisible({ timeout: 120_000 });
    expect(Math.max(...seen)).toBeGreaterThan(Math.min(...seen));
    await expect(banner(page)).toContainText(l.verifiedBackup);
    await expect(banner(page).getByRole('button', { name: l.onQuit })).toBeVisible();
    // "Install" in browser mode ends at ready: the click is accepted and nothing breaks.
    await banner(page).getByRole('button', { name: l.restart }).click();
    await expect(banner(page)).toHaveAttribute('data-state', 'ready');
  });

  test(`${lang}: skip this version`, async ({ page }) => {
    feed.publish({ version: '1.1.0', notes: 'Small fixes' });
    await open(page, lang);
    await expect(banner(page).getByText(l.available)).toBeVisible();
    await banner(page).getByRole('button', { name: l.skip }).click();
    await expect(banner(page)).toHaveCount(0);
    await page.goto(`${host!.origin}/?lang=${lang}&token=${host!.token}#/settings`);
    await expect(page.getByTestId('update-card')).toContainText(l.skipped);
    await expect(banner(page)).toHaveCount(0);
  });

  test(`${lang}: errors say what to do, and "try again" works`, async ({ page }) => {
    feed.publish({ version: '1.1.0' });
    feed.setMode('not-found');
    await open(page, lang, false);
    await page.goto(`${host!.origin}/?lang=${lang}&token=${host!.token}#/settings`);
    const card = page.getByTestId('update-card');
    await card.getByRole('button', { name: l.checkNow }).click();
    await expect(card).toContainText(l.unreachable);
    await expect(banner(page)).toHaveCount(0); // a failed check does not nag in a banner

    feed.setMode('up');
    feed.tamperArtifact('1.1.0');
    await card.getByRole('button', { name: l.checkNow }).click();
    await banner(page).getByRole('button', { name: l.download, exact: true }).click();
    await expect(banner(page)).toContainText(l.checksum);
    await expect(banner(page).getByRole('button', { name: l.restart })).toHaveCount(0);
    await page.screenshot({ path: join(SHOTS, `update-error-${lang}.png`) });

    feed.tamperArtifact('1.1.0'); // flips the same byte back: the artifact matches its signature again
    await banner(page).getByRole('button', { name: l.retry }).click();
    await expect(banner(page).getByRole('button', { name: l.restart })).toBeVisible({ timeout: 120_000 });
  });
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`update screenshots ${lang} ${theme}`, async ({ page }) => {
      // Eight pictures, each audited by axe: a loaded machine needs more than the default guard.
      test.setTimeout(10 * 60_000);
      const l = L[lang];
      feed.publish({ version: '1.1.0', notes: NOTES, size: 8 * 1024 * 1024 });
      // Slow enough (20 KiB/s of 8 MiB) that the download is still running after the pictures of it, however long they take.
      feed.pace(2 * 1024, 100);
      await page.emulateMedia({ colorScheme: theme });
      await open(page, lang);
      // Each state is also audited with axe-core: no serious or critical WCAG violation.
      const violations: string[] = [];
      const shoot = async (name: string, prepare: () => Promise<void> = async () => undefined) => {
        for (const [width, height] of [[1024, 640], [1920, 1080]] as const) {
          await page.setViewportSize({ width, height });
          await prepare();
          await page.screenshot({ path: join(SHOTS, `update-${name}-${lang}-${theme}-${width}x${height}.png`) });
          violations.push(...(await seriousViolations(page)).map((line) => `${name} @${width}: ${line}`));
        }
      };
      await expect(banner(page).getByText(l.available)).toBeVisible();
      await shoot('available');
      await banner(page).getByRole('button', { name: l.download, exact: true }).click();
      await expect(page.getByTestId('update-progress')).toBeVisible();
      await expect.poll(async () => Number(await page.getByTestId('update-progress').getAttribute('data-percent')), { timeout: 120_000 }).toBeGreaterThan(0);
      await shoot('downloading');
      await banner(page).getByRole('button', { name: l.cancel }).click();
      await expect(banner(page).getByRole('button', { name: l.download, exact: true })).toBeVisible();
      feed.pace(0, 0);
      await banner(page).getByRole('button', { name: l.download, exact: true }).click();
      await expect(banner(page).getByRole('button', { name: l.restart })).toBeVisible({ timeout: 120_000 });
      await shoot('ready');
      await page.goto(`${host!.origin}/?lang=${lang}&token=${host!.token}#/settings`);
      await shoot('settings', () => page.getByTestId('update-card').scrollIntoViewIfNeeded());
      expect(violations, violations.join('\n')).toEqual([]);
    });
  }
}

/**
 * The security centre's alerts and checkup end to end in browser mode, in both languages: a large
 * payment is recorded (through the contract, as the transaction dialog would), its alert appears
 * with the reason in words and numbers on the dashboard card and in the alerts tab, and is
 * dismissed; the checkup lists its items and "check integrity now" turns that item to done.
 * Screenshots of both tabs and the dashboard card in both themes at both sizes
 * (tests/.tmp/screenshots/security), audited with axe: no serious or critical violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { seriousViolations } from './support/axe';
import { SCREEN_SIZES, screenshotDir } from './support/screens';
import { startHost } from './support/host';
import { createWalletViaUi } from './support/wallet';

const SHOTS = screenshotDir('security');
const SIZES = SCREEN_SIZES;

const L = {
  'en-US': {
    newSince: 'New since your last visit',
    oneAlert: '1 unusual payment',
    showAlerts: 'Show alerts',
    navOneAlert: ', 1 open alert',
    reason: '8888.00 CNY to Apple Store is above your limit of 5000.00 CNY for a single payment.',
    dismiss: 'Dismiss',
    empty: 'No unusual activity in the last 90 days.',
    checkup: 'Checkup',
    integrity: 'Integrity check',
    verifyNow: 'Check integrity now',
    todo: 'To do',
    done: 'Done',
  },
  'zh-CN': {
    newSince: '自上次访问以来的新动态',
    oneAlert: '1 笔异常支付',
    showAlerts: '查看提醒',
    navOneAlert: '，1 条待处理提醒',
    reason: '向 Apple Store 支付 8888.00 CNY，超过了你设定的单笔上限 5000.00 CNY。',
    dismiss: '忽略',
    empty: '最近 90 天没有异常活动。',
    checkup: '安全体检',
    integrity: '完整性检查',
    verifyNow: '立即检查完整性',
    todo: '待处理',
    done: '已完成',
  },
} as const;

/** One contract call over the page's own WebSocket and token, as the renderer makes it. */
async function rpc<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ({ method, input }) =>
      new Promise<{ ok: boolean; value?: unknown; messageKey?: string }>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/rpc?token=${encodeURIComponent(sessionStorage.getItem('onewallet.token') ?? '')}`);
        socket.onerror = () => reject(new Error('socket error'));
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, method, input }));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; result?: { ok: boolean } };
          if (message.type !== 'result' || message.id !== 1) return;
          socket.close();
          resolve(message.result as { ok: boolean });
        };
      }),
    { method, input },
  );
  if (!result.ok) throw new Error(`${method}: ${result.messageKey}`);
  return result.value as T;
}

async function screenshots(page: Page, name: string, lang: string, found: string[]) {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    // antd fades colours between themes: audit once no transition is running (a half-faded button fails contrast).
    await page.waitForFunction(() => document.getAnimations().length === 0);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect(page.locator('main')).toBeVisible();
      await page.screenshot({ path: join(SHOTS, `${name}-${lang}-${theme}-${size.width}x${size.height}.png`), fullPage: true });
      found.push(...(await seriousViolations(page)).map((line) => `${name} ${theme} @${size.width}: ${line}`));
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[1]);
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`alerts and checkup in ${lang}`, async ({ page }) => {
    test.setTimeout(480_000);
    const l = L[lang];
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const host = await startHost({ lang });
    const found: string[] = [];
    try {
      await page.setViewportSize(SIZES[1]);
      await page.goto(host.url);
      await createWalletViaUi(page, lang);
      const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
      const account = await rpc<{ ids: string[] }>(page, 'ledger/openAccount', { requestId: 'e2e-open', name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '20000' });
      await rpc(page, 'ledger/recordTransaction', { requestId: 'e2e-big', kind: 'expense', accountId: account.ids[0], amount: '8888', currency: 'CNY', date: today, payee: 'Apple Store' });

      // The dashboard card tells what is new: the alert (waits for the judge, which runs after the record).
      const card = page.getByRole('region', { name: l.newSince });
      await expect(card.getByTestId('new-since-alerts')).toHaveText(l.oneAlert);
      // The navigation counts it too, in a badge and in words for a screen reader.
      const navSecurity = page.getByTestId('nav-security');
      await expect(navSecurity.locator('.ant-badge-count')).toHaveAttribute('title', '1');
      await expect(navSecurity.locator('.ow-visually-hidden')).toHaveText(l.navOneAlert);
      await screenshots(page, 'dashboard-card', lang, found);
      await card.getByRole('button', { name: l.showAlerts }).click();

      const alert = page.getByTestId('security-alert');
      await expect(alert).toHaveCount(1);
      await expect(alert.getByTestId('security-alert-reason')).toHaveText(l.reason);
      await screenshots(page, 'alerts', lang, found);
      await alert.getByRole('button', { name: l.dismiss, exact: true }).click();
      await expect(page.getByTestId('security-alert')).toHaveCount(0);
      await expect(page.getByText(l.empty)).toBeVisible();
      await expect(navSecurity.locator('.ant-badge')).toHaveCount(0);

      await page.getByRole('tab', { name: l.checkup }).click();
      const integrity = page.getByTestId('checkup-item-integrityCheck');
      await expect(integrity).toContainText(l.integrity);
      await expect(integrity).toContainText(l.todo);
      for (const id of ['passwordStrength', 'recoveryKey', 'recentBackup', 'secondLocation', 'autoLock', 'keyFile', 'appUpToDate', 'alertsOn']) {
        await expect(page.getByTestId(`checkup-item-${id}`)).toBeVisible();
      }
      await screenshots(page, 'checkup', lang, found);
      await integrity.getByRole('button', { name: l.verifyNow }).click();
      await expect(integrity).toContainText(l.done);
      await expect(integrity.getByRole('button')).toHaveCount(0);
    } finally {
      await host.stop();
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(pageErrors.map(String)).toEqual([]);
  });
}

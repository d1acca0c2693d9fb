/** UI steps shared by e2e tests: create a wallet through the real create flow. */
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple 42';

const LABELS = {
  'en-US': { password: 'Master password', confirm: 'Repeat the password', create: 'Create wallet', written: 'I have written down or printed my recovery key', next: 'Next', check: 'Recovery key', open: 'Open my wallet', nav: 'Main navigation' },
  'zh-CN': { password: '主密码', confirm: '再次输入密码', create: '创建钱包', written: '我已抄写或打印了恢复密钥', next: '下一步', check: '恢复密钥', open: '打开我的钱包', nav: '主导航' },
} as const;

/** Creates a wallet from the welcome screen and returns its recovery key. */
export async function createWalletViaUi(page: Page, lang: 'en-US' | 'zh-CN' = 'en-US', password = PASSWORD): Promise<string> {
  const l = LABELS[lang];
  await page.getByLabel(l.password, { exact: true }).fill(password);
  await page.getByLabel(l.confirm, { exact: true }).fill(password);
  await page.getByRole('button', { name: l.create }).click();
  const key = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
  expect(key.length).toBeGreaterThan(40);
  await page.getByLabel(l.written).check();
  await page.getByRole('button', { name: l.next }).click();
  await page.getByLabel(l.check).fill(key.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: l.open }).click();
  await expect(page.getByRole('navigation', { name: l.nav })).toBeVisible();
  return key;
}

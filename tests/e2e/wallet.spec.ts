/**
 * The way in and the way back in: create a wallet (strength meter, recovery key and its re-type
 * check), lock, a wrong password, unlock (with the failed attempt reported), reset the password
 * with the recovery key, backoff after repeated failures — in both languages.
 */
import { expect, test } from './support/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './support/host';
import { createWalletViaUi, PASSWORD } from './support/wallet';

let host: RunningHost;
test.afterEach(async () => host?.stop());

test('create → lock → wrong password → unlock → recovery reset (en-US)', async ({ page }) => {
  host = await startHost({ lang: 'en-US' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to OneWallet' })).toBeVisible();
  // The name is the one thing about a wallet that is not encrypted: said where it is typed.
  await expect(page.getByText('The name is not encrypted: it is stored in plain text')).toBeVisible();

  // Weak passwords are refused before anything is created.
  await page.getByLabel('Master password', { exact: true }).fill('password1');
  await expect(page.getByTestId('password-strength')).toContainText('Very weak');
  await page.getByLabel('Repeat the password', { exact: true }).fill('password1');
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByText('This password is too easy to guess')).toBeVisible();

  // A wrong re-typed recovery key is caught before the wallet opens.
  await page.getByLabel('Master password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the password', { exact: true }).fill(PASSWORD);
  await expect(page.getByTestId('password-strength')).toContainText(/Strong|Very strong/);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  const recoveryKey = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
  await page.getByLabel('I have written down or printed my recovery key').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Recovery key').fill('AAAA-BBBB');
  await page.getByRole('button', { name: 'Open my wallet' }).click();
  await expect(page.getByText('This does not match the recovery key shown')).toBeVisible();
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByRole('button', { name: 'Open my wallet' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

  // Lock, then a wrong password.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('not my password at all');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The password is not right.' })).toBeVisible();

  // The right one opens it, and the failed attempt is reported.
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByText('1 failed unlock attempt since your last visit')).toBeVisible();

  // Forgotten password: the recovery key resets it.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByText('Forgot your password? Use your recovery key').click();
  // No key file here, so no word about dropping one.
  await expect(page.getByText('removes that requirement')).toHaveCount(0);
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase 2026');
  await page.getByLabel('Repeat the new password').fill('a brand new passphrase 2026');
  await page.getByRole('button', { name: 'Reset password and unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByText('Your password was reset. Your data is untouched.')).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The password is not right.' })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('a brand new passphrase 2026');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('backoff after repeated failures shows a wait and survives a restart (zh-CN)', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewallet-backoff-'));
  host = await startHost({ lang: 'zh-CN', dataDir });
  await page.goto(host.url);
  await createWalletViaUi(page, 'zh-CN');
  await page.getByRole('button', { name: '锁定', exact: true }).click();
  // Three free attempts, then waits that double; keep failing until the wait is long enough to outlive a restart.
  const unlock = page.getByRole('button', { name: '解锁', exact: true });
  let seconds = 0;
  for (let attempt = 0; attempt < 8 && seconds < 6; attempt++) {
    await expect(unlock).toBeEnabled({ timeout: 20_000 });
    await page.getByLabel('密码', { exact: true }).fill(`wrong password ${attempt}`);
    await unlock.click();
    await expect(page.getByRole('alert').or(page.getByRole('timer'))).toBeVisible();
    const timer = page.getByRole('timer');
    seconds = (await timer.count()) ? Number(/(\d+)/.exec((await timer.textContent()) ?? '')?.[1] ?? 0) : 0;
  }
  expect(seconds).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole('timer')).toContainText(/请 \d+ 秒后再试/);
  await expect(unlock).toBeDisabled();

  // A new engine process on the same data folder still makes the user wait.
  await host.stop();
  host = await startHost({ lang: 'zh-CN', dataDir });
  await page.goto(host.url);
  const timer = page.getByRole('timer');
  await expect(page.getByLabel('密码', { exact: true })).toBeVisible();
  if (!(await timer.isVisible())) {
    // On a busy machine the restart can outlast the wait itself; the count of failures must not reset:
    // a fresh count would allow three free attempts, a kept one makes the very next failure wait again.
    await expect(unlock).toBeEnabled({ timeout: 60_000 });
    await page.getByLabel('密码', { exact: true }).fill('wrong password after restart');
    await unlock.click();
  }
  await expect(timer).toContainText(/请 \d+ 秒后再试/);
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('change password in settings (en-US)', async ({ page }) => {
  host = await startHost({ lang: 'en-US' });
  await page.goto(host.url);
  await createWalletViaUi(page);
  await page.getByRole('menuitem', { name: 'Settings & About' }).click();
  await page.getByLabel('Current password').first().fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('another long passphrase 77');
  await page.getByLabel('Repeat the new password').fill('another long passphrase 77');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed. Use the new one from now on.')).toBeVisible();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Password', { exact: true }).fill('another long passphrase 77');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('a key file chosen at creation is required to unlock (en-US)', async ({ page }) => {
  host = await startHost({ lang: 'en-US' });
  const keyFile = { name: 'onewallet.key', mimeType: 'application/octet-stream', buffer: randomBytes(64) };
  await page.goto(host.url);
  await page.getByLabel('Master password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the password', { exact: true }).fill(PASSWORD);
  // A file that is too short to be a second factor is refused in place.
  await page.getByLabel('Choose key file').setInputFiles({ ...keyFile, buffer: randomBytes(8) });
  await expect(page.getByText('A key file must be between 32 bytes and 1 MiB.')).toBeVisible();
  await page.getByLabel('Choose key file').setInputFiles(keyFile);
  await expect(page.getByRole('button', { name: 'onewallet.key' })).toBeVisible();
  await page.getByRole('button', { name: 'Create wallet' }).click();
  const recoveryKey = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
  await page.getByLabel('I have written down or printed my recovery key').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByRole('button', { name: 'Open my wallet' }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();

  // The password alone no longer opens it.
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  const needsFile = page.getByRole('alert').filter({ hasText: /key file/ });
  await expect(needsFile).toBeVisible();
  // The password was not judged: it stays; choosing a file (acting on the alert) clears the alert.
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(PASSWORD);
  // A different file does not either.
  await page.getByLabel('Choose key file').setInputFiles({ ...keyFile, buffer: randomBytes(64) });
  await expect(needsFile).toHaveCount(0);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The password or the key file is not right.' })).toBeVisible();
  // Password + the right file does.
  await page.getByLabel('Choose key file').setInputFiles(keyFile);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

  // The recovery reset says, before it runs, that it drops the key file; afterwards the new password alone opens the wallet.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByText('Forgot your password? Use your recovery key').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Resetting with the recovery key removes that requirement' })).toBeVisible();
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByLabel('New password', { exact: true }).fill(`${PASSWORD} reset`);
  await page.getByLabel('Repeat the new password', { exact: true }).fill(`${PASSWORD} reset`);
  await page.getByRole('button', { name: 'Reset password and unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  // Said again after the reset, with the way back right there.
  const dropped = page.getByTestId('key-file-dropped');
  await expect(dropped).toContainText('This wallet no longer requires its key file');
  await dropped.getByRole('button', { name: 'Require a key file again' }).click();
  await expect(page.getByRole('button', { name: 'Require a key file', exact: true })).toBeVisible();
  await expect(dropped).toHaveCount(0);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByLabel('Choose key file')).toHaveCount(0);
  await page.getByLabel('Password', { exact: true }).fill(`${PASSWORD} reset`);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('a new recovery key from Settings counts only once typed back; then it recovers the wallet and the old one does not (en-US)', async ({ page }) => {
  host = await startHost({ lang: 'en-US' });
  await page.goto(host.url);
  const oldKey = await createWalletViaUi(page);
  await page.getByRole('menuitem', { name: 'Settings & About' }).click();
  await page.getByLabel('Current password', { exact: true }).nth(1).fill(PASSWORD);
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  const dialog = page.getByRole('dialog');
  const newKey = (await dialog.getByTestId('recovery-key').textContent({ timeout: 30_000 }))!.trim();
  expect(newKey).not.toBe(oldKey);
  await dialog.getByLabel('I have written down or printed my recovery key').check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByText('Until you do, the old recovery key stays valid.')).toBeVisible();
  await dialog.getByLabel('Recovery key').fill(oldKey);
  await dialog.getByRole('button', { name: 'Confirm new key' }).click();
  await expect(dialog.getByText('This does not match the recovery key shown')).toBeVisible();
  await dialog.getByLabel('Recovery key').fill(newKey.toLowerCase());
  await dialog.getByRole('button', { name: 'Confirm new key' }).click();
  await expect(page.getByText('The new recovery key is active; the old one no longer works.')).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByText('Forgot your password? Use your recovery key').click();
  const recoverWith = async (key: string) => {
    await page.getByLabel('Recovery key').fill(key);
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase 2026');
    await page.getByLabel('Repeat the new password').fill('a brand new passphrase 2026');
    await page.getByRole('button', { name: 'Reset password and unlock' }).click();
  };
  await recoverWith(oldKey);
  await expect(page.getByRole('alert').filter({ hasText: 'This recovery key does not belong to this wallet.' })).toBeVisible();
  await recoverWith(newKey);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('a key file set in Settings after creation is required from then on (en-US)', async ({ page }) => {
  host = await startHost({ lang: 'en-US' });
  const keyFile = { name: 'later.key', mimeType: 'application/octet-stream', buffer: randomBytes(64) };
  await page.goto(host.url);
  await createWalletViaUi(page);
  await page.getByRole('menuitem', { name: 'Settings & About' }).click();
  await page.getByLabel('Current password', { exact: true }).nth(1).fill(PASSWORD);
  await page.getByLabel('Choose key file').setInputFiles(keyFile);
  await page.getByRole('button', { name: 'Require a key file' }).click();
  await expect(page.getByText('Key file setting saved.')).toBeVisible();
  await expect(page.getByText('A key file is required to unlock.')).toBeVisible();

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /key file/ })).toBeVisible();
  await page.getByLabel('Choose key file').setInputFiles(keyFile);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('the wallet file deleted while open: a banner says so, writes are refused, and the session is saved to a new wallet (en-US)', async ({ page }) => {
  host = await startHost({ lang: 'en-US' });
  await page.goto(host.url);
  await createWalletViaUi(page);
  const walletsDir = join(host.dataDir, 'wallets');
  const walletFile = readdirSync(walletsDir).find((name) => name.endsWith('.onewallet'))!;
  rmSync(join(walletsDir, walletFile));

  // Any write finds out: here, asking for a new recovery key.
  await page.getByRole('menuitem', { name: 'Settings & About' }).click();
  await page.getByLabel('Current password', { exact: true }).nth(1).fill(PASSWORD);
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  const banner = page.getByTestId('wallet-file-lost');
  await expect(banner).toContainText('The wallet file is gone');
  await banner.getByRole('button', { name: 'Save to a new file' }).click();
  await expect(banner).toContainText('Saved as the wallet');

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible();
  expect(readdirSync(walletsDir).filter((name) => name.endsWith('.onewallet'))).toHaveLength(1);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

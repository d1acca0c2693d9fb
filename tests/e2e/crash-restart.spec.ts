/**
 * After a crash, in the browser: the host is killed with SIGKILL mid-use; the next start says
 * "OneWallet closed unexpectedly", the integrity check runs at unlock and confirms nothing was lost
 * (with the last recorded transaction); a wallet damaged between runs is reported at unlock with
 * restore offered, and the restore from the newest verified backup brings back a sound wallet.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../crash/ws-client';
import { startHost, type RunningHost } from './support/host';
import { createWalletViaUi, PASSWORD } from './support/wallet';

test('SIGKILL mid-use, then a damaged wallet: closed unexpectedly, check at unlock, restore offered and works', async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const dataDir = mkdtempSync(join(tmpdir(), 'ow-e2e-restart-'));
  let host: RunningHost | null = null;
  const unlockInUi = async (running: RunningHost) => {
    await page.goto(running.url);
    await expect(page.getByText('OneWallet closed unexpectedly')).toBeVisible();
    await expect(page.getByText('Unlock your wallet: its integrity will be checked first.')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  };
  try {
    host = await startHost({ lang: 'en-US', dataDir });
    await page.goto(host.url);
    await createWalletViaUi(page, 'en-US');
    let client = await connect(host);
    const accountId = (await client.ok('ledger/openAccount', { requestId: 'a', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1000' })).ids[0];
    const acknowledged: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const outcome = await client.ok('ledger/recordTransaction', { requestId: `t${i}`, kind: 'expense', accountId, amount: `${i}.25`, currency: 'CNY', date: `2026-11-2${i}`, payee: `Shop ${i}` });
      acknowledged.push(...outcome.ids);
    }
    expect((await client.ok('backup/create')).verified).toBe(true);
    client.close();
    expect(await host.exit('SIGKILL')).toBeNull();

    host = await startHost({ lang: 'en-US', dataDir });
    await unlockInUi(host);
    await expect(page.getByTestId('startup-check')).toHaveText(/^Integrity check passed: nothing was lost\. Last recorded transaction: Nov 25, 2026 Shop 5 .*5\.25\.$/);
    await page.screenshot({ path: join(__dirname, '../.tmp/screenshots/crash/closed-unexpectedly-en-US.png') });
    client = await connect(host);
    const ids = new Set((await client.ok('ledger/transactions', { limit: 100 })).rows.map((r: { id: string }) => r.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    const overview = await client.ok('backup/overview');
    const backup = { dir: overview.settings.primaryDir as string, file: overview.lastGood.file as string };
    await client.ok('wallet/lock'); // a snapshot now covers everything: unlock will not read the damaged event
    client.close();
    expect(await host.exit('SIGKILL')).toBeNull();

    // Damage between runs: one byte of an early journal event.
    const walletFile = join(dataDir, 'wallets', readdirSync(join(dataDir, 'wallets')).find((n) => n.endsWith('.onewallet'))!);
    const db = new Database(walletFile);
    const row = db.prepare('SELECT ciphertext FROM journal WHERE seq = 2').get() as { ciphertext: Buffer };
    row.ciphertext[3] = (row.ciphertext[3] ?? 0) ^ 0x40;
    db.prepare('UPDATE journal SET ciphertext = ? WHERE seq = 2').run(row.ciphertext);
    db.close();

    host = await startHost({ lang: 'en-US', dataDir });
    await unlockInUi(host);
    await expect(page.getByTestId('startup-check')).toContainText('The integrity check found');
    await page.getByRole('button', { name: 'Restore from backup' }).click();
    await expect(page).toHaveURL(/#\/backup$/);
    client = await connect(host);
    const walletId = (await client.ok('wallet/status')).unlocked.id as string;
    await client.ok('backup/restoreFull', backup);
    await client.ok('wallet/unlock', { walletId, password: PASSWORD });
    expect(await client.ok('wallet/verify')).toMatchObject({ ok: true });
    const restored = new Set((await client.ok('ledger/transactions', { limit: 100 })).rows.map((r: { id: string }) => r.id));
    expect(acknowledged.filter((id) => !restored.has(id))).toEqual([]);
    client.close();
  } finally {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(pageErrors.map(String)).toEqual([]);
});

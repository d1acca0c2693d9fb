/**
 * Auto-lock in browser mode (issue 14): with a 5 s idle time (a test-host option; production
 * allows whole minutes only), an unlocked wallet left alone shows the unlock screen, and no wallet
 * data is left in the page — not in the DOM, not in the JavaScript heap (a CDP heap snapshot after
 * garbage collection is searched for payee names). A simulated sleep (the test host's SIGUSR2: the
 * engine's wall clock jumps an hour, then "resume") locks at once, and the log says why.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/host';
import { PASSWORD } from './support/wallet';

let host: RunningHost;
test.afterEach(async () => host?.stop());

/** Seeded payees (support/seed-wallet.ts): wallet data that must not outlive the lock. */
const WALLET_DATA = ['Hema Fresh', 'Starbucks', 'Meituan', 'seed #'];

async function heapStrings(page: Page, needles: readonly string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  let snapshot = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => (snapshot += chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return needles.filter((needle) => snapshot.includes(needle));
}

/** Moves the mouse every 300 ms (a user at work) until stopped: setup steps must not be idle time. */
function keepBusy(page: Page): () => void {
  let x = 0;
  const timer = setInterval(() => void page.mouse.move(5 + (x++ % 50), 5).catch(() => undefined), 300);
  return () => clearInterval(timer);
}

async function unlock(page: Page) {
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/**
 * Unlocked, on the transactions view, with a seeded payee on screen. On a loaded machine the 5 s idle
 * lock can come before the view has drawn (input pings queue behind the work), so a lock on the way
 * is answered by unlocking again: the state waited for is "showing the data", not a time.
 */
async function unlockedOnTransactions(page: Page) {
  const locked = page.getByRole('heading', { name: 'Unlock your wallet' });
  const data = page.locator('main').getByText('Hema Fresh').first();
  for (let attempt = 1; ; attempt++) {
    if (await locked.isVisible()) await unlock(page);
    await page.evaluate(() => (window.location.hash = '#/transactions'));
    await expect(data.or(locked)).toBeVisible();
    if (await data.isVisible()) return;
    expect(attempt, 'locked again before the transactions showed, five times').toBeLessThan(5);
  }
}

test('idle for 5 s: unlock screen, no wallet data in the DOM or the heap; a simulated sleep locks at once', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  host = await startHost({ lang: 'en-US', seed: { transactions: 40, password: PASSWORD }, extraArgs: ['--auto-lock-idle-ms', '5000'] });
  await page.goto(host.url);
  let stopBusy = keepBusy(page);
  await unlockedOnTransactions(page);
  expect(await heapStrings(page, WALLET_DATA)).toEqual(WALLET_DATA); // the check can see them while unlocked
  // The snapshot pauses the page for seconds (no input gets through), so it may have been locked meanwhile.
  await unlockedOnTransactions(page);
  stopBusy();

  // Hands off: the engine's idle timer locks; the page follows wallet/changed to the unlock screen.
  const idleFrom = Date.now();
  await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible({ timeout: 60_000 });
  console.log(`auto-lock: unlock screen ${((Date.now() - idleFrom) / 1000).toFixed(1)} s after the last input (idle time 5 s)`);
  const html = await page.content();
  for (const needle of WALLET_DATA) expect(html, needle).not.toContain(needle);
  expect(await heapStrings(page, WALLET_DATA)).toEqual([]);

  // A simulated sleep: right after input (so idle time alone would not lock for 5 s), the clock jumps.
  stopBusy = keepBusy(page);
  await unlock(page);
  const sleptAt = Date.now();
  host.signal('SIGUSR2');
  await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible();
  console.log(`simulated sleep: unlock screen ${((Date.now() - sleptAt) / 1000).toFixed(2)} s after resume`);
  await unlock(page);
  await page.evaluate(() => (window.location.hash = '#/security'));
  await page.getByRole('tab', { name: 'Security log' }).click();
  const log = page.getByRole('table');
  await expect(log).toContainText('Locked automatically (after sleep or a clock change)');
  await expect(log).toContainText('Locked automatically (no activity)');
  stopBusy();
  expect(pageErrors.map(String)).toEqual([]);
});

/**
 * First interactive in browser mode, warm start: the time from navigation start until the unlock
 * screen's password field takes input, on a second load (assets in the browser cache). Printed
 * only — speed targets live in `npm run bench` (target ≤ 1 s, bench/README.md). What is checked is
 * how the renderer arrives: scripts compressed, and the unlock screen's entry script without the
 * password-strength dictionaries.
 */
import { expect, test } from './support/test';
import { startHost } from './support/host';
import { PASSWORD } from './support/wallet';

test('the unlock screen arrives compressed, without the strength dictionaries (first interactive printed)', async ({ page }) => {
  // A wallet that exists and is locked: every load lands on the unlock screen.
  const host = await startHost({ lang: 'en-US', seed: { transactions: 10, password: PASSWORD } });
  try {

    const scripts: { url: string; encoding: string | undefined }[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push({ url: response.url(), encoding: response.headers()['content-encoding'] });
    });
    const measure = async (label: string) => {
      scripts.length = 0;
      await page.goto(host.url);
      const password = page.getByLabel('Password', { exact: true });
      await expect(password).toBeEditable();
      const ms = await page.evaluate(() => performance.now());
      console.log(`first interactive (${label}): ${Math.round(ms)} ms from navigation start to an editable password field; ${scripts.length} scripts`);
      return [...scripts];
    };
    const cold = await measure('cold cache');
    expect(cold.length).toBeGreaterThan(0);
    expect(cold.every((script) => script.encoding === 'br'), JSON.stringify(cold)).toBe(true);
    await measure('warm start');
    // The zxcvbn dictionaries are not needed to unlock: no script of the unlock screen holds them.
    // (Fetched from the test, not the page: the page's CSP allows only the WebSocket.)
    const src = await page.locator('script[type="module"]').getAttribute('src');
    const entry = await page.request.get(new URL(src!, host.url).toString());
    expect(entry.ok()).toBe(true);
    expect((await entry.text()).includes('iloveyou')).toBe(false); // a word of @zxcvbn-ts/language-common's password list
  } finally {
    await host.stop();
  }
});

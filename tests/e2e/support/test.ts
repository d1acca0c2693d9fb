/**
 * The `test` every e2e spec imports: Playwright's, plus an automatic guard that fails the test on
 * any uncaught page error or console error in any page of the test — the default page and every
 * context the test opens with `browser.newContext()`. A failure nobody looked for is still a failure.
 *
 * Allowed messages are listed below, each with why. A test that provokes an error on purpose
 * (the crash reporter's "throw in the renderer" button) says so with `pageErrors.allow(pattern)`;
 * the guard still fails on anything else.
 */
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page } from '@playwright/test';

const ALLOWED_CONSOLE: readonly RegExp[] = [
  // Chromium logs every non-2xx HTTP answer as a console error; the tests that load a missing or
  // refused resource on purpose assert the answer themselves, and a real failure shows in the UI.
  /^Failed to load resource: the server responded with a status of 4\d\d/,
  // Browser mode reconnects its WebSocket when the host goes away: every test stops its host at the
  // end (and the restart tests kill it on purpose); a host lost mid-test fails the test's own
  // assertions on what the page shows.
  /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/rpc\?token=[^']*' failed: .*ERR_CONNECTION_REFUSED/,
];

export interface PageErrorGuard {
  /** Errors seen so far ("pageerror: …" / "console: …"). */
  readonly seen: string[];
  /** Accepts errors matching `pattern` for the rest of this test (a test that provokes them on purpose). */
  allow(pattern: RegExp): void;
}

function describeConsole(message: ConsoleMessage): string {
  const where = message.location();
  return `console: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`;
}

export const test = base.extend<{ pageErrors: PageErrorGuard }>({
  pageErrors: [
    async ({ context, browser }, use, testInfo) => {
      const seen: string[] = [];
      const allowed: RegExp[] = [];
      const watchPage = (page: Page) => {
        page.on('pageerror', (error) => seen.push(`pageerror: ${error.stack ?? error.message ?? String(error)}`));
        page.on('console', (message) => {
          if (message.type() === 'error' && !ALLOWED_CONSOLE.some((pattern) => pattern.test(message.text()))) seen.push(describeConsole(message));
        });
      };
      const watchContext = (watched: BrowserContext) => {
        watched.pages().forEach(watchPage);
        watched.on('page', watchPage);
      };
      watchContext(context);
      // Contexts the test opens itself (a second browser profile) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof browser.newContext>) => {
        const created = await newContext(...args);
        watchContext(created);
        return created;
      };
      try {
        await use({ seen, allow: (pattern) => allowed.push(pattern) });
      } finally {
        browser.newContext = newContext;
      }
      const unexpected = seen.filter((line) => !allowed.some((pattern) => pattern.test(line)));
      if (testInfo.status === testInfo.expectedStatus) {
        expect(unexpected, 'uncaught page errors or console errors during the test').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
export type { Page, Locator, BrowserContext } from '@playwright/test';

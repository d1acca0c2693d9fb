/**
 * Fits every window: with accounts holding large balances, every view at 1024 × 640 (the smallest
 * supported window) and 1280 × 800 has no horizontal overflow, no amount wrapped onto two lines or
 * clipped by its box, and (at 1280 × 800) its primary action on screen without scrolling. Also the
 * report charts: a click on a donut slice or a bar opens the matching transactions.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { connect } from '../crash/ws-client';
import { startHost } from './support/host';
import { seedLedger, today } from './support/seed-ledger';
import { createWalletViaUi } from './support/wallet';

const SHOTS = join(__dirname, '../.tmp/screenshots/layout');
const ROUTES = ['dashboard', 'accounts', 'transactions', 'reports', 'import', 'backup', 'security', 'crashes', 'settings'] as const;
/** Views whose first primary button is the thing a person came for. */
const PRIMARY_ACTION = new Set(['dashboard', 'accounts', 'transactions', 'reports', 'backup']);

/** Problems on the page as it stands: horizontal overflow, and amounts wrapped or clipped. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const money = /(?:[A-Z]{0,3}[¥$€£]|\b[A-Z]{3}\s)\s?-?\d{1,3}(?:,\d{3})*(?:\.\d+)?/;
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!money.test(text)) continue;
      const element = node.parentElement!;
      if (element.closest('canvas, [aria-hidden="true"], .ant-select-selection-search')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
      if (rects.length === 0) continue; // not drawn (hidden tab, collapsed panel)
      const label = `"${text.trim().slice(0, 60)}"`;
      // The amount itself on more than one line: "CN¥26,3" / "72.87".
      const amount = money.exec(text)![0];
      const start = text.indexOf(amount);
      const amountRange = document.createRange();
      amountRange.setStart(node, start);
      amountRange.setEnd(node, start + amount.length);
      const lines = new Set(Array.from(amountRange.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (lines.size > 1) problems.push(`${label} wraps inside the amount`);
      // Wider than its own cell (spilling over the next column), or cut off by a box that hides or
      // scrolls its overflow sideways (ellipsis included).
      const box = amountRange.getBoundingClientRect();
      let cell: HTMLElement | null = element;
      while (cell && getComputedStyle(cell).display === 'inline') cell = cell.parentElement;
      if (cell) {
        const bounds = cell.getBoundingClientRect();
        if (box.right > bounds.right + 1 || box.left < bounds.left - 1) problems.push(`${label} is wider than its <${cell.tagName.toLowerCase()} class="${cell.className}">`);
      }
      for (let ancestor = element as HTMLElement | null; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
        const overflow = getComputedStyle(ancestor).overflowX;
        if (overflow === 'visible') continue;
        const bounds = ancestor.getBoundingClientRect();
        if (box.right > bounds.right + 1 || box.left < bounds.left - 1) {
          problems.push(`${label} is cut off by <${ancestor.tagName.toLowerCase()} class="${ancestor.className}">`);
        }
        break;
      }
    }
    return problems;
  });
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('main .ant-spin-spinning, main .ant-skeleton')).toHaveCount(0);
}

for (const lang of ['en-US', 'zh-CN'] as const) {
  test(`every view fits 1024×640 and 1280×800 with large balances (${lang})`, async ({ page }) => {
    test.setTimeout(300_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const host = await startHost({ lang });
    const found: string[] = [];
    try {
      await page.goto(host.url);
      await createWalletViaUi(page, lang);
      const client = await connect(host);
      await seedLedger(client);
      client.close();
      for (const route of ROUTES) {
        await page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
        for (const size of [
          { width: 1024, height: 640 },
          { width: 1280, height: 800 },
        ]) {
          await page.setViewportSize(size);
          await settle(page);
          await page.screenshot({ path: join(SHOTS, `${route}-${lang}-${size.width}x${size.height}.png`) });
          found.push(...(await layoutProblems(page)).map((problem) => `${route} @${size.width}: ${problem}`));
          // One page, one title, one main region.
          const landmarks = await page.evaluate(() => ({ h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main, [role="main"]').length }));
          if (landmarks.h1 !== 1 || landmarks.main !== 1) found.push(`${route}: ${landmarks.h1} h1 and ${landmarks.main} main (want one each)`);
          if (size.width === 1280 && PRIMARY_ACTION.has(route)) {
            const primary = page.locator('main .ant-btn-primary').first();
            await expect(primary, `${route} has a primary action`).toBeVisible();
            if (!(await primary.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }))) {
              found.push(`${route} @1280: the primary action "${await primary.innerText()}" is below the fold`);
            }
          }
        }
      }
    } finally {
      await host.stop();
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

test('a donut slice and a bar open the matching transactions (en-US)', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const host = await startHost({ lang: 'en-US' });
  try {
    await page.goto(host.url);
    await createWalletViaUi(page, 'en-US');
    const client = await connect(host);
    const { food } = await seedLedger(client);
    client.close();
    await page.evaluate(() => (window.location.hash = '#/reports'));
    await settle(page);

    // The donut, drawn on a canvas: "Food & dining" is far the largest expense, so the ring's
    // right edge, level with its centre, lies in that slice (echarts starts at 12 o'clock, clockwise).
    const donut = page.getByRole('img', { name: /Spending by category/ }).locator('canvas').first();
    await expect(donut).toBeVisible();
    const box = (await donut.boundingBox())!;
    const radius = Math.min(box.width, box.height) / 2;
    await page.mouse.click(box.x + box.width / 2 + radius * 0.53, box.y + box.height * 0.45);
    await expect(page).toHaveURL(new RegExp(`#/transactions\\?category=${food}&from=\\d{4}-\\d{2}-01&to=\\d{4}-\\d{2}-\\d{2}$`));
    await expect(page.getByTestId('transaction-row')).toHaveCount(2);
    await expect(page.getByTestId('transaction-row').filter({ hasText: 'Starbucks' })).toHaveCount(0);
    await expect(page.getByTestId('transaction-row').filter({ hasText: '星巴克' })).toHaveCount(1);

    // A bar: this month's column (the last) in income vs expense.
    await page.evaluate(() => (window.location.hash = '#/reports'));
    await settle(page);
    const bars = page.getByRole('img', { name: /Income vs\. expense/ }).locator('canvas').first();
    const barsBox = (await bars.boundingBox())!;
    // The last month's slot ends at the grid's right edge (16 px in); the income bar is the left of
    // the two bars, around 70 % of a slot from its right end (echarts' default gaps), and reaches high.
    const opened = new Date(`${today(-40)}T00:00:00Z`);
    const now = new Date(`${today()}T00:00:00Z`);
    const months = (now.getUTCFullYear() - opened.getUTCFullYear()) * 12 + now.getUTCMonth() - opened.getUTCMonth() + 1;
    const slot = (barsBox.width - 16 - 8 - 50) / months;
    await page.mouse.click(barsBox.x + barsBox.width - 16 - slot * 0.7, barsBox.y + barsBox.height - 80);
    const month = today().slice(0, 7);
    await expect(page).toHaveURL(new RegExp(`#/transactions\\?from=${month}-01&to=${month}-\\d{2}$`));
    await expect(page.getByTestId('transaction-row')).toHaveCount(4);
  } finally {
    await host.stop();
  }
  expect(pageErrors).toEqual([]);
});

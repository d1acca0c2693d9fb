/**
 * Foundation end to end: browser mode's host, WebSocket, router and handlers answer a real
 * contract method on screen in both languages; bad tokens, origins and payloads are refused
 * without effect.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { seriousViolations } from './support/axe';
import { startHost, type RunningHost } from './support/host';
import { SCREEN_SIZES, screenshotDir } from './support/screens';

const version = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version as string;

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost({ lang: 'en-US', production: true });
});
test.afterEach(async () => {
  await host.stop();
});

test('app/info round trip is shown on screen in English and Chinese', async ({ page }) => {
  await page.goto(host.url);
  // Before any wallet exists, the welcome screen already shows what app/info answered.
  await expect(page.getByRole('heading', { name: 'Welcome to OneWallet' })).toBeVisible();
  await expect(page.getByTestId('gate-version')).toHaveText(version);
  await expect(page.getByText('Browser mode (local only)')).toBeVisible();
  // The token has left the address bar.
  expect(page.url()).not.toContain('token=');

  // Switch language through the settings contract method; the choice is persisted by the engine.
  await page.getByLabel('Language').click();
  await page.getByTitle('简体中文').click();
  await expect(page.getByRole('heading', { name: '欢迎使用一钱包' })).toBeVisible();
  await expect(page.getByText('浏览器模式（仅本机）')).toBeVisible();
  await expect(page.getByTestId('gate-version')).toHaveText(version);
  const saved = JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8'));
  expect(saved.language).toBe('zh-CN');

  // A reload keeps Chinese: it came from the engine, not from page state.
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('heading', { name: '欢迎使用一钱包' })).toBeVisible();
});

test('?lang=zh-CN opens the shell in Chinese', async ({ page }) => {
  await page.goto(host.url.replace('lang=en-US', 'lang=zh-CN'));
  await expect(page.getByRole('heading', { name: '欢迎使用一钱包' })).toBeVisible();
  await expect(page.getByText('浏览器模式（仅本机）')).toBeVisible();
  await expect(page.getByTestId('gate-version')).toHaveText(version);
});

test('a wrong token is refused: no connection, no data', async ({ page }) => {
  await page.goto(`${host.origin}/?token=not-the-token&lang=en-US`);
  await expect(page.getByText('Cannot reach the OneWallet engine')).toBeVisible();

  const status = await new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=wrong`, { headers: { origin: host.origin } });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => reject(new Error('a wrong token was accepted')));
    ws.on('error', () => {});
  });
  expect(status).toBe(401);
});

test('a wrong token says so; an engine that stopped answering says that instead', async ({ page }) => {
  await page.goto(`${host.origin}/?token=not-the-token&lang=en-US`);
  await expect(page.getByText('This page is not authorised to open the wallet.', { exact: false })).toBeVisible();

  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to OneWallet' })).toBeVisible();
  await host.stop(); // as when `npm run web` is closed: every reconnect fails
  await expect(page.getByText('The engine stopped answering.', { exact: false })).toBeVisible();
  await expect(page.getByText('not authorised', { exact: false })).toHaveCount(0);
  host = await startHost({ lang: 'en-US', production: true }); // for afterEach
});

/** WCAG contrast of the antd Result title against the page behind it (a transparent page is the white canvas). In the browser. */
function titleContrast(): number {
  const rgb = (text: string, fallback: number[]): number[] => {
    const parts = text.match(/[\d.]+/g)?.map(Number) ?? [];
    if (parts.length < 3 || parts[3] === 0) return fallback;
    const alpha = parts[3] ?? 1;
    return parts.slice(0, 3).map((c, i) => c * alpha + fallback[i]! * (1 - alpha));
  };
  const luminance = ([r, g, b]: number[]) =>
    [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const page = rgb(getComputedStyle(document.body).backgroundColor, [255, 255, 255]);
  const title = document.querySelector('.ant-result-title');
  if (!title) return 0;
  const text = rgb(getComputedStyle(title).color, page);
  const [light, dark] = [luminance(page), luminance(text)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Looks at the page as it is now in both themes and both window sizes: a screenshot each, and axe. */
async function lookAt(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: join(screenshotDir('shell'), `${name}-${theme}-${size.width}x${size.height}.png`) });
      // axe could not tell the page's colour under a dark theme's text (the browser's white canvas), so it
      // passed white on white: the title's contrast against the page is checked here.
      const contrast = await page.evaluate(titleContrast);
      if (contrast < 4.5) found.push(`${name} ${theme} @${size.width}: the title's contrast against the page is ${contrast.toFixed(2)}:1`);
      found.push(...(await seriousViolations(page)).map((line) => `${name} ${theme} @${size.width}: ${line}`));
    }
  }
  return found;
}

for (const [lang, unauthorised, lost, welcome] of [
  ['en-US', 'This page is not authorised', 'The engine stopped answering.', 'Welcome to OneWallet'],
  ['zh-CN', '此页面无权打开钱包', '引擎停止了响应', '欢迎使用一钱包'],
] as const) {
  test(`the connection screens in ${lang}: screenshots in both themes and sizes, no serious axe violation`, async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const own = await startHost({ lang, production: true });
    const found: string[] = [];
    try {
      await page.goto(`${own.origin}/?token=not-the-token&lang=${lang}`);
      await expect(page.getByText(unauthorised, { exact: false })).toBeVisible();
      found.push(...(await lookAt(page, `unauthorised-${lang}`)));
      await page.goto(own.url);
      await expect(page.getByRole('heading', { name: welcome })).toBeVisible();
      await own.stop();
      await expect(page.getByText(lost, { exact: false })).toBeVisible();
      found.push(...(await lookAt(page, `lost-${lang}`)));
    } finally {
      await own.stop();
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(pageErrors.map(String)).toEqual([]);
  });
}

test('a foreign origin or host is refused even with the right token (DNS rebinding)', async () => {
  const attempt = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, { headers });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('accepted')));
      ws.on('error', () => {});
    });
  expect(await attempt({ origin: 'http://evil.example' })).toBe(403);
  expect(await attempt({ origin: 'http://evil.example:80', host: `evil.example:${host.port}` })).toBe(421);
  // The page itself too: node:http sends the Host header we give it (fetch may silently replace it).
  expect(await getStatus(host.port, '/', `evil.example:${host.port}`)).toBe(421);
  expect(await getStatus(host.port, '/', `127.0.0.1:${host.port}`)).toBe(200);
});

function getStatus(port: number, path: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path, headers: { host: hostHeader } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

test('malformed, unknown and oversized requests are rejected without effect', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to OneWallet' })).toBeVisible();
  const replies = await page.evaluate(async () => {
    const token = sessionStorage.getItem('onewallet.token');
    const ws = new window.WebSocket(`ws://${location.host}/rpc?token=${token}`);
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    const ask = (id: number, method: string, input: unknown) =>
      new Promise<any>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          const message = JSON.parse(String(event.data));
          if (message.type === 'result' && message.id === id) {
            ws.removeEventListener('message', onMessage);
            resolve(message.result);
          }
        };
        ws.addEventListener('message', onMessage);
        ws.send(JSON.stringify({ id, method, input }));
      });
    return {
      badValue: await ask(1, 'settings/update', { theme: 'purple' }),
      extraField: await ask(2, 'settings/update', { theme: 'dark', admin: true }),
      unknown: await ask(3, 'vault/exportKeys', {}),
      oversized: await ask(4, 'settings/update', { theme: 'x'.repeat(200_000) }),
      after: await ask(5, 'settings/get', {}),
    };
  });
  expect(replies.badValue).toMatchObject({ ok: false, code: 'invalid_input', messageKey: 'errors.invalid_input' });
  expect(replies.extraField).toMatchObject({ ok: false, code: 'invalid_input' });
  expect(replies.unknown).toMatchObject({ ok: false, code: 'unknown_method' });
  expect(replies.oversized).toMatchObject({ ok: false, code: 'payload_too_large' });
  expect(replies.after).toEqual({ ok: true, value: { language: null, theme: 'system' } });
  expect(existsSync(join(host.dataDir, 'settings.json'))).toBe(false);
});

test('a dropped connection is re-opened without losing the page', async ({ page }) => {
  const sockets: { close(): Promise<void> }[] = [];
  await page.routeWebSocket(/\/rpc/, (ws) => {
    ws.connectToServer();
    sockets.push(ws);
  });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to OneWallet' })).toBeVisible();
  expect(sockets).toHaveLength(1);
  // What the user typed survives the drop: the page stays mounted while it reconnects.
  await page.getByLabel('Master password', { exact: true }).fill('typed before the drop');
  await sockets[0]!.close(); // as if the network dropped it
  await expect.poll(() => sockets.length).toBe(2);
  await expect(page.getByLabel('Master password', { exact: true })).toHaveValue('typed before the drop');
  // Still the same page, still talking to the engine.
  await page.getByLabel('Language').click();
  await page.getByTitle('简体中文').click();
  await expect(page.getByRole('heading', { name: '欢迎使用一钱包' })).toBeVisible();
  await expect(page.getByText('无法连接一钱包引擎')).toHaveCount(0);
});

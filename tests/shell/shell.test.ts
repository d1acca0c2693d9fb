/**
 * The Electron shell's guards, run against a fake `electron` module (tests/shell/fake-electron.ts)
 * that records what the shell registers: the IPC sender check (our window's top frame on
 * app://onewallet only), navigation and window.open denial, and the app:// protocol's path checks.
 * The engine behind the IPC handlers is the real one.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannelFor, METHOD_NAMES, type MethodName } from '../../shared/contract';
import { EventBus } from '../../electron/router/event-bus';
import type { Engine } from '../../electron/engine';
import { bindIpc } from '../../electron/ipc';
import { createMainWindow } from '../../electron/window';
import { APP_ORIGIN, serveRenderer } from '../../electron/protocol';
import { startTestEngine } from '../engine/support';
import { FakeBrowserWindow, recorded } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const FORBIDDEN = { ok: false, code: 'forbidden', messageKey: 'errors.forbidden' };

describe('IPC sender check (electron/ipc.ts)', () => {
  let dir: string;
  let engine: Engine;
  let window: FakeBrowserWindow;
  let unbind: () => void;
  let current: FakeBrowserWindow | null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-shell-'));
    engine = await startTestEngine(dir);
    window = createMainWindow('/app/preload.cjs') as unknown as FakeBrowserWindow;
    current = window;
    unbind = bindIpc(engine, new EventBus(), () => current as never);
  });
  afterAll(async () => {
    unbind();
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    current = window;
    window.webContents.mainFrame.url = `${APP_ORIGIN}/index.html`;
  });

  /** Calls the handler the shell registered for `method`, as Electron would for this sender. */
  const invoke = (method: MethodName, input: unknown, event: unknown) => {
    const handler = recorded.ipcHandlers.get(ipcChannelFor(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, input);
  };
  const fromOurTopFrame = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });

  it('registers one handler per contract method', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannelFor).sort());
  });

  it("answers our window's top frame on app://onewallet", async () => {
    expect(await invoke('app/info', {}, fromOurTopFrame())).toMatchObject({ ok: true, value: { name: 'OneWallet' } });
  });

  it('refuses every forged sender, and the refused call changes nothing', async () => {
    const stranger = new FakeBrowserWindow({});
    stranger.webContents.mainFrame.url = `${APP_ORIGIN}/index.html`;
    const forged: [string, unknown][] = [
      ['another window, even on app://onewallet', { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame }],
      ['a subframe of our window on app://onewallet', { sender: window.webContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } }],
      ['no frame (destroyed)', { sender: window.webContents, senderFrame: null }],
      ['a top frame that failed to load (empty URL)', { sender: window.webContents, senderFrame: Object.assign(window.webContents.mainFrame, { url: '' }) }],
    ];
    for (const [what, event] of forged) {
      expect(await invoke('settings/update', { theme: 'dark' }, event), what).toEqual({ ...FORBIDDEN, params: {} });
    }
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'app://onewallet.evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:1234/']) {
      window.webContents.mainFrame.url = url;
      expect(await invoke('settings/update', { theme: 'dark' }, fromOurTopFrame()), url).toEqual({ ...FORBIDDEN, params: {} });
    }
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
    // No window at all (closed, or not created yet).
    current = null;
    expect(await invoke('app/info', {}, fromOurTopFrame())).toEqual({ ...FORBIDDEN, params: {} });
  });

  it('removes its handlers when unbound', () => {
    unbind();
    expect(recorded.ipcHandlers.size).toBe(0);
    unbind = bindIpc(engine, new EventBus(), () => current as never);
    expect(recorded.ipcHandlers.size).toBe(METHOD_NAMES.length);
  });
});

describe('the window (electron/window.ts)', () => {
  const window = createMainWindow('/app/preload.cjs', ['onewallet.example']) as unknown as FakeBrowserWindow;

  it('is isolated and sandboxed, and loads app://onewallet', () => {
    expect(window.options.webPreferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
  });

  it('denies navigation away from app://onewallet/', () => {
    for (const url of ['https://evil.example/', 'app://onewallet.evil.example/', 'app://evil/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://onewallet']) {
      expect(window.webContents.emitPreventable('will-navigate', url), url).toBe(true);
    }
    expect(window.webContents.emitPreventable('will-navigate', `${APP_ORIGIN}/index.html#/accounts`)).toBe(false);
  });

  it('denies every window.open; only https links to the allowlist go to the user’s browser', () => {
    const handler = window.webContents.windowOpenHandler!;
    recorded.openedExternally.length = 0;
    const refused = ['http://onewallet.example/help', 'https://evil.example/', 'https://onewallet.example@evil.example/', 'https://user@onewallet.example/', 'https://onewallet.example.evil.example/'];
    for (const url of ['https://onewallet.example/help', ...refused, 'http://evil.example/', `${APP_ORIGIN}/index.html`, 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(handler({ url }), url).toEqual({ action: 'deny' });
    }
    expect(recorded.openedExternally).toEqual(['https://onewallet.example/help']);
  });

  it('refuses to attach a webview', () => {
    expect(window.webContents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('the app:// protocol (electron/protocol.ts)', () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'ow-renderer-'));
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));
  serveRenderer(rendererDir);
  const handler = recorded.protocolHandlers.get('app')!;

  /** The response and the file (if any) the handler asked net.fetch for. */
  async function get(url: string): Promise<{ status: number; file: string | null; csp: string | null }> {
    recorded.fetched.length = 0;
    const response = await handler({ url });
    const fetched = recorded.fetched[0];
    return { status: response.status, file: fetched ? fileURLToPath(fetched) : null, csp: response.headers.get('content-security-policy') };
  }

  it('serves files of the renderer folder with the CSP header', async () => {
    expect(await get(`${APP_ORIGIN}/index.html`)).toMatchObject({ status: 200, file: join(rendererDir, 'index.html'), csp: expect.stringContaining("default-src 'self'") });
    expect((await get(`${APP_ORIGIN}/`)).file).toBe(join(rendererDir, 'index.html'));
    expect((await get(`${APP_ORIGIN}/assets/app.js`)).file).toBe(join(rendererDir, 'assets', 'app.js'));
  });

  it('never reads outside the renderer folder (../ in any spelling, absolute paths)', async () => {
    const hostile = [
      `${APP_ORIGIN}/../../../../etc/passwd`,
      `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
      `${APP_ORIGIN}/..%2f..%2f..%2fetc%2fpasswd`,
      `${APP_ORIGIN}/assets/..%2f..%2f..%2f..%2fetc%2fpasswd`,
      `${APP_ORIGIN}//etc/passwd`,
      `${APP_ORIGIN}/%2fetc%2fpasswd`,
      `${APP_ORIGIN}/..%5c..%5cwindows%5cwin.ini`,
    ];
    for (const url of hostile) {
      const { status, file } = await get(url);
      if (file === null) expect(status, url).toBe(403);
      else expect(file.startsWith(rendererDir + sep), `${url} read ${file}`).toBe(true);
    }
  });

  it('answers only for the onewallet host', async () => {
    for (const url of ['app://evil/index.html', 'app://onewallet.evil.example/index.html', 'app://127.0.0.1/index.html']) {
      expect(await get(url), url).toEqual({ status: 404, file: null, csp: expect.stringContaining("default-src 'self'") });
    }
  });
});

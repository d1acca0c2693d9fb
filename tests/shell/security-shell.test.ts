/**
 * The Electron security checklist, as the shell builds it (SECURITY.md points here): the window's
 * webPreferences, permission handlers that deny everything in every session, <webview>, navigation
 * and pop-ups refused in every web contents, links out only as https to the allowlist, CSP on every
 * app:// response — and the panic lock's global shortcut and tray, and auto-lock's powerMonitor
 * inputs, driving the real engine. Runs against the fake `electron` module (fake-electron.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../electron/engine';
import { APP_ORIGIN, serveRenderer } from '../../electron/protocol';
import { hardenSessions, installPanicTriggers, PANIC_SHORTCUT, watchPowerForAutoLock } from '../../electron/security-shell';
import { allowedExternalHosts, isAllowedExternalUrl } from '../../electron/security/external-links';
import { createMainWindow } from '../../electron/window';
import { callOk, PASSWORD, startTestEngine } from '../engine/support';
import { FakeBrowserWindow, FakeSession, FakeWebContents, recorded } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'serial', 'usb', 'idle-detection', 'unknown'];

describe('BrowserWindow options (electron/window.ts)', () => {
  const window = createMainWindow('/app/preload.cjs') as unknown as FakeBrowserWindow;
  const prefs = window.options.webPreferences!;

  it('isolates, sandboxes and keeps Node, insecure content, experimental features and <webview> off', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    for (const forbidden of ['enableBlinkFeatures', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'enableRemoteModule']) expect(prefs, forbidden).not.toHaveProperty(forbidden);
  });

  it('loads only the local app:// origin (no remote content)', () => {
    expect(window.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
  });
});

describe('sessions and web contents (electron/security-shell.ts)', () => {
  hardenSessions(['help.onewallet.example']);

  const ask = (session: FakeSession, permission: string) =>
    new Promise<boolean>((resolve) => session.permissionRequestHandler!({}, permission, resolve, {}));

  it('denies every permission request and check in the default session', async () => {
    for (const permission of PERMISSIONS) {
      expect(await ask(recorded.defaultSession, permission), permission).toBe(false);
      expect(recorded.defaultSession.permissionCheckHandler!({}, permission, APP_ORIGIN, {}), permission).toBe(false);
    }
  });

  it('denies them in every session created later too', async () => {
    const later = new FakeSession();
    for (const listener of recorded.appListeners.get('session-created') ?? []) listener(later);
    expect(await ask(later, 'media')).toBe(false);
    expect(later.permissionCheckHandler!({}, 'notifications', APP_ORIGIN, {})).toBe(false);
  });

  it('every web contents created later refuses <webview>, navigation away, redirects away and new windows', () => {
    const contents = new FakeWebContents();
    for (const listener of recorded.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', `${APP_ORIGIN}/index.html#/security`)).toBe(false);
    recorded.openedExternally.length = 0;
    expect(contents.windowOpenHandler!({ url: 'https://help.onewallet.example/faq' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://help.onewallet.example/faq']);
  });
});

describe('links out (electron/security/external-links.ts)', () => {
  it('allows https to the support site’s host only', () => {
    const hosts = allowedExternalHosts('https://help.onewallet.example/start');
    expect(hosts).toEqual(['help.onewallet.example']);
    expect(allowedExternalHosts('http://help.onewallet.example/')).toEqual([]);
    expect(allowedExternalHosts(null)).toEqual([]);
    expect(isAllowedExternalUrl('https://help.onewallet.example/a?b#c', hosts)).toBe(true);
    for (const url of ['http://help.onewallet.example/', 'https://evil.example/', 'https://help.onewallet.example@evil.example/', 'https://x:y@help.onewallet.example/', 'https://help.onewallet.example.evil.example/', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      expect(isAllowedExternalUrl(url, hosts), url).toBe(false);
    }
  });
});

describe('CSP on every app:// response (electron/protocol.ts)', () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'ow-renderer-'));
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));
  serveRenderer(rendererDir);
  const handler = recorded.protocolHandlers.get('app')!;

  it('on files, on 404 and on 403 alike', async () => {
    for (const url of [`${APP_ORIGIN}/index.html`, 'app://evil/index.html', `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`]) {
      const response = await handler({ url });
      expect(response.headers.get('content-security-policy'), `${url} (${response.status})`).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('panic lock and auto-lock inputs reach the real engine', () => {
  let dir: string;
  let engine: Engine;
  let walletId: string;
  const window = new FakeBrowserWindow({});
  let stopPower: () => void;
  let panic: { dispose(): void };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-shell-security-'));
    engine = await startTestEngine(dir);
    walletId = (await callOk(engine, 'wallet/create', { name: 'Shell', password: PASSWORD })).walletId;
    await callOk(engine, 'ledger/openAccount', { requestId: 'a1', name: 'Cash', kind: 'cash', currency: 'CNY' });
    panic = installPanicTriggers(engine, () => 'en-US');
    stopPower = watchPowerForAutoLock(engine, () => window as never);
  });
  afterAll(async () => {
    stopPower();
    panic.dispose();
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const unlocked = async () => (await callOk(engine, 'wallet/status')).unlocked !== null;
  const unlock = () => callOk(engine, 'wallet/unlock', { walletId, password: PASSWORD });
  const lastEntry = async () => (await callOk(engine, 'security/log', { limit: 2 })).entries.find((entry: { kind: string }) => entry.kind !== 'unlocked');

  it('the global shortcut locks at once', async () => {
    expect(recorded.shortcuts.has(PANIC_SHORTCUT)).toBe(true);
    recorded.shortcuts.get(PANIC_SHORTCUT)!();
    expect(await unlocked()).toBe(false);
    await unlock();
    expect((await lastEntry()).kind).toBe('panic_locked');
  });

  it('the tray menu: lock now, and freeze all accounts and lock', async () => {
    const tray = recorded.trays.at(-1)!;
    expect(tray.menu.map((item) => item.label)).toEqual(['Lock OneWallet now', 'Freeze all accounts and lock']);
    tray.menu[0]!.click();
    expect(await unlocked()).toBe(false);
    await unlock();
    tray.menu[1]!.click();
    expect(await unlocked()).toBe(false);
    await unlock();
    expect((await callOk(engine, 'ledger/accounts')).accounts.every((account: { frozen: boolean }) => account.frozen)).toBe(true);
  });

  it('suspend and screen lock lock the wallet (switches on by default); minimize does not until switched on', async () => {
    recorded.emitPower('suspend');
    expect(await unlocked()).toBe(false);
    await unlock();
    expect((await lastEntry())).toMatchObject({ kind: 'auto_locked', details: { reason: 'suspend' } });
    recorded.emitPower('lock-screen');
    expect(await unlocked()).toBe(false);
    await unlock();
    expect((await lastEntry())).toMatchObject({ kind: 'auto_locked', details: { reason: 'screen' } });
    window.emit('minimize');
    expect(await unlocked()).toBe(true);
    await callOk(engine, 'security/updateAutoLock', { onMinimize: true, onSuspend: false });
    recorded.emitPower('suspend');
    expect(await unlocked()).toBe(true);
    window.emit('minimize');
    expect(await unlocked()).toBe(false);
  });

  it('stops listening when disposed', async () => {
    await unlock();
    stopPower();
    await callOk(engine, 'security/updateAutoLock', { onSuspend: true });
    recorded.emitPower('suspend');
    expect(await unlocked()).toBe(true);
    stopPower = () => {};
  });
});

/**
 * The Electron shell's security wiring (the checklist in SECURITY.md points here):
 *  - every session denies every permission request and check (camera, notifications' prompt,
 *    geolocation, clipboard-read… the wallet needs none), and every web contents refuses
 *    <webview>, navigation away from app://onewallet and new windows — also contents created
 *    later, through `web-contents-created`;
 *  - links leave the app only as https to the allowlist (security/external-links.ts);
 *  - the panic lock: a global shortcut (Ctrl/Cmd+Shift+L) and a tray menu ("Lock now", "Freeze all
 *    accounts and lock") that reach the engine directly, so they work while the window is hidden;
 *  - auto-lock's inputs: powerMonitor (suspend, lock-screen, resume) and minimize go to the
 *    security centre, which applies the user's switches; the system idle time resets its timer
 *    whenever the user was active anywhere on the system.
 */
import { app, globalShortcut, Menu, nativeImage, powerMonitor, session, shell, Tray, type BrowserWindow, type Session, type WebContents } from 'electron';
import type { Engine } from './engine';
import { APP_ORIGIN } from './protocol';
import { isAllowedExternalUrl } from './security/external-links';
import { translate, type Language } from '../shared/i18n';

export const PANIC_SHORTCUT = 'CommandOrControl+Shift+L';
/** How often the system idle time is read; activity within the last interval counts as "here". */
export const SYSTEM_IDLE_POLL_MS = 10_000;

/** Denies every permission request and check of `target` (default session and any other). */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** Navigation, new windows and <webview> for one web contents: only our own pages, never a pop-up. */
export function lockDownContents(contents: WebContents, externalHosts: readonly string[]): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, externalHosts)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Before any window exists: the default session and every later session and web contents. */
export function hardenSessions(externalHosts: readonly string[]): void {
  denyAllPermissions(session.defaultSession);
  app.on('session-created', denyAllPermissions);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, externalHosts));
}

export interface PanicTriggers {
  dispose(): void;
}

/** The global shortcut and the tray menu of the panic lock. */
export function installPanicTriggers(engine: Pick<Engine, 'security'>, language: () => Language): PanicTriggers {
  const t = (key: string) => translate(language(), key);
  const panic = (freezeAll: boolean) => engine.security.panicLock(freezeAll);
  // Another app may own the shortcut: then the tray and the header button remain.
  globalShortcut.register(PANIC_SHORTCUT, () => panic(false));
  const tray = new Tray(trayIcon());
  tray.setToolTip('OneWallet');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: t('security.panic.tray'), accelerator: PANIC_SHORTCUT, click: () => panic(false) },
      { label: t('security.panic.trayFreeze'), click: () => panic(true) },
    ]),
  );
  return {
    dispose: () => {
      globalShortcut.unregister(PANIC_SHORTCUT);
      tray.destroy();
    },
  };
}

/**
 * A 16×16 dot in the brand blue, drawn here: the app ships only an SVG icon, which nativeImage
 * cannot read, and a tray icon must not depend on a file that packaging might leave out.
 */
function trayIcon() {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - 7.5) ** 2 + (y - 7.5) ** 2 <= 7.5 ** 2;
      pixels.set(inside ? [0xff, 0x77, 0x16, 0xff] : [0, 0, 0, 0], (y * size + x) * 4); // BGRA
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size });
}

/** powerMonitor and the window's minimize feed auto-lock (the switches are applied by the engine). */
export function watchPowerForAutoLock(engine: Pick<Engine, 'security'>, window: () => BrowserWindow | null): () => void {
  const onSuspend = () => engine.security.systemEvent('suspend');
  const onLockScreen = () => engine.security.systemEvent('lock-screen');
  const onResume = () => engine.security.systemEvent('resume');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('resume', onResume);
  const onMinimize = () => engine.security.systemEvent('minimize');
  const watched = window();
  watched?.on('minimize', onMinimize);
  // Input anywhere on the system (not only in our window) means the user is at the computer.
  const poll = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() * 1000 < SYSTEM_IDLE_POLL_MS) engine.security.autoLock.activity();
  }, SYSTEM_IDLE_POLL_MS);
  return () => {
    clearInterval(poll);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onLockScreen);
    powerMonitor.off('resume', onResume);
    watched?.off('minimize', onMinimize);
  };
}

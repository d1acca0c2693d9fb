/** The one application window: isolated, sandboxed, no navigation, no pop-ups. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol';
import { lockDownContents } from './security-shell';

/** `externalHosts`: where https links may open in the user's browser (the build's support site). */
export function createMainWindow(preloadPath: string, externalHosts: readonly string[] = []): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show so the user never sees a white flash
    title: 'OneWallet',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  // Nothing inside the wallet may open another window, navigate away or attach a <webview>; only
  // https links to the allowlist leave the app, and only in the user's browser.
  lockDownContents(window.webContents, externalHosts);

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export const preloadFile = (mainDir: string) => join(mainDir, '../preload/preload.cjs');
export const rendererDir = (mainDir: string) => join(mainDir, '../renderer');

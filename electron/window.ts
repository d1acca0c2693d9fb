/** The one application window: isolated, sandboxed, no navigation, no pop-ups. */
import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol';

export function createMainWindow(preloadPath: string): BrowserWindow {
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
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  // Nothing inside the wallet may open another window or navigate away from it.
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Only our own documentation links (https) leave the app, and only in the user's browser.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export const preloadFile = (mainDir: string) => join(mainDir, '../preload/preload.cjs');
export const rendererDir = (mainDir: string) => join(mainDir, '../renderer');

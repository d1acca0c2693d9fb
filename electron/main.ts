/**
 * The Electron shell: single instance, one window, the engine behind IPC. Everything that is
 * not about windows, protocols or IPC lives in the capability folders and runs on plain Node.
 */
import { app, type BrowserWindow } from 'electron';
import log from 'electron-log/main';
import { join } from 'node:path';
import { electronUpdateWiring } from './app-updater';
import { startEngine, type Engine } from './engine';
import { EventBus } from './router/event-bus';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, preloadFile, rendererDir } from './window';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  log.initialize();
  let window: BrowserWindow | null = null;
  let engine: Engine | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(async () => {
    const bus = new EventBus();
    engine = await startEngine(
      {
        dataDir: join(app.getPath('userData'), 'data'),
        bus,
        log: log.scope('engine'),
        platform: { mode: 'electron', appVersion: app.getVersion(), platform: process.platform, systemLocale: app.getLocale() },
      },
      // Disposal (will-quit below) lets the policy re-check or disarm install-on-quit first.
      { update: electronUpdateWiring() },
    );
    serveRenderer(rendererDir(__dirname));
    bindIpc(engine, bus, () => window);
    window = createMainWindow(preloadFile(__dirname));
    window.on('closed', () => (window = null));
  });

  app.on('window-all-closed', () => app.quit());

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !engine) return;
    event.preventDefault();
    void engine.dispose(5000).finally(() => {
      disposed = true;
      app.quit();
    });
  });
}

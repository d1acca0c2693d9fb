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
import { startHostCrashReporting, type HostCrashReporting } from './crash/host';
import { scrubLogHook } from './crash/log-hook';
import { collectNativeDumps, installHelpMenu, startNativeCrashReporter, watchChildProcesses, watchWindow } from './crash-shell';
import { pickLanguage } from '../shared/i18n';
import { notifyAlerts } from './alert-notifications';
import { hardenSessions, installPanicTriggers, watchPowerForAutoLock } from './security-shell';
import { allowedExternalHosts } from './security/external-links';
import { buildSupportSettings } from './crash/build-config';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  startNativeCrashReporter();
  log.initialize();
  let window: BrowserWindow | null = null;
  let engine: Engine | null = null;
  let crash: HostCrashReporting | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(async () => {
    const bus = new EventBus();
    const dataDir = join(app.getPath('userData'), 'data');
    crash = startHostCrashReporting({
      dataDir,
      appVersion: app.getVersion(),
      electronVersion: process.versions.electron,
      chromeVersion: process.versions.chrome,
      log: (line) => log.error(line),
      exit: (code) => app.exit(code),
    });
    // Every log line of main and renderer, to every transport, passes the one scrubber.
    log.hooks.push(scrubLogHook(crash.reporter.memory));
    collectNativeDumps(crash.reporter);
    watchChildProcesses(crash.reporter);
    try {
      engine = await startEngine(
        {
          dataDir,
          bus,
          log: log.scope('engine'),
          platform: { mode: 'electron', appVersion: app.getVersion(), platform: process.platform, systemLocale: app.getLocale() },
        },
        // Disposal (will-quit below) lets the policy re-check or disarm install-on-quit first.
        { crashReporter: crash.reporter, update: electronUpdateWiring() },
      );
    } catch (error) {
      crash.startFailed(error);
      app.exit(1);
      return;
    }
    // Permissions denied and navigation, pop-ups and <webview> refused in every session and web contents, before any exists.
    const externalHosts = allowedExternalHosts(buildSupportSettings().site);
    hardenSessions(externalHosts);
    serveRenderer(rendererDir(__dirname));
    bindIpc(engine, bus, () => window);
    window = createMainWindow(preloadFile(__dirname), externalHosts);
    // Panic lock from anywhere (global shortcut, tray) and auto-lock's system inputs.
    const panic = installPanicTriggers(engine, () => pickLanguage([app.getLocale()]));
    const stopPowerWatch = watchPowerForAutoLock(engine, () => window);
    app.once('will-quit', () => {
      panic.dispose();
      stopPowerWatch();
    });
    const showCrashView = () => void window?.webContents.executeJavaScript("window.location.hash = '#/crashes'");
    const rendererLog = log.scope('renderer');
    watchWindow(window, crash.reporter, {
      language: () => pickLanguage([app.getLocale()]),
      showReports: showCrashView,
      log: (level, message) => rendererLog[level](message),
    });
    installHelpMenu(pickLanguage([app.getLocale()]), showCrashView);
    notifyAlerts(bus, {
      language: () => pickLanguage([app.getLocale()]),
      showAlerts: () => {
        if (!window) return;
        if (window.isMinimized()) window.restore();
        window.focus();
        void window.webContents.executeJavaScript("window.location.hash = '#/security?tab=alerts'");
      },
    });
    window.on('closed', () => (window = null));
  });

  app.on('window-all-closed', () => app.quit());

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !engine) return;
    event.preventDefault();
    void engine.dispose(5000).finally(() => {
      disposed = true;
      crash?.cleanQuit();
      app.quit();
    });
  });
}

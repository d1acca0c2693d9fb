/**
 * The Electron shell's crash wiring: native crashReporter with uploadToServer: false (minidumps
 * stay local and are listed), render-process-gone (reason, exit code; reload automatically at
 * most 3 times in 5 minutes, then the recovery dialog), child-process-gone (type, reason, name),
 * unresponsive/responsive (how long), did-fail-load, and electron-log through the scrubber.
 * Everything it records goes through the engine's CrashReporter; nothing here decides privacy.
 */
import { app, crashReporter, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { CrashReporter } from './crash/reporter';
import { collectMinidumps } from './crash/minidumps';
import { ReloadBudget } from './crash/reload-budget';
import { translate, type Language } from '../shared/i18n';

/** Starts Chromium's crash handler; must run before the app is ready. Dumps are never uploaded. */
export function startNativeCrashReporter(): void {
  crashReporter.start({ uploadToServer: false, compress: true });
}

/** Lists the dumps left by earlier runs as reports (after the reporter exists). */
export function collectNativeDumps(reporter: CrashReporter): number {
  return collectMinidumps(app.getPath('crashDumps'), reporter);
}

export function watchChildProcesses(reporter: CrashReporter): void {
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    reporter.capture({
      process: details.type === 'GPU' ? 'gpu' : 'utility',
      kind: 'childProcessGone',
      error: Object.assign(new Error(`${details.type} process gone: ${details.reason}`), { name: 'ChildProcessGone', stack: '' }),
      details: { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name ?? details.serviceName ?? '' },
    });
  });
}

export interface WindowWatchOptions {
  language(): Language;
  /** Opens the Crash reports view (after a reload when the window had crashed). */
  showReports(): void;
  /** The renderer's warnings and errors go to the app's log (electron-log, scrubbed by its hook). */
  log?(level: 'warn' | 'error', message: string): void;
}

export function watchWindow(window: BrowserWindow, reporter: CrashReporter, options: WindowWatchOptions): void {
  const budget = new ReloadBudget();
  const contents = window.webContents;
  const t = (key: string) => translate(options.language(), key);

  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    reporter.capture({
      process: 'renderer',
      kind: 'renderProcessGone',
      error: Object.assign(new Error(`window process gone: ${details.reason}`), { name: 'RenderProcessGone', stack: '' }),
      details: { reason: details.reason, exitCode: details.exitCode },
    });
    if (window.isDestroyed()) return;
    if (budget.take()) {
      contents.reload();
      return;
    }
    void dialog
      .showMessageBox(window, {
        type: 'error',
        title: t('crash.shell.title'),
        message: t('crash.shell.message'),
        detail: t('crash.shell.detail'),
        buttons: [t('crash.recovery.reload_app'), t('crash.startup.see_reports'), t('crash.shell.quit')],
        defaultId: 0,
        cancelId: 2,
      })
      .then(({ response }) => {
        if (window.isDestroyed()) return;
        if (response === 0) contents.reload();
        else if (response === 1) options.showReports();
        else app.quit();
      });
  });

  let unresponsiveSince: number | null = null;
  window.on('unresponsive', () => {
    unresponsiveSince ??= Date.now();
  });
  window.on('responsive', () => {
    if (unresponsiveSince === null) return;
    const seconds = Math.round((Date.now() - unresponsiveSince) / 1000);
    unresponsiveSince = null;
    reporter.capture({
      process: 'renderer',
      kind: 'unresponsive',
      error: Object.assign(new Error(`window did not respond for ${seconds} s`), { name: 'Unresponsive', stack: '' }),
      details: { seconds },
    });
  });

  contents.on('console-message', (details) => {
    if (details.level === 'warning' || details.level === 'error') options.log?.(details.level === 'error' ? 'error' : 'warn', `renderer: ${details.message}`);
  });

  contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (!isMainFrame) return;
    reporter.capture({
      process: 'renderer',
      kind: 'didFailLoad',
      error: Object.assign(new Error(`page failed to load: ${errorDescription}`), { name: 'DidFailLoad', stack: '' }),
      details: { errorCode, errorDescription },
    });
  });
}

/**
 * The application menu: the platform's standard menus (by role, so copy/paste and the macOS app
 * menu keep working) plus Help → Report a problem / Crash reports, both opening the crash view.
 */
export function installHelpMenu(language: Language, openCrashView: () => void): void {
  const t = (key: string) => translate(language, key);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: `${t('crash.problem.open')}…`, click: openCrashView },
        { label: t('nav.crashes'), click: openCrashView },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

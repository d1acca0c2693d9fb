/**
 * The Electron shell's crash wiring (electron/crash-shell.ts), typechecked against electron's
 * .d.ts and run here against the fake electron module: native crashReporter never uploads;
 * a gone window process is reported and reloaded at most 3 times in 5 minutes, then the recovery
 * dialog; child-process-gone, unresponsive time and did-fail-load are reported; minidumps are
 * listed; electron-log's hook scrubs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CrashReporter } from '../../electron/crash/reporter';
import { ReloadBudget } from '../../electron/crash/reload-budget';
import { scrubLogHook } from '../../electron/crash/log-hook';
import { collectNativeDumps, installHelpMenu, startNativeCrashReporter, watchChildProcesses, watchWindow } from '../../electron/crash-shell';
import { FakeBrowserWindow, recorded } from '../shell/fake-electron';

vi.mock('electron', async () => (await import('../shell/fake-electron')).fakeElectron);

let dir: string;
let reporter: CrashReporter;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ow-crash-shell-'));
  reporter = new CrashReporter({ dataDir: join(dir, 'data'), appVersion: '1.0.0', electronVersion: '39.0.0', chromeVersion: '142.0' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

it('starts the native crash reporter with uploads off', () => {
  startNativeCrashReporter();
  expect(recorded.crashReporterStarts.at(-1)).toMatchObject({ uploadToServer: false });
});

it('a gone window process: reported with reason and exit code, reloaded 3 times, then the recovery dialog', async () => {
  const window = new FakeBrowserWindow({});
  const shown: string[] = [];
  watchWindow(window as never, reporter, { language: () => 'en-US', showReports: () => shown.push('reports') });
  for (let i = 0; i < 3; i++) window.webContents.emit('render-process-gone', { reason: 'crashed', exitCode: 139 });
  expect(window.webContents.reloads).toBe(3);
  expect(recorded.dialogs).toHaveLength(0);
  recorded.dialogResponse = 1; // "Crash reports"
  window.webContents.emit('render-process-gone', { reason: 'oom', exitCode: 9 });
  await until(() => shown.length > 0);
  expect(window.webContents.reloads).toBe(3);
  expect(recorded.dialogs[0]?.message).toBe('The OneWallet window keeps crashing.');
  window.webContents.emit('render-process-gone', { reason: 'clean-exit', exitCode: 0 }); // not a crash
  const reports = reporter.store.list().filter((r) => r.kind === 'renderProcessGone');
  expect(reports).toHaveLength(4);
  expect(reports[0]).toMatchObject({ process: 'renderer', details: { reason: 'oom', exitCode: 9 }, versions: { electron: '39.0.0', chrome: '142.0' } });
});

it('the reload budget refills after five minutes', () => {
  const budget = new ReloadBudget();
  expect([0, 1, 2, 3].map(() => budget.take(1000))).toEqual([true, true, true, false]);
  expect(budget.take(1000 + 5 * 60 * 1000)).toBe(true);
});

it('child-process-gone names type, reason and name; unresponsive says how long; did-fail-load is kept', () => {
  watchChildProcesses(reporter);
  const emitApp = (event: string, ...args: unknown[]) => recorded.appListeners.get(event)?.forEach((l) => l({}, ...args));
  emitApp('child-process-gone', { type: 'GPU', reason: 'crashed', exitCode: 5 });
  emitApp('child-process-gone', { type: 'Utility', reason: 'killed', exitCode: 9, serviceName: 'network.mojom.NetworkService', name: 'Network Service' });
  emitApp('child-process-gone', { type: 'Utility', reason: 'clean-exit', exitCode: 0 });
  const window = new FakeBrowserWindow({});
  const logged: string[] = [];
  watchWindow(window as never, reporter, { language: () => 'zh-CN', showReports: () => {}, log: (level, message) => logged.push(`${level} ${message}`) });
  // Electron 45 puts the details on the event object itself.
  const consoleMessage = (details: object) => window.webContents.listeners.get('console-message')!.forEach((listener) => listener(details));
  consoleMessage({ level: 'error', message: 'boom' });
  consoleMessage({ level: 'info', message: 'chatter' });
  expect(logged).toEqual(['error renderer: boom']);
  window.emit('unresponsive');
  window.emit('responsive');
  window.webContents.emit('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'app://onewallet/index.html', true);
  window.webContents.emit('did-fail-load', -3, 'ERR_ABORTED', 'app://onewallet/x', false); // a subframe: not a crash
  const byKind = (kind: string) => reporter.store.list().filter((r) => r.kind === kind);
  expect(byKind('childProcessGone').map((r) => [r.process, r.details.reason, r.details.name]).sort()).toEqual([
    ['gpu', 'crashed', ''],
    ['utility', 'killed', 'Network Service'],
  ]);
  expect(byKind('unresponsive')[0]?.details.seconds).toBeGreaterThanOrEqual(0);
  expect(byKind('didFailLoad').map((r) => r.details.errorDescription)).toEqual(['ERR_FILE_NOT_FOUND']);
});

it('minidumps left by Electron are moved beside the reports and listed once', () => {
  const dumps = join(dir, 'Crashpad', 'completed');
  mkdirSync(dumps, { recursive: true });
  writeFileSync(join(dumps, 'abc-123.dmp'), Buffer.from('MDMP fake dump'));
  recorded.paths.set('crashDumps', join(dir, 'Crashpad'));
  expect(collectNativeDumps(reporter)).toBe(1);
  expect(collectNativeDumps(reporter)).toBe(0);
  const [report] = reporter.store.list();
  expect(report).toMatchObject({ kind: 'nativeCrash', minidump: 'abc-123.dmp' });
  expect(existsSync(join(reporter.store.dir, 'abc-123.dmp'))).toBe(true);
  reporter.store.delete(report!.id);
  expect(existsSync(join(reporter.store.dir, 'abc-123.dmp'))).toBe(false);
});

it("electron-log's hook passes every argument through the scrubber", () => {
  reporter.memory.remember({ payee: 'Zephyrine Bakery', password: 'hunter2 hunter2' });
  const hook = scrubLogHook(reporter.memory);
  const out = hook({ data: ['paid Zephyrine Bakery 12.50', new Error(`pw hunter2 hunter2 at ${join(dir, 'data')}`), { note: 'Zephyrine Bakery' }, 42] });
  expect(out.data.join(' ')).not.toMatch(/Zephyrine|hunter2|ow-crash-shell/);
  expect(out.data[3]).toBe(42);
});

it('Help → Report a problem and Crash reports open the crash view; the standard menus stay (by role)', () => {
  const opened: number[] = [];
  installHelpMenu('zh-CN', () => opened.push(1));
  const menu = recorded.menu as { role?: string; submenu?: { label: string; click(): void }[] }[];
  expect(menu.map((item) => item.role)).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'help']));
  const help = menu.find((item) => item.role === 'help')!.submenu!;
  expect(help.map((item) => item.label)).toEqual(['报告问题…', '崩溃报告']);
  help.forEach((item) => item.click());
  expect(opened).toHaveLength(2);
});

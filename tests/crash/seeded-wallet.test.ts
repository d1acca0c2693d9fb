/**
 * Acceptance for scrubbing: a wallet filled with seeded unique strings (payee, note, account and
 * wallet names, amounts, the password, the recovery key, the data-folder path); every capture
 * path is triggered with errors that carry them, a bundle, a problem report and log lines are
 * written — and then every byte of every file the crash reporter wrote is searched for them.
 */
import { EventEmitter } from 'node:events';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import { installProcessCapture } from '../../electron/crash/process-capture';
import { CrashReporter } from '../../electron/crash/reporter';
import { ScrubbedLog } from '../../electron/crash/scrubbed-log';
import { EventBus } from '../../electron/router/event-bus';
import { TEST_KDF } from '../engine/support';
import { seededRandom, testSeed } from '../vault/support/rng';

let dir: string;
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

it('no seeded personal string or secret appears in any file the crash reporter wrote', async () => {
  const seed = testSeed('crash scrubbing');
  const random = seededRandom(seed);
  const word = (n = 9) => Array.from({ length: n }, () => 'bcdfghjkmnpqrstvwxz'[Math.floor(random() * 19)]).join('');
  dir = mkdtempSync(join(tmpdir(), `ow-crash-${word(6)}-`));
  const s = {
    wallet: `Wallet ${word()}`,
    account: `Account ${word()}`,
    payee: `Payee ${word()}`,
    note: `Note ${word()} 备注`,
    amount: `${Math.floor(random() * 80000) + 10000}.${Math.floor(random() * 80) + 10}`,
    password: `pass ${word(12)} phrase`,
    dataDir: dir,
  };
  const logFile = join(dir, 'logs-engine.log');
  const fileLog = { info: (m: string) => appendFileSync(logFile, `${m}\n`), warn: (m: string) => appendFileSync(logFile, `${m}\n`), error: (m: string) => appendFileSync(logFile, `${m}\n`) };
  const reporter = new CrashReporter({ dataDir: dir, appVersion: '1.0.0' });
  engine = await startEngine(
    { dataDir: dir, bus: new EventBus(), log: fileLog, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF }, crashReporter: reporter },
  );
  const call = async (method: MethodName, input: unknown = {}) => {
    const result = await engine!.router.call(method, input, { transport: 'test' });
    if (!result.ok) throw new Error(`${method}: ${result.messageKey}`);
    return result.value as any;
  };
  const { recoveryKey } = await call('wallet/create', { name: s.wallet, password: s.password });
  const secrets: string[] = [...Object.values(s), recoveryKey, recoveryKey.replace(/-/g, '')];
  const accountId = (await call('ledger/openAccount', { requestId: 'r1', name: s.account, kind: 'bank', currency: 'CNY', openingBalance: '900000' })).ids[0];
  await call('ledger/recordTransaction', { requestId: 'r2', kind: 'expense', accountId, amount: s.amount, currency: 'CNY', date: '2026-11-20', payee: s.payee, note: s.note });
  await call('wallet/verify');

  const leaky = (label: string) => {
    const error = new Error(`${label}: ${s.payee} paid ${s.amount} (¥${Number(s.amount).toLocaleString('en-US')}) from ${s.account} in ${s.wallet}; ${s.note}; pw ${s.password}; rk ${recoveryKey}; file ${s.dataDir}/wallets/x`);
    error.stack = `${error.message}\n    at leak (${s.dataDir}/app.js:1:2)`;
    return error;
  };
  // Host paths: uncaught exception (the host would exit; here the exit is recorded) and rejection.
  const fakeProcess = new EventEmitter();
  const exits: number[] = [];
  installProcessCapture(reporter, { log: () => {}, exit: (code) => exits.push(code) }, fakeProcess as unknown as NodeJS.Process);
  fakeProcess.emit('uncaughtException', leaky('exception'));
  fakeProcess.emit('unhandledRejection', leaky('rejection'));
  expect(exits).toEqual([1]);
  reporter.capture({ process: 'engine', kind: 'engineStartFailed', error: leaky('start') });
  // The real Argon2id worker crash path.
  await call('crash/test', { target: 'worker' });
  // Renderer paths, as the renderer sends them (unscrubbed: the engine owns the scrubber).
  for (const kind of ['rendererError', 'rendererRejection', 'renderError'] as const) {
    const error = leaky(kind);
    await call('crash/reportRenderer', {
      kind, name: 'Error', message: error.message, stack: error.stack, componentStack: `in Row (${s.payee})`, test: false, chrome: '140.0',
      breadcrumbs: [{ at: new Date().toISOString(), kind: 'route', what: `transactions ${s.payee}` }],
    });
  }
  const list = (await call('crash/list')) as { id: string; kind: string; process: string }[];
  expect(list.map((r) => r.kind).sort()).toEqual(['engineStartFailed', 'renderError', 'rendererError', 'rendererRejection', 'uncaughtException', 'unhandledRejection', 'workerCrash']);
  // Logs, the bundle and a problem report with diagnostics.
  const log = new ScrubbedLog(reporter.memory, fileLog);
  log.error('write failed', leaky('log'));
  log.info(`opened ${s.dataDir} for ${s.wallet}`);
  const bundle = await call('crash/export', { ids: list.map((r) => r.id), diagnostics: true });
  const problem = await call('crash/reportProblem', { description: `It broke after ${s.payee} ${s.amount}`, contact: null, diagnostics: true, send: false });

  const written = filesUnder(dir).filter((path) => !path.startsWith(join(dir, 'wallets')) && !path.endsWith('settings.json'));
  expect(written).toContain(bundle.path);
  expect(written).toContain(problem.path);
  expect(written.filter((p) => p.includes(`${join(dir, 'crashes')}`) && p.endsWith('.json')).length).toBeGreaterThanOrEqual(7);
  const leaks: string[] = [];
  for (const path of written) {
    const bytes = readFileSync(path);
    for (const secret of secrets) {
      for (const form of [secret, secret.toLowerCase(), secret.toUpperCase()]) {
        if (bytes.includes(Buffer.from(form, 'utf8'))) leaks.push(`${path.slice(dir.length)}: ${form}`);
      }
    }
  }
  expect(leaks, `seed ${seed}`).toEqual([]);
  // …and the reports are still useful.
  const report = (await call('crash/get', { id: list.find((r) => r.kind === 'workerCrash')!.id })) as any;
  expect(report.process).toBe('worker');
  expect(report.error.message).toContain('Argon2id worker crash');
  expect(report.wallet).toMatchObject({ state: 'unlocked', sizeClass: 'small', lastIntegrityCheck: { ok: true } });
  expect(report.breadcrumbs.map((b: { what: string }) => b.what)).toContain('wallet/verify');
});

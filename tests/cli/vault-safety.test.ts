/**
 * Issue #8, the vault/session part, through the real `onewallet` CLI as a child process:
 * a recovery key that cannot be delivered (stdout full or closed) never replaces the old one and
 * never leaves a wallet behind; one writer per wallet file, across processes, released by a crash;
 * and a production build re-wraps a password slot under the 64 MiB Argon2id floor on unlock.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEngine, type Engine } from '../../electron/engine';
import { asLedgerProjection, Ledger, ledgerProjectionFactory } from '../../electron/ledger';
import { EventBus } from '../../electron/router/event-bus';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import type { MethodName } from '../../shared/contract';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { bundleCli, bundleEntry, childEnv, runBundled, TEST_BUILD_DEFINE } from './support';

const PASSWORD = 'correct horse battery staple';
let tmp: ReturnType<typeof tempDir>;
let bundle: string;
let holder: string;
let n = 0;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-cli-safety-');
  bundle = await bundleCli(tmp.dir);
  holder = await bundleEntry('tests/cli/hold-wallet-child.ts', join(tmp.dir, 'hold-wallet.cjs'), TEST_BUILD_DEFINE);
});
afterAll(() => tmp.cleanup());

/** A wallet with one cash account (no overdraft) holding 100.00 CNY. */
async function cashWallet(): Promise<{ path: string; recoveryKey: string }> {
  const path = tmp.file(`w${n++}.onewallet`);
  const { session, recoveryKey } = await createVault(path, { password: PASSWORD, testOnlyKdf: TEST_KDF });
  const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
  new Ledger({ sink: session, projection }).execute({ type: 'openAccount', requestId: 'open', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' });
  session.lock();
  return { path, recoveryKey };
}

const cli = (args: string[], stdin = `${PASSWORD}\n`) => runBundled(bundle, args, { stdin });
const spend = (path: string, amount: string) => cli(['--vault', path, '--password-stdin', 'tx', 'add', '--account', 'Cash', '--amount', amount, '--payee', 'Noodles']);
const balance = async (path: string) => {
  const run = await cli(['--vault', path, '--password-stdin', '--json', 'account', 'list']);
  return (JSON.parse(run.stdout) as { accounts: { name: string; balance: string }[] }).accounts.find((a) => a.name === 'Cash')?.balance;
};

/** Runs the CLI with stdout on a given fd (e.g. /dev/full) or on a pipe whose reading end is closed at once. */
function runWithStdout(args: string[], stdout: 'full' | 'closed-pipe', stdin = `${PASSWORD}\n`): Promise<{ code: number; stderr: string }> {
  return new Promise((done, reject) => {
    const full = stdout === 'full' ? openSync('/dev/full', 'w') : null;
    const child = spawn(process.execPath, [bundle, ...args], {
      env: childEnv(),
      stdio: ['pipe', full ?? 'pipe', 'pipe'],
    });
    if (full !== null) closeSync(full);
    else child.stdout!.destroy(); // nobody will ever read: the first write gets EPIPE
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code: code ?? -1, stderr }));
    child.stdin!.end(stdin);
  });
}

async function recoversWith(path: string, recoveryKey: string): Promise<boolean> {
  const locked = openVault(path);
  try {
    (await locked.unlockWithRecoveryKey(recoveryKey, PASSWORD)).session.lock();
    return true;
  } catch {
    return false;
  } finally {
    locked.close();
  }
}

/** Starts a process that holds `path` open as its writer; resolves once it is. */
function holdWallet(path: string): Promise<ChildProcessWithoutNullStreams> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [holder, path], { env: childEnv() });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('held')) done(child);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
    child.stdin.write(`${PASSWORD}\n`);
  });
}

const exited = (child: ChildProcessWithoutNullStreams) => new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));

describe('a recovery key shown once is delivered before the wallet depends on it', () => {
  for (const stdout of ['full', 'closed-pipe'] as const) {
    test(`recovery-key regenerate with stdout ${stdout}: clear message, exit 5, the old key still works`, async () => {
      const { path, recoveryKey } = await cashWallet();
      const run = await runWithStdout(['--vault', path, '--password-stdin', 'recovery-key', 'regenerate'], stdout);
      expect(run.stderr).toContain('The old recovery key stays valid');
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(run.code).toBe(5);
      expect(await recoversWith(path, recoveryKey)).toBe(true);
    });

    test(`init with stdout ${stdout}: clear message, exit 5, and no wallet is left behind`, async () => {
      const dir = tmp.file(`init-${stdout}`);
      const path = join(dir, 'w.onewallet');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir);
      const run = await runWithStdout(['--vault', path, 'init', '--password-stdin'], stdout, 'a real password\n');
      expect(run.stderr).toContain('The wallet was not created');
      expect(run.code).toBe(5);
      expect(readdirSync(dir).filter((name) => !name.endsWith('.lock'))).toEqual([]);
    });
  }

  test('regenerate to a working stdout replaces the key: the new one recovers, the old one does not', async () => {
    const { path, recoveryKey } = await cashWallet();
    const run = await cli(['--vault', path, '--password-stdin', '--json', 'recovery-key', 'regenerate']);
    expect(run.code).toBe(0);
    const fresh = (JSON.parse(run.stdout) as { recoveryKey: string }).recoveryKey;
    expect(await recoversWith(path, recoveryKey)).toBe(false);
    expect(await recoversWith(path, fresh)).toBe(true);
  });
});

describe('one writer per wallet file', () => {
  test('a second process is refused with a clear message (exit 5) while one holds the wallet; a SIGKILL frees it', async () => {
    const { path } = await cashWallet();
    const held = await holdWallet(path);
    try {
      const refused = await spend(path, '80');
      expect(refused.stderr).toContain('open in another OneWallet window or process');
      expect(refused.code).toBe(5);
    } finally {
      held.kill('SIGKILL');
      await exited(held);
    }
    expect((await spend(path, '80')).code).toBe(0);
    const overspend = await spend(path, '80');
    expect(overspend.code).toBe(5);
    expect(overspend.stderr).toContain('Cash');
    expect(await balance(path)).toBe('20.00');
    expect((await cli(['--vault', path, '--password-stdin', 'verify'])).code).toBe(0);
  });

  test('browser mode (the engine through the router) holds the wallet: the CLI cannot write it, no balance breaks its rule', async () => {
    const dataDir = tmp.file(`engine-${n++}`);
    const bus = new EventBus();
    const engine: Engine = await startEngine(
      { dataDir, bus, log: { info() {}, warn() {}, error() {} }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
      { testOnly: { kdf: TEST_KDF } },
    );
    const call = async (method: MethodName, input: unknown = {}) => {
      const result = await engine.router.call(method, input, { transport: 'test' });
      if (!result.ok) throw new Error(`${method}: ${result.code}`);
      return result.value as any;
    };
    try {
      const { walletId } = await call('wallet/create', { name: 'Home', password: PASSWORD });
      const cashId = (await call('ledger/openAccount', { requestId: 'o', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' })).ids[0];
      const path = join(dataDir, 'wallets', `${walletId}.onewallet`);

      const refused = await spend(path, '80');
      expect(refused.stderr).toContain('open in another OneWallet window or process');
      expect(refused.code).toBe(5);
      await call('ledger/recordTransaction', { requestId: 'p', kind: 'expense', accountId: cashId, amount: '80.00', currency: 'CNY', date: '2026-11-20' });
      expect((await call('wallet/verify')).ok).toBe(true);
      await call('wallet/lock');

      expect((await spend(path, '80')).code).toBe(5); // 20.00 left: refused by the account's rule now
      expect(await balance(path)).toBe('20.00');
      expect((await cli(['--vault', path, '--password-stdin', 'verify'])).code).toBe(0);
      // A full restore onto a wallet that is open elsewhere is refused the same way, and changes nothing.
      const backup = JSON.parse((await cli(['--vault', path, '--password-stdin', '--json', 'backup', 'create', '--dir', dataDir])).stdout) as { path: string };
      await call('wallet/unlock', { walletId, password: PASSWORD });
      const restore = await cli(['--vault', path, '--password-stdin', 'restore', backup.path]);
      expect(restore.stderr).toContain('open in another OneWallet window or process');
      expect(restore.code).toBe(5);
      expect(readdirSync(join(dataDir, 'wallets')).filter((name) => name.includes('before-restore') || name.includes('restoring'))).toEqual([]);
      expect((await call('wallet/verify')).ok).toBe(true);
    } finally {
      await engine.dispose();
    }
  });
});

describe('the Argon2id floor in production', () => {
  test('a production CLI re-wraps a password slot under 64 MiB at calibrated cost on unlock, and the password still works', async () => {
    const production = await bundleCli(tmp.dir, { production: true });
    const { path } = await cashWallet();
    const memOf = () => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare("SELECT mem_limit FROM keyslots WHERE role = 'primary'").get() as { mem_limit: number }).mem_limit;
      } finally {
        db.close();
      }
    };
    expect(memOf()).toBe(TEST_KDF.memLimitBytes);
    const run = await runBundled(production, ['--vault', path, '--password-stdin', 'verify'], { stdin: `${PASSWORD}\n` });
    expect(run.code).toBe(0);
    expect(memOf()).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect((await runBundled(production, ['--vault', path, '--password-stdin', 'verify'], { stdin: `${PASSWORD}\n` })).code).toBe(0);
    rmSync(production, { force: true });
    expect(existsSync(path)).toBe(true);
  });
});

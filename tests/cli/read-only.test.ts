/**
 * Fault injection: wallets that cannot be written. A 0444 file opens read-only (balances read,
 * writes refused with a clear sentence and exit 5, nothing changes) and works again, side files
 * and all, once its mode is fixed; a 0000 file is "permission denied", not "not found"; a wallet
 * on a read-only mount reads and refuses writes. Permission bits do not bind root, so those runs
 * use `setpriv` to become nobody; each part is skipped with a printed reason where it cannot run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asLedgerProjection, Ledger, ledgerProjectionFactory } from '../../electron/ledger';
import { createVault, vaultReady } from '../../electron/vault';
import { TEST_KDF } from '../vault/support/helpers';
import { bundleCli } from './support';

const ROOT = resolve(__dirname, '..', '..');
const PASSWORD = 'correct horse battery staple';
const NOBODY = ['--reuid=nobody', '--regid=nogroup', '--clear-groups'];
let dir: string;
let bundle: string;

function canBecomeNobody(): boolean {
  try {
    execFileSync('setpriv', [...NOBODY, 'true']);
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}
const asNobody = canBecomeNobody();
if (!asNobody) console.log('read-only.test: skipping the 0444/0000 cases: needs root and setpriv to run the CLI as nobody');

beforeAll(async () => {
  await vaultReady();
  // World-readable, so that nobody can run the bundle and reach the wallets.
  dir = mkdtempSync(join(tmpdir(), 'ow-readonly-'));
  chmodSync(dir, 0o755);
  bundle = await bundleCli(dir);
  chmodSync(bundle, 0o644);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cashWallet(folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'w.onewallet');
  const { session } = await createVault(path, { password: PASSWORD, testOnlyKdf: TEST_KDF });
  const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
  new Ledger({ sink: session, projection }).execute({ type: 'openAccount', requestId: 'open', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' });
  session.lock();
  return path;
}

function cli(args: string[], user: 'root' | 'nobody'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const command = user === 'nobody' ? ['setpriv', [...NOBODY, process.execPath, bundle, ...args]] as const : [process.execPath, [bundle, ...args]] as const;
    const child = spawn(command[0], [...command[1]], { env: { PATH: process.env.PATH ?? '', NODE_PATH: join(ROOT, 'node_modules') }, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

const list = (path: string, user: 'root' | 'nobody') => cli(['--vault', path, '--password-stdin', '--json', 'account', 'list'], user);
const spend = (path: string, user: 'root' | 'nobody') => cli(['--vault', path, '--password-stdin', 'tx', 'add', '--account', 'Cash', '--amount', '10', '--payee', 'Noodles'], user);
const cashOf = (run: { stdout: string }) => (JSON.parse(run.stdout) as { accounts: { name: string; balance: string }[] }).accounts.find((a) => a.name === 'Cash')?.balance;

describe('wallets that cannot be written', () => {
  test.runIf(asNobody)('a 0444 file reads, refuses writes (exit 5, nothing changes), and writes again once its mode is fixed', async () => {
    const folder = join(dir, 'mode-0444');
    const path = await cashWallet(folder);
    chownSync(folder, 65534, 65534);
    chownSync(path, 65534, 65534);
    chmodSync(path, 0o444);
    const before = readFileSync(path);

    const read = await list(path, 'nobody');
    expect(read.stderr).toBe('');
    expect(cashOf(read)).toBe('100.00');
    const refused = await spend(path, 'nobody');
    expect(refused.stderr).toContain('can only be read');
    expect(refused.code).toBe(5);
    expect(readFileSync(path).equals(before)).toBe(true);

    // The side files SQLite left behind carry the old 0444; they must not keep the wallet read-only.
    chmodSync(path, 0o644);
    const written = await spend(path, 'nobody');
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(cashOf(await list(path, 'nobody'))).toBe('90.00');
  });

  test.runIf(asNobody)('a 0000 file is "permission denied" (exit 5), not "no wallet file was found"', async () => {
    const folder = join(dir, 'mode-0000');
    const path = await cashWallet(folder);
    chownSync(folder, 65534, 65534);
    chmodSync(path, 0o000);
    const run = await list(path, 'nobody');
    expect(run.stderr).toContain('cannot be read: permission denied');
    expect(run.stderr).not.toContain('No wallet file was found');
    expect(run.code).toBe(5);
  });

  test('a wallet on a read-only mount reads and refuses writes', async (context) => {
    const mountPoint = join(dir, 'mnt');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      console.log('read-only.test: skipping the read-only mount case: mount -t tmpfs is not permitted here');
      context.skip();
      return;
    }
    try {
      const source = await cashWallet(join(dir, 'for-mount'));
      copyFileSync(source, join(mountPoint, 'w.onewallet'));
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      const path = join(mountPoint, 'w.onewallet');
      const read = await list(path, 'root');
      expect(read.stderr).toBe('');
      expect(cashOf(read)).toBe('100.00');
      const refused = await spend(path, 'root');
      expect(refused.stderr).toContain('can only be read');
      expect(refused.code).toBe(5);
      expect((await cli(['--vault', path, '--password-stdin', 'verify'], 'root')).code).toBe(0);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

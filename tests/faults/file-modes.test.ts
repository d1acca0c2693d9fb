/**
 * Everything OneWallet writes is private: files 0600 in folders 0700, on every path — the engine
 * behind the UI (create, backup, catalog, export, settings, wallets.json, restore as new, full
 * restore and its revert copy) and the CLI (init, backup, export, restore). Run under umask 022,
 * the usual default, which is what made a CLI-created wallet 0644.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';
import { vaultReady } from '../../electron/vault';
import type { MethodName } from '../../shared/contract';
import { bundleCli } from '../cli/support';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { runCli } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;
const previousUmask = process.umask(0o022);

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-faults-modes-');
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => {
  process.umask(previousUmask);
  tmp.cleanup();
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every file and folder under `root` (itself included) with its mode, for one readable assertion. */
function modesUnder(root: string): Record<string, string> {
  const out: Record<string, string> = { '.': mode(root) };
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      out[`${prefix}${name}`] = mode(path);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(root, '');
  return out;
}

function expectPrivate(root: string): void {
  const modes = modesUnder(root);
  const wrong = Object.entries(modes).filter(([path, m]) => m !== (path === '.' || statSync(join(root, path)).isDirectory() ? '700' : '600'));
  expect(wrong, JSON.stringify(modes, null, 1)).toEqual([]);
}

describe('file modes', () => {
  it('through the engine: data folder, wallets, wallets.json, settings, backups, catalog, exports, restores', async () => {
    const dataDir = tmp.file('data');
    const engine: Engine = await startEngine(
      { dataDir, bus: new EventBus(), log: { info() {}, warn() {}, error: console.error }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
      { testOnly: { kdf: TEST_KDF } },
    );
    const call = async <T = any>(method: MethodName, input: unknown = {}): Promise<T> => {
      const result = await engine.router.call(method, input, { transport: 'test' });
      if (!result.ok) throw new Error(`${method}: ${result.code} ${result.messageKey} ${JSON.stringify(result.params)}`);
      return result.value as T;
    };
    try {
      await call('settings/update', { theme: 'dark' });
      const { walletId } = await call('wallet/create', { name: 'Home', password: 'correct horse battery' });
      await call('ledger/openAccount', { requestId: 'open', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '10' });
      const backup = await call('backup/create');
      await call('backup/export', { format: 'csv' });
      await call('backup/export', { format: 'json' });
      // A backup handed over with loose permissions still becomes a private wallet.
      const loose = tmp.file('loose-backup.onewallet-backup');
      copyFileSync(join(backup.dir, backup.file), loose);
      chmodSync(loose, 0o644);
      await call('backup/restoreAsNew', { path: loose, name: 'Copy' });
      await call('backup/restoreFull', { dir: backup.dir, file: backup.file });
      await call('wallet/unlock', { walletId, password: 'correct horse battery' });
      await call('wallet/lock');
    } finally {
      await engine.dispose();
    }
    expectPrivate(dataDir);
  });

  it('through the CLI: init, backup create (default folder), export, restore', async () => {
    const root = tmp.file('cli');
    mkdirSync(root, { mode: 0o700 });
    const vault = join(root, 'w.onewallet');
    const password = 'a long enough password\n';
    expect((await runCli(bundle, ['--vault', vault, '--password-stdin', 'init'], { stdin: password })).code).toBe(0);
    expect((await runCli(bundle, ['--vault', vault, '--password-stdin', 'account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY', '--opening', '5'], { stdin: password })).code).toBe(0);
    const created = await runCli(bundle, ['--vault', vault, '--password-stdin', '--json', 'backup', 'create'], { stdin: password });
    expect(created.code).toBe(0);
    expect((await runCli(bundle, ['--vault', vault, '--password-stdin', 'export', '--format', 'csv', '--out', join(root, 'out.csv')], { stdin: password })).code).toBe(0);
    const file = (JSON.parse(created.stdout) as { path: string }).path;
    const restored = await runCli(bundle, ['--vault', vault, '--password-stdin', 'restore', file], { stdin: password });
    expect(restored.code, restored.stderr).toBe(0);
    expectPrivate(root);
  }, 180_000); // init and each unlock run the real calibrated KDF
});

/**
 * Fault injection: the open wallet's file is deleted, replaced or truncated behind the engine's
 * back (browser mode: the engine through the router). The next write is refused with
 * wallet_file_lost, verify fails, the status says so (a banner in the views), and "save to a new
 * file" yields a wallet that opens with the same password and holds every acknowledged write.
 */
import { copyFileSync, mkdtempSync, renameSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName, WalletStatus } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';

const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
const PASSWORD = 'correct horse battery staple';

let dir: string;
let engine: Engine | null = null;
const statuses: WalletStatus[] = [];

afterEach(async () => {
  await engine?.dispose();
  engine = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Engine> {
  dir = mkdtempSync(join(tmpdir(), 'ow-lost-'));
  const bus = new EventBus();
  bus.subscribe((name, payload) => name === 'wallet/changed' && statuses.push(payload as WalletStatus));
  return startEngine(
    { dataDir: dir, bus, log: { info() {}, warn() {}, error() {} }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF } },
  );
}

const raw = (method: MethodName, input: unknown = {}) => engine!.router.call(method, input, { transport: 'test' });
async function call<T = any>(method: MethodName, input: unknown = {}): Promise<T> {
  const result = await raw(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.code} ${result.messageKey}`);
  return result.value as T;
}

const faults = {
  deleted: (path: string) => rmSync(path),
  replaced: (path: string) => {
    // Another wallet file moved over it, the way a sync tool or a careless copy would.
    const other = join(dir, 'other.onewallet');
    copyFileSync(path, other);
    renameSync(other, path);
  },
  truncated: (path: string) => truncateSync(path, 0),
};

describe('the wallet file goes away while the wallet is open', () => {
  for (const [name, fault] of Object.entries(faults)) {
    it(`${name}: the next write is refused, verify fails, and saving to a new file keeps every acknowledged write`, async () => {
      engine = await start();
      const { walletId } = await call('wallet/create', { name: 'Home', password: PASSWORD });
      const cashId = (await call('ledger/openAccount', { requestId: 'o', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' })).ids[0];
      const pay = (requestId: string) => raw('ledger/recordTransaction', { requestId, kind: 'expense', accountId: cashId, amount: '10.00', currency: 'CNY', date: '2026-11-20' });
      for (const id of ['p1', 'p2', 'p3']) expect((await pay(id)).ok).toBe(true);

      fault(join(dir, 'wallets', `${walletId}.onewallet`));

      expect(await pay('p4')).toMatchObject({ ok: false, code: 'wallet_file_lost', messageKey: 'errors.vault.file_lost' });
      expect(await pay('p5')).toMatchObject({ ok: false, code: 'wallet_file_lost' });
      const status = await call<WalletStatus>('wallet/status');
      expect(status.unlocked?.access).toBe('file_lost');
      expect(status.wallets.map((w) => w.id)).toContain(walletId); // still listed, even with its file gone
      expect(statuses.at(-1)?.unlocked?.access).toBe('file_lost');
      const report = await call('wallet/verify');
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({ where: 'file', messageKey: 'errors.vault.file_lost' });

      const { walletId: savedId } = await call('wallet/saveAsNew', { name: 'Home (saved)' });
      await call('wallet/lock');
      await call('wallet/unlock', { walletId: savedId, password: PASSWORD });
      expect((await call<WalletStatus>('wallet/status')).unlocked).toMatchObject({ name: 'Home (saved)', access: 'read_write' });
      const cash = (await call('ledger/accounts')).accounts.find((a: { name: string }) => a.name === 'Cash');
      expect(cash.balanceMinor).toBe(7000); // opening 100.00 and the three acknowledged payments
      expect((await call('wallet/verify')).ok).toBe(true);
      expect((await pay('p6')).ok).toBe(true);
    });
  }
});

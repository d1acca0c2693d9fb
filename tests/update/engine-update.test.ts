/**
 * Updates through the whole engine (router → update capability → policy → Node updater → real
 * loopback feed) with a real wallet: the pre-install backup is made by the backup engine and
 * verified before "ready" can be acted on; a failing backup stops and asks; a locked wallet is
 * backed up at its next unlock.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, UpdateStatus } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';
import { ElectronUpdaterSource } from '../../electron/update/electron-updater-source';
import { NodeUpdater } from '../../electron/update/node-updater';
import { startFeed, type TestFeed } from './support/feed';

const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
const PASSWORD = 'correct horse battery staple';

let dir: string;
let feed: TestFeed;
let engine: Engine;
let installs: string[];
const seen: { name: string; payload: unknown }[] = [];
const wakers = new Set<() => void>();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-update-engine-'));
  feed = await startFeed();
  installs = [];
  seen.length = 0;
  const bus = new EventBus();
  bus.subscribe((name, payload) => {
    seen.push({ name, payload });
    for (const wake of wakers) wake();
  });
  const updater = new NodeUpdater({ appName: 'OneWallet', appVersion: '1.0.0', cacheDir: join(dir, 'update-cache'), timeoutMs: 2000 });
  engine = await startEngine(
    { dataDir: dir, bus, log: { info() {}, warn() {}, error: console.error }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    {
      testOnly: { kdf: TEST_KDF },
      update: { source: new ElectronUpdaterSource(updater, { feedUrl: feed.url, publicKey: feed.publicKey, installNow: () => installs.push('now') }), startDelayMs: 3_600_000 },
    },
  );
});
afterEach(async () => {
  await engine.dispose();
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T = UpdateStatus>(method: MethodName, input: unknown = {}): Promise<T> {
  const result = await engine.router.call(method, input, { transport: 'test' });
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.code} ${result.messageKey}`), result);
  return result.value as T;
}

async function refusal(method: MethodName, input: unknown = {}) {
  const result = await engine.router.call(method, input, { transport: 'test' });
  expect(result.ok, `${method} should be refused`).toBe(false);
  return result as { ok: false; code: string; messageKey: string };
}

/** Resolves with the first event (already seen or still to come) that matches. */
function event<T>(name: string, predicate: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolvePromise) => {
    const look = () => {
      const hit = seen.find((e) => e.name === name && predicate(e.payload as T));
      if (hit) {
        wakers.delete(look);
        resolvePromise(hit.payload as T);
      }
    };
    wakers.add(look);
    look();
  });
}

const readyStatus = () => event<UpdateStatus>('update/changed', (s) => s.state === 'ready');

async function walletWithCash() {
  await call('wallet/create', { name: 'Home', password: PASSWORD });
  await call('ledger/openAccount', { requestId: 'open-cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' });
}

describe('backup before install', () => {
  it('a verified backup of the open wallet exists before "ready"; only then can it install', async () => {
    await walletWithCash();
    feed.publish({ version: '1.1.0', notes: 'Faster' });
    expect((await call('update/check')).state).toBe('available');
    expect((await refusal('update/install', { when: 'now' })).messageKey).toBe('errors.update.not_ready');
    await call('update/download');
    const ready = await readyStatus();
    expect(ready.backup?.status).toBe('verified');
    const file = ready.backup!.file!;
    const backupDir = join(dir, 'backups');
    expect(existsSync(join(backupDir, file))).toBe(true);
    expect(file).toMatch(/-update/);
    // The states came in order: the backup ran after the download verified and before ready.
    const states = seen.filter((e) => e.name === 'update/changed').map((e) => (e.payload as UpdateStatus).state);
    expect(states.indexOf('backing-up')).toBeGreaterThan(states.indexOf('verifying'));
    expect(states.indexOf('ready')).toBeGreaterThan(states.indexOf('backing-up'));
    const check = await call<{ ok: boolean; events: number }>('backup/verify', { dir: backupDir, file });
    expect(check.ok).toBe(true);
    expect(check.events).toBeGreaterThan(0);
    await call('update/install', { when: 'now' });
    expect(installs).toEqual(['now']);
  });

  it('a failing backup stops and asks: no install until it is retried or the user goes on without it', async () => {
    await walletWithCash();
    const missing = join(dir, 'usb-drive-not-plugged-in');
    await call('backup/updateSettings', { primaryDir: missing });
    feed.publish({ version: '1.1.0' });
    await call('update/check');
    await call('update/download');
    const ready = await readyStatus();
    expect(ready.backup).toMatchObject({ status: 'failed', messageKey: 'errors.backup.folder_missing' });
    expect((await refusal('update/install', { when: 'now' })).messageKey).toBe('errors.update.backup_needed');
    expect((await refusal('update/install', { when: 'on-quit' })).messageKey).toBe('errors.update.backup_needed');
    expect(installs).toEqual([]);
    // Fixed folder → backup again → install.
    await call('backup/updateSettings', { primaryDir: join(dir, 'backups-2') });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'backups-2'));
    const retried = await call('update/retryBackup');
    expect(retried.backup?.status).toBe('verified');
    await call('update/install', { when: 'now' });
    expect(installs).toEqual(['now']);
  });

  it('the user may decide to install without the backup after being told', async () => {
    await walletWithCash();
    await call('backup/updateSettings', { primaryDir: join(dir, 'nowhere') });
    feed.publish({ version: '1.1.0' });
    await call('update/check');
    await call('update/download');
    expect((await readyStatus()).backup?.status).toBe('failed');
    await call('update/install', { when: 'now', withoutBackup: true });
    expect(installs).toEqual(['now']);
  });

  it('a locked wallet is backed up at the next unlock (the pending backup is recorded)', async () => {
    await walletWithCash();
    const { wallets } = await call<{ wallets: { id: string }[] }>('wallet/status');
    await call('wallet/lock');
    feed.publish({ version: '1.1.0' });
    await call('update/check');
    await call('update/download');
    const ready = await readyStatus();
    expect(ready.backup?.status).toBe('deferred');
    await call('update/install', { when: 'on-quit' });
    expect(JSON.parse(readFileSync(join(dir, 'update.json'), 'utf8')).backupAtNextUnlock).toBe(true);
    await call('wallet/unlock', { walletId: wallets[0]!.id, password: PASSWORD });
    await event('backup/changed');
    const overview = await call<{ backups: { trigger: string | null; status: string }[] }>('backup/overview');
    expect(overview.backups.some((b) => b.trigger === 'update' && b.status === 'verified')).toBe(true);
    await expect.poll(() => JSON.parse(readFileSync(join(dir, 'update.json'), 'utf8')).backupAtNextUnlock).toBe(false);
  });
});

it('update/* answers with a translated error when no feed is configured, and the app keeps working', async () => {
  const bus = new EventBus();
  const plain = await startEngine(
    { dataDir: join(dir, 'plain'), bus, log: { info() {}, warn() {}, error: console.error }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF } },
  );
  try {
    const result = await plain.router.call('update/check', {}, { transport: 'test' });
    expect(result).toMatchObject({ ok: true, value: { state: 'error', configured: false, error: { kind: 'not_configured' } } });
    expect((await plain.router.call('wallet/status', {}, { transport: 'test' })).ok).toBe(true);
  } finally {
    await plain.dispose();
  }
});

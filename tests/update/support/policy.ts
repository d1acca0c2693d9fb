/**
 * An UpdatePolicy over the real Node updater and a real loopback feed, in a temp data folder,
 * with its changes recorded so tests can wait for states (never for time).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UpdateStatus } from '../../../shared/contract';
import { ElectronUpdaterSource } from '../../../electron/update/electron-updater-source';
import { NodeUpdater } from '../../../electron/update/node-updater';
import { UpdatePolicy, type BackupOutcome } from '../../../electron/update/policy';
import { UpdateStore } from '../../../electron/update/settings-store';
import type { TestFeed } from './feed';

export interface PolicyRig {
  policy: UpdatePolicy;
  updater: NodeUpdater;
  store: UpdateStore;
  dataDir: string;
  changes: UpdateStatus[];
  /** Every call of the shell's "install now" (must stay empty after any failed verification). */
  installs: string[];
  waitFor(predicate: (status: UpdateStatus) => boolean, what: string): Promise<UpdateStatus>;
  dispose(): Promise<void>;
}

export function policyRig(
  feed: TestFeed,
  options: { appVersion?: string; dataDir?: string; timeoutMs?: number; backup?: () => Promise<BackupOutcome>; feedUrl?: string; startDelayMs?: number } = {},
): PolicyRig {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ow-update-'));
  const updater = new NodeUpdater({ appName: 'OneWallet', appVersion: options.appVersion ?? '1.0.0', cacheDir: join(dataDir, 'update-cache'), timeoutMs: options.timeoutMs ?? 2000 });
  const installs: string[] = [];
  const source = new ElectronUpdaterSource(updater, { feedUrl: options.feedUrl ?? feed.url, publicKey: feed.publicKey, installNow: () => installs.push('now') });
  const store = new UpdateStore(dataDir);
  const changes: UpdateStatus[] = [];
  const waiters = new Set<() => void>();
  const policy = new UpdatePolicy({
    source,
    currentVersion: options.appVersion ?? '1.0.0',
    store,
    log: { info() {}, warn() {}, error: console.error },
    backup: options.backup ?? (() => Promise.resolve({ status: 'deferred' })),
    onChange: (status) => {
      changes.push(status);
      for (const wake of waiters) wake();
    },
    startDelayMs: options.startDelayMs ?? 60 * 60 * 1000,
  });
  return {
    policy,
    updater,
    store,
    dataDir,
    changes,
    installs,
    waitFor(predicate, what) {
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          const status = policy.status();
          if (predicate(status)) {
            waiters.delete(check);
            resolvePromise(status);
          } else if (status.state === 'error' && !what.includes('error')) {
            waiters.delete(check);
            reject(new Error(`waiting for ${what}, got error ${JSON.stringify(status.error)}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    async dispose() {
      await policy.beforeQuit();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

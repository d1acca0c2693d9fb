/** A real engine with a wallet, and helpers to read what the security log gained since a point. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecurityEvent } from '../../shared/contract';
import { startEngine, type Engine, type EngineOptions } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';
import { callOk, PASSWORD, TEST_KDF } from '../engine/support';

export interface Harness {
  engine: Engine;
  dataDir: string;
  walletId: string;
  recoveryKey: string;
  cleanup(): Promise<void>;
}

export async function walletHarness(options: Omit<EngineOptions, 'testOnly'> & { autoLock?: NonNullable<EngineOptions['testOnly']>['autoLock'] } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ow-security-'));
  const { autoLock, ...rest } = options;
  const engine = await startEngine(
    { dataDir, bus: new EventBus(), log: { info() {}, warn: console.warn, error: console.error }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { ...rest, testOnly: { kdf: TEST_KDF, ...(autoLock ? { autoLock } : {}) } },
  );
  const { walletId, recoveryKey } = await callOk(engine, 'wallet/create', { name: 'Log test', password: PASSWORD });
  return {
    engine,
    dataDir,
    walletId,
    recoveryKey,
    cleanup: async () => {
      await engine.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The whole log, oldest first (the wallet must be unlocked). */
export async function logEntries(engine: Engine): Promise<SecurityEvent[]> {
  const page = await callOk<{ total: number; entries: SecurityEvent[] }>(engine, 'security/log', { limit: 500 });
  return [...page.entries].reverse();
}

/** Runs `action` (which may lock and unlock) and returns the kinds of the entries it added, oldest first. */
export async function entriesAddedBy(engine: Engine, action: () => Promise<unknown>): Promise<SecurityEvent[]> {
  const before = new Set((await logEntries(engine)).map((entry) => entry.id));
  await action();
  return (await logEntries(engine)).filter((entry) => !before.has(entry.id));
}

export const kinds = (entries: readonly SecurityEvent[]) => entries.map((entry) => entry.kind);
export { PASSWORD };

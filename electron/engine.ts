/**
 * Composes the engine: each capability folder's `init(deps)` in order, merged into one
 * handler map behind one router. Both the Electron shell and the browser-mode host call this,
 * so they run the same code paths. Disposal runs in reverse order with a time limit, so a stuck
 * capability cannot keep the app from quitting.
 */
import { mkdirSync } from 'node:fs';
import type { Capability, EngineDeps } from './capability';
import { createRouter, type Handlers, type Router } from './router/router';
import { ledgerProjectionFactory } from './ledger';
import type { KdfParams } from './vault';
import * as app from './app';
import * as backup from './backup/capability';
import * as ledger from './ledger/capability';
import * as wallet from './wallet';
import * as update from './update/capability';

export interface Engine {
  router: Router;
  dispose(timeoutMs?: number): Promise<void>;
}

export interface EngineOptions {
  /**
   * Test-only knobs. The Electron shell, `npm run web` and the CLI never pass these; only test
   * hosts do, so production always uses calibrated Argon2id.
   */
  testOnly?: { kdf: KdfParams };
  /** Where updates come from (the shell's electron-updater, or browser mode's --update-feed); none: checks say so. */
  update?: update.UpdateWiring;
}

export async function startEngine(deps: EngineDeps, options: EngineOptions = {}): Promise<Engine> {
  mkdirSync(deps.dataDir, { recursive: true, mode: 0o700 });
  const wallets = wallet.init(deps, { projections: ledgerProjectionFactory, testOnlyKdf: options.testOnly?.kdf });
  const backups = backup.init(deps, wallets.service);
  const capabilities: Capability[] = [app.init(deps), wallets, ledger.init(deps, wallets.service), backups, update.init(deps, wallets.service, backups.backupNow, options.update)];
  const handlers = Object.assign({}, ...capabilities.map((c) => c.handlers)) as Handlers;
  const router = createRouter({ handlers, log: deps.log, isWalletUnlocked: () => wallets.service.current() !== null });

  async function dispose(timeoutMs = 5000): Promise<void> {
    for (const capability of [...capabilities].reverse()) {
      if (!capability.dispose) continue;
      await Promise.race([
        Promise.resolve().then(() => capability.dispose?.()).catch((error) => deps.log.error('dispose failed', error)),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
  }

  return { router, dispose };
}

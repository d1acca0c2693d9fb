/**
 * Composes the engine: each capability folder's `init(deps)` in order, merged into one
 * handler map behind one router. Both the Electron shell and the browser-mode host call this,
 * so they run the same code paths. Disposal runs in reverse order with a time limit, so a stuck
 * capability cannot keep the app from quitting.
 */
import { mkdirSync } from 'node:fs';
import type { Capability, EngineDeps } from './capability';
import { createRouter, type Handlers, type Router } from './router/router';
import * as app from './app';

export interface Engine {
  router: Router;
  dispose(timeoutMs?: number): Promise<void>;
}

export async function startEngine(deps: EngineDeps): Promise<Engine> {
  mkdirSync(deps.dataDir, { recursive: true, mode: 0o700 });
  const capabilities: Capability[] = [app.init(deps)];
  const handlers = Object.assign({}, ...capabilities.map((c) => c.handlers)) as Handlers;
  const router = createRouter({ handlers, log: deps.log, isWalletUnlocked: () => false });

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

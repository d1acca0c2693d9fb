/**
 * Composes the engine: each capability folder's `init(deps)` in order, merged into one
 * handler map behind one router. Both the Electron shell and the browser-mode host call this,
 * so they run the same code paths. Disposal runs in reverse order with a time limit, so a stuck
 * capability cannot keep the app from quitting.
 */
import { mkdirSync } from 'node:fs';
import type { Capability, EngineDeps } from './capability';
import { createRouter, type Handlers, type Router } from './router/router';
import { ALERT_RULES } from '../shared/security-centre';
import { ledgerProjectionFactory } from './ledger';
import type { KdfParams } from './vault';
import { FORMAT_VERSION } from './vault/constants';
import * as app from './app';
import * as backup from './backup/capability';
import * as ledger from './ledger/capability';
import * as imports from './import/capability';
import * as wallet from './wallet';
import * as update from './update/capability';
import * as crash from './crash/capability';
import * as alerts from './security/alerts/capability';
import * as checkup from './security/checkup/capability';
import * as security from './security/capability';
import { buildSupportSettings } from './crash/build-config';
import { CrashReporter } from './crash/reporter';
import { observeRouter } from './crash/router-observer';
import { ScrubbedLog } from './crash/scrubbed-log';
import type { SupportSettings } from './crash/upload';

export interface Engine {
  router: Router;
  /** The shell's panic action (global shortcut, tray) and powerMonitor events reach the security centre here. */
  security: Pick<security.SecurityCapability, 'panicLock' | 'systemEvent' | 'autoLock'>;
  dispose(timeoutMs?: number): Promise<void>;
}

export interface EngineOptions {
  /**
   * Test-only knobs. The Electron shell, `npm run web` and the CLI never pass these; only test
   * hosts do, so production always uses calibrated Argon2id.
   */
  testOnly?: { kdf: KdfParams; autoLock?: security.SecurityOptions['testOnly'] };
  /** Where updates come from (the shell's electron-updater, or browser mode's --update-feed); none: checks say so. */
  update?: update.UpdateWiring;
  /** The host's crash reporter (it also watches the process); the CLI and tests get a private one. */
  crashReporter?: CrashReporter;
  /** Support channels and crash endpoint; the build's own unless a test host passes a loopback one. */
  support?: SupportSettings;
}

export async function startEngine(hostDeps: EngineDeps, options: EngineOptions = {}): Promise<Engine> {
  mkdirSync(hostDeps.dataDir, { recursive: true, mode: 0o700 });
  const reporter = options.crashReporter ?? new CrashReporter({ dataDir: hostDeps.dataDir, appVersion: hostDeps.platform.appVersion });
  // Every log line of every capability passes the one scrubber.
  const log = new ScrubbedLog(reporter.memory, hostDeps.log);
  const deps: EngineDeps = { ...hostDeps, log };
  const wallets = wallet.init(deps, { projections: ledgerProjectionFactory, testOnlyKdf: options.testOnly?.kdf });
  reporter.setWalletSource({
    unlocked: () => wallets.service.current() !== null,
    walletFile: () => wallets.service.current()?.vault.path ?? null,
  });
  // Every crash report written leaves one entry in the open wallet's security log (kind only: reports are scrubbed, the log holds no text from them).
  reporter.onCapture((report) => wallets.service.recordSecurityEvent('crash_report_written', { process: report.process, kind: report.kind }));
  const ledgers = ledger.init(deps, wallets.service);
  const backups = backup.init(deps, wallets.service);
  const statementImports = imports.init(deps, wallets.service);
  const updates = update.init(deps, wallets.service, backups.backupNow, options.update);
  const crashes = crash.init(deps, {
    reporter,
    support: options.support ?? buildSupportSettings(),
    log,
    statistics: () => ({ wallets: wallets.service.current() ? 1 : 0, formatVersion: wallets.service.current() ? FORMAT_VERSION : null, events: wallets.service.current()?.vault.head().seq ?? null }),
    // Safe start: no automatic backups (on quit included) and no automatic update checks in this run; the renderer resets the settings to defaults.
    onSafeStart: () => {
      backups.scheduler.suspend();
      updates.policy.stop();
    },
  });
  const securityCentre = security.init(deps, wallets.service, { testOnly: options.testOnly?.autoLock });
  // Alerts judge lines after they are durable (they hear ledger/changed); the ledger never imports them.
  const alertRules = alerts.init(deps, wallets.service);
  let composed: Handlers | null = null;
  const checkups = checkup.init(deps, {
    wallets: wallets.service,
    handlers: () => composed!,
    alertRules: () => ({ on: alertRules.enabledRules(), total: ALERT_RULES.length }),
  });
  const capabilities: Capability[] = [app.init(deps), wallets, ledgers, backups, statementImports, updates, crashes, securityCentre, alertRules, checkups];
  // The checkup notes the password's strength at unlock and each verify's result (checkup/capability.ts).
  const handlers = checkups.observe(Object.assign({}, ...capabilities.map((c) => c.handlers)) as Handlers);
  composed = handlers;
  const router = observeRouter(createRouter({ handlers, log: deps.log, isWalletUnlocked: () => wallets.service.current() !== null }), reporter);

  async function dispose(timeoutMs = 5000): Promise<void> {
    for (const capability of [...capabilities].reverse()) {
      if (!capability.dispose) continue;
      await Promise.race([
        Promise.resolve().then(() => capability.dispose?.()).catch((error) => deps.log.error('dispose failed', error)),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
  }

  return { router, dispose, security: securityCentre };
}

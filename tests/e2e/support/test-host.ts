/**
 * Browser mode for end-to-end tests: the production host and engine, with one difference that
 * only tests may make: a cheap Argon2id cost, so a test can create and unlock wallets many times.
 * Bundled to out/test/test-host.cjs by build-node.mjs; never shipped (not in electron-builder's files).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHostCrashReporting } from '../../../electron/crash/host';
import { startEngine } from '../../../electron/engine';
import { EventBus } from '../../../electron/router/event-bus';
import { stderrLogger } from '../../../electron/support/logger';
import { startWebHost } from '../../../electron/web/host';
import { browserUpdateWiring } from '../../../electron/update/browser-wiring';
import { seedWallet } from './seed-wallet';

const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      lang: { type: 'string' },
      // Test-only: start with a wallet of N transactions (see support/seed-wallet.ts).
      'seed-transactions': { type: 'string' },
      'seed-password': { type: 'string' },
      // Test-only: the seeded wallet also holds a dollar account and one cross-currency transfer.
      'seed-transfer': { type: 'boolean' },
      // Test-only: an update feed signed by a throw-away key (tests/update/support/feed.ts).
      'update-feed': { type: 'string' },
      'update-public-key': { type: 'string' },
      'app-version': { type: 'string' },
      'update-start-delay-ms': { type: 'string' },
      // Test-only: the crash endpoint a distributor would set at build time (a loopback test server).
      'crash-endpoint': { type: 'string' },
      // Test-only: auto-lock after this many ms idle (production: whole minutes, at least one), and
      // SIGUSR2 = "the computer slept an hour": the wall clock jumps, then powerMonitor's resume.
      'auto-lock-idle-ms': { type: 'string' },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? '.');
  if (values['seed-transactions']) {
    await seedWallet(dataDir, { name: 'Seeded', password: values['seed-password'] ?? '', transactions: Number(values['seed-transactions']), transfer: values['seed-transfer'] === true });
  }
  const appVersion = values['app-version'] ?? process.env.ONEWALLET_VERSION ?? '0.0.0';
  const update = browserUpdateWiring({
    feedUrl: values['update-feed'],
    appVersion,
    dataDir,
    publicKeyBase64: values['update-public-key'],
    startDelayMs: values['update-start-delay-ms'] === undefined ? 60 * 60 * 1000 : Number(values['update-start-delay-ms']),
    timeoutMs: 3000,
  });
  const bus = new EventBus();
  let clockOffsetMs = 0;
  const autoLock = values['auto-lock-idle-ms']
    ? { idleMs: Number(values['auto-lock-idle-ms']), clock: { wall: () => Date.now() + clockOffsetMs, monotonic: () => performance.now() } }
    : undefined;
  const crash = startHostCrashReporting({ dataDir, appVersion, log: (line) => stderrLogger.error(line), exit: (code) => process.exit(code) });
  const engine = await startEngine(
    {
      dataDir,
      bus,
      log: stderrLogger,
      platform: { mode: 'browser', appVersion, platform: process.platform, systemLocale: values.lang ?? 'en-US' },
    },
    {
      testOnly: { kdf: TEST_KDF, ...(autoLock ? { autoLock } : {}) },
      update,
      crashReporter: crash.reporter,
      support: { endpoint: values['crash-endpoint'] ?? null, email: 'support@example.test', site: 'https://example.test/support' },
    },
  ).catch((error: unknown) => {
    crash.startFailed(error);
    throw error;
  });
  process.on('SIGUSR2', () => {
    clockOffsetMs += 60 * 60 * 1000;
    engine.security.systemEvent('resume');
  });
  const host = await startWebHost({ engine, bus, staticDir: resolve(__dirname, '../renderer') });
  console.log(`OneWallet ready at ${values.lang ? `${host.url}&lang=${values.lang}` : host.url}`);
  const stop = async () => {
    await host.close();
    await engine.dispose();
    crash.cleanQuit();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();

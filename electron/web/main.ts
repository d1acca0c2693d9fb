/**
 * `npm run web [-- --port N --data-dir DIR --lang en-US|zh-CN --update-feed URL --app-version X]`: starts browser mode and prints
 * `OneWallet ready at http://127.0.0.1:PORT/?token=…` once it listens.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pickLanguage } from '../../shared/i18n';
import { startHostCrashReporting } from '../crash/host';
import { startEngine } from '../engine';
import { EventBus } from '../router/event-bus';
import { consoleLogger } from '../support/console-logger';
import { startWebHost } from './host';
import { browserUpdateWiring } from '../update/browser-wiring';

const APP_VERSION = process.env.ONEWALLET_VERSION ?? '0.0.0-dev';

function usage(): never {
  console.error('Usage: npm run web -- [--port N] [--data-dir DIR] [--lang en-US|zh-CN] [--update-feed URL] [--app-version X]');
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean' },
        'update-feed': { type: 'string' },
        'app-version': { type: 'string' },
      },
      strict: true,
    }));
  } catch {
    usage();
  }
  if (values.help) usage();
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage();
  if (values.lang !== undefined && values.lang !== 'en-US' && values.lang !== 'zh-CN') usage();

  const dataDir = resolve(values['data-dir'] ?? join(homedir(), '.onewallet-web'));
  const systemLocale = values.lang ?? pickLanguage([process.env.LANG, Intl.DateTimeFormat().resolvedOptions().locale]);
  const appVersion = values['app-version'] ?? APP_VERSION;
  let update;
  try {
    update = browserUpdateWiring({ feedUrl: values['update-feed'], appVersion, dataDir });
  } catch {
    usage();
  }
  const bus = new EventBus();
  const crash = startHostCrashReporting({ dataDir, appVersion, log: (line) => consoleLogger.error(line), exit: (code) => process.exit(code) });
  const engine = await startEngine(
    {
      dataDir,
      bus,
      log: consoleLogger,
      platform: { mode: 'browser', appVersion, platform: process.platform, systemLocale },
    },
    { crashReporter: crash.reporter, update },
  ).catch((error: unknown) => {
    crash.startFailed(error);
    throw error;
  });
  const host = await startWebHost({ engine, bus, staticDir: resolve(__dirname, '../renderer'), port });
  const url = values.lang ? `${host.url}&lang=${values.lang}` : host.url;
  console.log(`OneWallet ready at ${url}`);

  const shutdown = async () => {
    await host.close();
    await engine.dispose();
    crash.cleanQuit();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main().catch((error) => {
  console.error(`OneWallet could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

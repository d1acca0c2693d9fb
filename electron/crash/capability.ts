/** `crash/*`: the crash reports view, Report a problem and Settings → Diagnostics. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/errors';
import type { Capability, EngineDeps } from '../capability';
import type { Handlers } from '../router/router';
import { writeFileAtomic } from '../support/atomic-file';
import { fileError } from '../support/os-errors';
import { crashKdfWorkerForDiagnostics, onKdfWorkerCrash } from '../vault/kdf';
import { buildBundle, type Problem, type WalletStatistics } from './bundle';
import type { CrashReporter } from './reporter';
import type { ScrubbedLog } from './scrubbed-log';
import { postJson, type SupportSettings } from './upload';

export interface CrashCapabilityOptions {
  reporter: CrashReporter;
  support: SupportSettings;
  log: ScrubbedLog;
  statistics(): WalletStatistics;
  /** Safe start: the host turns off automatic work for this run. */
  onSafeStart?: () => void;
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

export function init(deps: EngineDeps, options: CrashCapabilityOptions): Capability {
  const { reporter, support } = options;
  const notFound = () => new DomainError('not_found', 'errors.crash.not_found');
  const stopRecordedEvents = reporter.onCapture((report) => deps.bus.emit('crash/recorded', { id: report.id }));
  const stopWorkerWatch = onKdfWorkerCrash((error) => reporter.capture({ process: 'worker', kind: 'workerCrash', error }));

  function writeBundle(dir: string | undefined, name: string, bundle: unknown): string {
    const target = dir ?? join(deps.dataDir, 'exports');
    const path = join(target, name);
    try {
      mkdirSync(target, { recursive: true, mode: 0o700 });
      writeFileAtomic(path, `${JSON.stringify(bundle, null, 2)}\n`);
      return path;
    } catch (error) {
      throw fileError(error, path);
    }
  }

  const requireEndpoint = () => {
    if (!support.endpoint) throw new DomainError('rejected', 'errors.crash.no_endpoint');
    return support.endpoint;
  };

  const handlers: Partial<Handlers> = {
    'crash/startup': () => reporter.marker.current(),
    'crash/checkDone': () => {
      reporter.marker.checkDone();
      return { ok: true as const };
    },
    'crash/safeStart': () => {
      reporter.marker.enterSafeMode();
      options.onSafeStart?.();
      return { ok: true as const };
    },
    'crash/support': () => ({ email: support.email, site: support.site, uploadEndpoint: support.endpoint !== null }),
    'crash/list': () => reporter.store.summaries(),
    'crash/get': ({ id }) => reporter.store.read(id) ?? (() => { throw notFound(); })(),
    'crash/delete': (input) => {
      if ('all' in input) return { deleted: reporter.store.deleteAll() };
      if (!reporter.store.delete(input.id)) throw notFound();
      return { deleted: 1 };
    },
    'crash/export': ({ ids, diagnostics, dir }) => {
      const reports = ids.map((id) => reporter.store.read(id) ?? (() => { throw notFound(); })());
      const bundle = buildBundle(reporter, { reports, problem: null, diagnostics, statistics: options.statistics(), log: options.log.recent() });
      return { path: writeBundle(dir, `onewallet-crash-${stamp()}.json`, bundle), reports: reports.length };
    },
    'crash/send': async ({ id }) => {
      const endpoint = requireEndpoint();
      const report = reporter.store.read(id);
      if (!report) throw notFound();
      await postJson(endpoint, { format: 'onewallet-crash-report', report });
      return { ok: true as const };
    },
    'crash/reportRenderer': (input) => {
      const error = Object.assign(new Error(input.message), { name: input.name, stack: input.stack });
      const details: Record<string, string> = input.componentStack ? { componentStack: input.componentStack } : {};
      const report = reporter.capture({ process: 'renderer', kind: input.kind, error, details, test: input.test, breadcrumbs: input.breadcrumbs, chrome: input.chrome });
      return { id: report?.id ?? null };
    },
    'crash/test': async ({ target }) => {
      const error = new Error(`Crash reporter test (${target}) requested by Settings → Diagnostics`);
      if (target === 'rejection') {
        // A real unhandled rejection: the host's process capture writes the report.
        void Promise.reject(error);
      } else if (target === 'exception') {
        setImmediate(() => {
          throw error;
        });
      } else {
        await crashKdfWorkerForDiagnostics();
      }
      return { ok: true as const };
    },
    'crash/reportProblem': async ({ description, contact, diagnostics, send, dir }) => {
      const problem: Problem = { description, contact: contact || null };
      const bundle = buildBundle(reporter, { reports: [], problem, diagnostics, statistics: options.statistics(), log: options.log.recent() });
      if (send) {
        await postJson(requireEndpoint(), bundle);
        return { path: null, sent: true };
      }
      return { path: writeBundle(dir, `onewallet-problem-${stamp()}.json`, bundle), sent: false };
    },
  };
  return {
    handlers,
    dispose: () => {
      stopWorkerWatch();
      stopRecordedEvents();
    },
  };
}

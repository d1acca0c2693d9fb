/**
 * The crash reporter's view of the router: each call leaves a breadcrumb with its method name
 * (never its contents), and the strings going in and out are remembered by the scrubber so that
 * a name, payee, note, amount or password seen here can never end up in a report or a log.
 */
import type { Router } from '../router/router';
import type { CrashReporter } from './reporter';

/** Outputs that carry nothing personal (and whose words would only blunt the scrubber). */
const NOT_PERSONAL = new Set(['app/info', 'settings/get', 'settings/update', 'crash/startup', 'crash/support']);

export function observeRouter(router: Router, reporter: CrashReporter): Router {
  return {
    async call(method, rawInput, context) {
      const name = typeof method === 'string' ? method.slice(0, 60) : '(invalid)';
      reporter.breadcrumb('command', name);
      // The crash methods carry reports and problem descriptions: remembering those would scrub the reports themselves.
      const ownMethod = name.startsWith('crash/');
      if (!ownMethod) reporter.memory.remember(rawInput);
      const result = await router.call(method, rawInput, context);
      if (result.ok && !ownMethod && !NOT_PERSONAL.has(name)) reporter.memory.remember(result.value);
      if (name === 'wallet/verify' && result.ok) {
        const ok = (result.value as { ok: boolean }).ok;
        reporter.integrityChecked(ok);
        // The check an unclean exit asked for has run; the user sees its result either way.
        reporter.marker.checkDone();
      }
      return result;
    },
  };
}

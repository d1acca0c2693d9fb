/**
 * What every long-running host (browser mode, the Electron shell) does around the engine: mark
 * the run, capture the process's uncaught exceptions and unhandled rejections, record a failed
 * engine start, and clear the marker at a clean quit.
 */
import { installProcessCapture } from './process-capture';
import { CrashReporter, type CrashReporterOptions } from './reporter';

export interface HostCrashReporting {
  reporter: CrashReporter;
  /** Records why the engine could not start; the host then exits (the marker stays: next start checks). */
  startFailed(error: unknown): void;
  /** A clean quit: the next start will not say "closed unexpectedly". */
  cleanQuit(): void;
}

export function startHostCrashReporting(
  options: CrashReporterOptions & { log(message: string): void; exit(code: number): void },
): HostCrashReporting {
  const reporter = new CrashReporter(options);
  reporter.marker.begin();
  const uninstall = installProcessCapture(reporter, { log: options.log, exit: options.exit });
  return {
    reporter,
    startFailed: (error) => {
      const report = reporter.capture({ process: 'engine', kind: 'engineStartFailed', error });
      options.log(`the engine could not start: crash report ${report?.id ?? '(not written)'}`);
    },
    cleanQuit: () => {
      uninstall();
      reporter.marker.end();
    },
  };
}

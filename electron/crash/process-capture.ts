/**
 * The host's last line: an uncaught exception or an unhandled rejection anywhere in the engine
 * process becomes a crash report. A rejection is one failed piece of work, so the host keeps
 * serving; after an uncaught exception Node's state is unknown, so the host writes the report and
 * exits with 1 (every acknowledged write is already durable; the run marker stays, so the next
 * start says the app closed unexpectedly and checks the wallet).
 */
import type { CrashReporter } from './reporter';

export interface ProcessCaptureOptions {
  log(message: string): void;
  /** How the host ends after an uncaught exception (the Electron shell quits the app instead). */
  exit(code: number): void;
}

export function installProcessCapture(reporter: CrashReporter, options: ProcessCaptureOptions, target: NodeJS.Process = process): () => void {
  const onException = (error: unknown) => {
    const report = reporter.capture({ process: 'engine', kind: 'uncaughtException', error });
    options.log(`uncaught exception: crash report ${report?.id ?? '(not written)'}; stopping`);
    options.exit(1);
  };
  const onRejection = (reason: unknown) => {
    const report = reporter.capture({ process: 'engine', kind: 'unhandledRejection', error: reason });
    options.log(`unhandled rejection: crash report ${report?.id ?? '(not written)'}; still running`);
  };
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}

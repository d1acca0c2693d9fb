/**
 * Standard output and error that may fail under us: the reader of a pipe went away (EPIPE, e.g.
 * `| head -1`), the file behind `>` is on a full disk (ENOSPC, `> /dev/full`). Node reports those
 * as an 'error' event that, without a listener, ends the process with a stack trace. Here every
 * failure is caught, remembered, and turned into one translated sentence and a defined exit code.
 */
import { DomainError } from '../../shared/errors';
import { errorCode } from '../support/os-errors';
import { t } from './messages';

/**
 * The translated error for output that could not be written. `completed` says whether the
 * command's own work is already done (then the message says so) or was stopped before it.
 */
export function outputError(error: unknown, completed: boolean): DomainError {
  const code = errorCode(error);
  const done = completed ? t('cli.output.done_anyway') : '';
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET') return new DomainError('io_error', 'cli.output.closed', { done });
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new DomainError('io_error', 'cli.output.full', { done });
  return new DomainError('io_error', 'cli.output.failed', { code: code || String(error), done });
}

/**
 * Writes `text` and resolves once the stream has handed it to the operating system; rejects with
 * the stream's error (EPIPE, ENOSPC…) when it could not. For output that must be seen before the
 * program goes on — a secret shown once is delivered before anything depends on it. Pair with
 * GuardedStream (or another 'error' listener) so a failure cannot also crash the process.
 */
export function writeOut(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      stream.write(text, (error?: Error | null) => (error ? reject(error) : resolve()));
    } catch (error) {
      reject(error as Error);
    }
  });
}

/**
 * A stream whose failures are recorded instead of thrown: after the first one, later writes are
 * dropped (the reader is gone), and `settled()` tells whether everything written got out.
 */
export class GuardedStream {
  private failure: Error | null = null;
  private pending = 0;
  private readonly idle: Array<() => void> = [];

  constructor(readonly stream: NodeJS.WritableStream) {
    stream.on('error', (error: Error) => this.fail(error));
  }

  get error(): Error | null {
    return this.failure;
  }

  write(text: string): void {
    if (this.failure) return;
    this.pending++;
    writeOut(this.stream, text)
      .catch((error: Error) => this.fail(error))
      .finally(() => {
        this.pending--;
        if (this.pending === 0) this.idle.splice(0).forEach((wake) => wake());
      });
  }

  /** Resolves once every write so far has succeeded or failed; with the first failure, if any. */
  async settled(): Promise<Error | null> {
    if (this.pending > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    return this.failure;
  }

  private fail(error: Error): void {
    this.failure ??= error;
  }
}

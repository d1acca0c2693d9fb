/**
 * Output that must arrive before the wallet depends on it (a recovery key shown once): written,
 * waited for, and fsync'd when stdout is a file, so a full disk (ENOSPC, /dev/full) or a closed
 * pipe (EPIPE) is known BEFORE the caller commits anything — it then commits nothing.
 */
import { fsyncSync } from 'node:fs';
import { DomainError } from '../../shared/errors';
import { t } from './messages';

function failed(error: unknown, consequenceKey: string): DomainError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));
  return new DomainError('io_error', 'cli.output_failed', { detail: String(code), consequence: t(consequenceKey) });
}

/** Resolves once `text` was accepted by `stream` (and synced, for a file); rejects with io_error otherwise. */
export function deliver(stream: NodeJS.WritableStream, text: string, consequenceKey: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // The stream may report the same failure again as an 'error' event; it is already handled.
      stream.on('error', () => undefined);
      reject(failed(error, consequenceKey));
    };
    stream.once('error', fail);
    stream.write(text, (error?: Error | null) => {
      stream.off('error', fail);
      if (error) return fail(error);
      const fd = (stream as { fd?: unknown }).fd;
      if (typeof fd === 'number') {
        try {
          fsyncSync(fd);
        } catch (syncError) {
          // Pipes and terminals cannot be synced (EINVAL); a file that cannot be is a failure.
          const code = (syncError as NodeJS.ErrnoException).code;
          if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EROFS') return fail(syncError);
        }
      }
      settled = true;
      resolve();
    });
  });
}

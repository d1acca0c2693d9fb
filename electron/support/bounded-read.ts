/**
 * Reading a small file the user names (a key file): only a regular file, and never more than a
 * cap, checked while reading — `/dev/zero` or a FIFO would otherwise be read without end, and a
 * file's reported size may lie (procfs, a file growing under us).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { DomainError } from '../../shared/errors';
import { fileError } from './os-errors';

export function readRegularFileCapped(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new DomainError('invalid_input', 'errors.files.not_a_regular_file', { path });
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw new DomainError('invalid_input', 'errors.files.too_large', { path, max: maxBytes });
    }
    return new Uint8Array(buffer.subarray(0, length));
  } catch (error) {
    throw fileError(error, path);
  } finally {
    closeSync(fd);
  }
}

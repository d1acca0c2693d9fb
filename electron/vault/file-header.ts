/**
 * The SQLite header (the first 100 bytes of page 1), read before SQLite opens the file, decides
 * "not a wallet" vs "damaged" (FORMAT.md, "The file"). OneWallet's application id at bytes 68–71
 * says the file is a wallet; once it does, a header SQLite would refuse or misread is damage —
 * the user should restore a backup, not go looking for another file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { DomainError } from '../../shared/errors';
import { APPLICATION_ID } from './constants';

const HEADER_BYTES = 100;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** The header bytes, or null when the file cannot be read or is shorter than a header (SQLite decides then). */
function readHeader(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    return readSync(fd, header, 0, HEADER_BYTES, 0) === HEADER_BYTES ? header : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function carriesWalletId(header: Buffer | null): header is Buffer {
  return header !== null && header.readUInt32BE(68) === APPLICATION_ID;
}

/** What SQLite's file format (https://sqlite.org/fileformat.html, 1.3) rules out in a header, or null. */
function headerDefect(header: Buffer): string | null {
  if (header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return 'magic';
  const pageSize = header.readUInt16BE(16);
  if (pageSize !== 1 && (pageSize < 512 || pageSize > 32768 || (pageSize & (pageSize - 1)) !== 0)) return 'page size';
  if (![1, 2].includes(header[18] ?? 0) || ![1, 2].includes(header[19] ?? 0)) return 'format version';
  if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32) return 'payload fractions';
  return null;
}

function damaged(detail: string): DomainError {
  return new DomainError('integrity', 'errors.vault.file_damaged', { where: 'file', detail });
}

/** Throws `integrity` when the file says it is a wallet but its SQLite header is not a valid one. */
export function checkWalletHeader(path: string): void {
  const header = readHeader(path);
  if (!carriesWalletId(header)) return;
  const defect = headerDefect(header);
  if (defect) throw damaged(`SQLite header: ${defect}`);
}

/** SQLite said "not a database" (`SQLITE_NOTADB`): damage when the file carries our application id. */
export function notADatabase(path: string, mapped: unknown, original: unknown): unknown {
  const code = (original as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' && carriesWalletId(readHeader(path)) ? damaged('SQLITE_NOTADB') : mapped;
}

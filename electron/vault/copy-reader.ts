/**
 * Reading backup copies without ever writing to them (read-only connection, no backoff state):
 * structural checks first, in an order that gives a distinct error for each kind of wrong file
 * (not a backup, a wallet rather than a backup, too new, damaged), then the key (the session's,
 * a password or the recovery key), then the trailer's MAC.
 */
import Database from 'better-sqlite3';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DomainError, isDomainError } from '../../shared/errors';
import { blob, toHex } from './bytes';
import { APPLICATION_ID, TAG_BYTES } from './constants';
import { deriveSubkeys, equal, sodiumReady, wipe, wipeSubkeys, type Subkeys } from './crypto';
import { runCooperative, runSync, type Steps } from './cooperative';
import { backupMacKey, COPY_FORMAT_VERSION, hashImageSteps, TRAILER_BYTES, TRAILER_LAYOUT, TRAILER_MAGIC, trailerMac, type CopyInfo } from './copy';
import { readHead, walkJournal } from './journal';
import { readSlot, recoveryKek, unwrapPasswordSlot, unwrapSlot } from './keyslots';
import { decodeRecoveryKey } from './recovery-key';
import { mapSqliteError, readMeta, type Db } from './schema';
import type { ProgressFn, ProjectionFactory, Secret, VerifyReport } from './types';
import { verifySteps } from './verify';
import { storedTag } from './projection-loader';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** What a copy says about itself, readable without a key (and so not yet authenticated). */
export interface CopyHeader {
  path: string;
  vaultId: string;
  formatVersion: number;
  head: { seq: number; tag: string };
  info: CopyInfo;
  fileBytes: number;
  /** The SQLite image: the file without its trailer. */
  imageBytes: number;
}

export interface CopyReader {
  readonly header: CopyHeader;
  readonly vaultId: string;
  head(): { seq: number; tag: string };
  events(fromSeq?: number): IterableIterator<{ seq: number; payload: unknown }>;
  /** The stored chain tag of event `seq` (hex; 0 is genesis), null when there is none (the trailer's MAC covers the file). */
  tagAt(seq: number): string | null;
  /** Keyslots, chain, every event, every snapshot (compared with a rebuild when a factory is given). Cooperative. */
  verify(factory: ProjectionFactory | null, onProgress?: ProgressFn): Promise<VerifyReport>;
  close(): void;
}

export type CopySecret = Secret | { recoveryKey: string };

const notBackup = () => new DomainError('not_a_wallet', 'errors.backup.not_a_backup');
const damaged = (detail: string) => new DomainError('integrity', 'errors.backup.damaged', { detail });

interface Trailer {
  version: number;
  versionCheck: number;
  imageBytes: number;
  prefix: Uint8Array;
  hash: Uint8Array;
  mac: Uint8Array;
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, offset);
  return buffer.subarray(0, read);
}

function readTrailer(fd: number, size: number): Trailer | null {
  if (size < TRAILER_BYTES) return null;
  const bytes = readAt(fd, size - TRAILER_BYTES, TRAILER_BYTES);
  if (bytes.subarray(0, 8).toString('latin1') !== TRAILER_MAGIC) return null;
  return {
    version: bytes.readUInt32LE(8),
    versionCheck: bytes.readUInt32LE(12),
    imageBytes: Number(bytes.readBigUInt64LE(16)),
    prefix: new Uint8Array(bytes.subarray(0, TRAILER_LAYOUT.prefix)),
    hash: new Uint8Array(bytes.subarray(TRAILER_LAYOUT.prefix, TRAILER_LAYOUT.hash)),
    mac: new Uint8Array(bytes.subarray(TRAILER_LAYOUT.hash, TRAILER_BYTES)),
  };
}

/** No trailer: tell random bytes and other databases from a wallet and from a backup cut short. */
function classifyWithoutTrailer(fd: number): DomainError {
  const header = readAt(fd, 0, 100);
  if (header.length < 16 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return notBackup();
  // A SQLite file too short to hold its own header was cut short.
  if (header.length < 100) return new DomainError('integrity', 'errors.backup.truncated');
  if (header.readUInt32BE(68) !== APPLICATION_ID) return notBackup();
  // Wallets use WAL (format bytes 2); backups are rollback-journal files (1) whose trailer is missing.
  if (header[18] === 2 && header[19] === 2) return new DomainError('not_a_wallet', 'errors.backup.is_a_wallet');
  return new DomainError('integrity', 'errors.backup.truncated');
}

/** Structure, trailer and (when asked) the whole-file hash; the hash yields after every chunk. */
function* checkFileSteps(path: string, checkHash: boolean, onProgress?: ProgressFn): Steps<{ trailer: Trailer; fileBytes: number }> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DomainError('not_found', 'errors.backup.not_found', { path });
    if (code === 'EISDIR') throw notBackup();
    throw new DomainError('io_error', 'errors.backup.io', { detail: String(code) });
  }
  try {
    const fileBytes = fstatSync(fd).size;
    const trailer = readTrailer(fd, fileBytes);
    if (!trailer) throw classifyWithoutTrailer(fd);
    if (trailer.versionCheck !== ~trailer.version >>> 0) throw damaged('trailer');
    if (trailer.version > COPY_FORMAT_VERSION) {
      throw new DomainError('format_too_new', 'errors.backup.format_too_new', { version: trailer.version, supported: COPY_FORMAT_VERSION });
    }
    if (trailer.version < 1 || trailer.imageBytes !== fileBytes - TRAILER_BYTES) throw damaged('trailer');
    if (checkHash) {
      const report = (done: number, total: number) => onProgress?.({ phase: 'verify', done, total });
      if (!equal(yield* hashImageSteps(fd, trailer.imageBytes, report), trailer.hash)) throw damaged('checksum');
    }
    return { trailer, fileBytes };
  } finally {
    closeSync(fd);
  }
}

function readHeader(db: Db, path: string, fileBytes: number): CopyHeader & { vaultIdBytes: Uint8Array } {
  let meta;
  try {
    meta = readMeta(db);
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_a_wallet') throw notBackup();
    throw error;
  }
  const hasInfo = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backup_info'").get();
  if (!hasInfo) throw new DomainError('not_a_wallet', 'errors.backup.is_a_wallet');
  const row = db.prepare('SELECT format_version, head_seq, head_tag, info FROM backup_info WHERE id = 1').get() as
    | { format_version: unknown; head_seq: unknown; head_tag: unknown; info: unknown }
    | undefined;
  if (!row || typeof row.format_version !== 'number' || typeof row.head_seq !== 'number' || typeof row.info !== 'string') throw damaged('backup_info');
  if (row.format_version > COPY_FORMAT_VERSION) {
    throw new DomainError('format_too_new', 'errors.backup.format_too_new', { version: row.format_version, supported: COPY_FORMAT_VERSION });
  }
  const tag = blob(row.head_tag, TAG_BYTES);
  const head = readHead(db);
  if (!tag || !equal(tag, head.tag) || row.head_seq !== head.seq) throw damaged('backup_info head');
  let info: CopyInfo;
  try {
    info = JSON.parse(row.info) as CopyInfo;
  } catch {
    throw damaged('backup_info');
  }
  return { path, vaultId: meta.vaultIdHex, vaultIdBytes: meta.vaultId, formatVersion: row.format_version, head: { seq: head.seq, tag: toHex(head.tag) }, info, fileBytes, imageBytes: fileBytes - TRAILER_BYTES };
}

function withDb<T>(path: string, work: (db: Db) => T): { db: Db; value: T } {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw mapSqliteError(error, 'file');
  }
  try {
    return { db, value: work(db) };
  } catch (error) {
    db.close();
    throw mapSqliteError(error, 'file');
  }
}

/** Cheap look at a copy without a key (listing): structure and plaintext info, no hash unless asked. */
export function inspectCopy(path: string, options: { checkHash?: boolean; onProgress?: ProgressFn } = {}): CopyHeader {
  const checkHash = options.checkHash ?? false;
  const { fileBytes } = runSync(checkFileSteps(path, checkHash, options.onProgress));
  let opened;
  try {
    opened = withDb(path, (db) => readHeader(db, path, fileBytes));
  } catch (error) {
    // The file has our trailer, so a header that reads as "not a backup" (a flipped byte in the
    // schema page) is more likely damage: the whole-file hash decides, as the full open would.
    if (!checkHash && isDomainError(error) && error.code !== 'format_too_new') runSync(checkFileSteps(path, true));
    throw error;
  }
  opened.db.close();
  const { vaultIdBytes: _, ...header } = opened.value;
  return header;
}

class Reader implements CopyReader {
  readonly vaultId: string;
  private keys: Subkeys | null;

  constructor(readonly header: CopyHeader, private readonly db: Db, private readonly vaultIdBytes: Uint8Array, dataKey: Uint8Array) {
    this.vaultId = header.vaultId;
    this.keys = deriveSubkeys(dataKey);
  }

  private ctx() {
    if (!this.keys) throw new DomainError('wallet_locked', 'errors.vault.locked');
    return { db: this.db, vaultId: this.vaultIdBytes, keys: this.keys };
  }

  head(): { seq: number; tag: string } {
    return this.header.head;
  }

  tagAt(seq: number): string | null {
    const tag = storedTag(this.ctx().db, seq);
    return tag && toHex(tag);
  }

  events(fromSeq?: number): IterableIterator<{ seq: number; payload: unknown }> {
    const { db, vaultId, keys } = this.ctx();
    return walkJournal(db, vaultId, keys, fromSeq === undefined ? {} : { fromSeq });
  }

  async verify(factory: ProjectionFactory | null, onProgress?: ProgressFn): Promise<VerifyReport> {
    try {
      // Closing the reader between two slices stops the walk before it touches the closed DB.
      return await runCooperative(verifySteps(this.ctx(), factory, onProgress), () => this.keys !== null);
    } catch (error) {
      throw mapSqliteError(error, 'file');
    }
  }

  close(): void {
    if (!this.keys) return;
    wipeSubkeys(this.keys);
    this.keys = null;
    this.db.close();
  }
}

/** Checks the MAC with `dataKey` and hands out a reader (it keeps its own subkeys; the caller wipes dataKey). */
function authenticated(path: string, trailer: Trailer, db: Db, header: CopyHeader & { vaultIdBytes: Uint8Array }, dataKey: Uint8Array): CopyReader {
  const macKey = backupMacKey(dataKey);
  const ok = equal(trailerMac(macKey, header.vaultIdBytes, trailer.prefix, trailer.hash), trailer.mac);
  wipe(macKey);
  if (!ok) {
    db.close();
    throw new DomainError('integrity', 'errors.backup.tampered', { path });
  }
  const { vaultIdBytes, ...plain } = header;
  return new Reader(plain, db, vaultIdBytes, dataKey);
}

/** A copy of the vault whose data key the caller holds (an open session of the same wallet). */
export async function openCopyWithKey(path: string, dataKey: Uint8Array, expectVaultId: Uint8Array, onProgress?: ProgressFn): Promise<CopyReader> {
  const { trailer, fileBytes } = await runCooperative(checkFileSteps(path, true, onProgress));
  const { db, value: header } = withDb(path, (db) => readHeader(db, path, fileBytes));
  if (!equal(header.vaultIdBytes, expectVaultId)) {
    db.close();
    throw new DomainError('rejected', 'errors.backup.other_wallet');
  }
  return authenticated(path, trailer, db, header, dataKey);
}

/** Opens a copy with the password (+ key file) or recovery key it had when it was made. Writes nothing. */
export async function unlockCopy(path: string, secret: CopySecret, onProgress?: ProgressFn): Promise<CopyReader> {
  await sodiumReady();
  const { trailer, fileBytes } = await runCooperative(checkFileSteps(path, true, onProgress));
  const { db, value: header } = withDb(path, (db) => readHeader(db, path, fileBytes));
  let dataKey: Uint8Array | null = null;
  try {
    dataKey = await unwrap(db, header.vaultIdBytes, secret, onProgress);
    return authenticated(path, trailer, db, header, dataKey);
  } catch (error) {
    if (db.open) db.close();
    throw mapSqliteError(error, 'keyslot:primary');
  } finally {
    wipe(dataKey);
  }
}

async function unwrap(db: Db, vaultId: Uint8Array, secret: CopySecret, onProgress?: ProgressFn): Promise<Uint8Array> {
  if ('recoveryKey' in secret) {
    const recoverySecret = decodeRecoveryKey(secret.recoveryKey);
    const slot = readSlot(db, vaultId, 'recovery');
    const kek = recoveryKek(vaultId, slot.salt, recoverySecret);
    const key = unwrapSlot(vaultId, slot, kek);
    wipe(kek, recoverySecret);
    if (!key) throw new DomainError('auth_failed', 'errors.backup.recovery_key_wrong');
    return key;
  }
  if (typeof secret.password !== 'string') throw new DomainError('invalid_input', 'errors.vault.password_empty', { detail: 'password' });
  const slot = readSlot(db, vaultId, 'primary');
  if (slot.kind === 'passwordKeyFile' && !(secret.keyFile instanceof Uint8Array)) {
    throw new DomainError('auth_failed', 'errors.backup.key_file_required');
  }
  onProgress?.({ phase: 'kdf', done: 0, total: 1 });
  const key = await unwrapPasswordSlot(vaultId, slot, secret);
  onProgress?.({ phase: 'kdf', done: 1, total: 1 });
  if (!key) throw new DomainError('auth_failed', 'errors.backup.auth_failed');
  return key;
}

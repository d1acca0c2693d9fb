/**
 * Opening the SQLite file: the format check (a distinct error for a foreign file, a newer version
 * and a damaged one, in that order, before anything is written), the pragmas every connection
 * needs, and the DDL of format version 1.
 */
import Database from 'better-sqlite3';
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '../../shared/errors';
import { blob, toHex } from './bytes';
import { APPLICATION_ID, FORMAT_NAME, FORMAT_VERSION, VAULT_ID_BYTES } from './constants';
import { checkWalletHeader, notADatabase } from './file-header';

export type Db = Database.Database;

export const SCHEMA_V1 = `
CREATE TABLE meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format TEXT NOT NULL,
  format_version INTEGER NOT NULL,
  vault_id BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE keyslots (
  role TEXT PRIMARY KEY CHECK (role IN ('primary', 'recovery')),
  kind INTEGER NOT NULL,
  salt BLOB NOT NULL,
  ops_limit INTEGER NOT NULL,
  mem_limit INTEGER NOT NULL,
  nonce BLOB NOT NULL,
  wrapped BLOB NOT NULL,
  checksum BLOB NOT NULL
);
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  tag BLOB NOT NULL
);
CREATE TABLE head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  tag BLOB NOT NULL
);
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  covers_seq INTEGER NOT NULL,
  covers_tag BLOB NOT NULL,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE auth_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  failures INTEGER NOT NULL,
  failure_times TEXT NOT NULL,
  next_allowed_at TEXT
);
`;

/** Pragmas for every connection that may write. secure_delete so a replaced keyslot leaves no copy in free pages. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
}

/** SQLite failures → the error codes a client can act on. */
export function mapSqliteError(error: unknown, where: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_NOTADB') return new DomainError('not_a_wallet', 'errors.vault.not_a_wallet');
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DomainError('integrity', 'errors.vault.file_damaged', { where, detail: code });
  }
  // A full disk is the one I/O failure a person can fix; SQLite rolled the write back, so say so.
  if (code === 'SQLITE_FULL') return new DomainError('io_error', 'errors.vault.disk_full', {});
  return new DomainError('io_error', 'errors.vault.io', { detail: code });
}

export interface VaultMeta {
  vaultId: Uint8Array;
  vaultIdHex: string;
  createdAt: string;
}

function can(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * SQLite creates -shm and -wal with the main file's mode: opening a 0444 wallet leaves 0444 side
 * files that keep every later open failing after the wallet's own mode is fixed. When the wallet is
 * writable again, its side files are made writable too (best effort: only their owner can).
 */
function repairSideFiles(path: string): void {
  for (const suffix of ['-shm', '-wal']) {
    const side = path + suffix;
    if (existsSync(side) && !can(side, constants.W_OK)) {
      try {
        chmodSync(side, 0o600);
      } catch {
        // Not ours: SQLite reports what it cannot open.
      }
    }
  }
}

/**
 * A wallet in a folder nobody can write (read-only mount): SQLite cannot create the WAL index
 * there, so the file is read into memory (marked as a legacy-journal image, which an in-memory
 * database accepts) and used from there; nothing is ever written back.
 */
function openImage(path: string): Db {
  const bytes = readFileSync(path);
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return new Database(bytes);
}

export interface OpenedVaultFile {
  db: Db;
  meta: VaultMeta;
  /** The file or its folder cannot be written: reads work, every write is refused (read_only). */
  readOnly: boolean;
}

/**
 * Opens `path` and checks that it is a OneWallet vault this code can read. Nothing is written
 * until the checks pass (so pointing it at some other SQLite file does not change that file).
 * A file we may not read is `io_error` (no_permission), not "not found"; one we may not write
 * opens read-only.
 */
export function openChecked(path: string): OpenedVaultFile {
  if (existsSync(path) && !can(path, constants.R_OK)) throw new DomainError('io_error', 'errors.vault.no_permission', { path });
  checkWalletHeader(path);
  const folderWritable = can(dirname(path), constants.W_OK);
  const readOnly = !can(path, constants.W_OK) || !folderWritable;
  if (!readOnly) repairSideFiles(path);
  let db: Db;
  try {
    db = readOnly && !folderWritable && !existsSync(`${path}-shm`) ? openImage(path) : new Database(path, { fileMustExist: true, readonly: readOnly });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT') throw new DomainError('not_found', 'errors.vault.not_found', { path });
    throw notADatabase(path, mapSqliteError(error, 'file'), error);
  }
  try {
    const meta = readMeta(db);
    if (!readOnly) applyPragmas(db);
    return { db, meta, readOnly };
  } catch (error) {
    db.close();
    throw notADatabase(path, mapSqliteError(error, 'meta'), error);
  }
}

/** Exported for backup copies, which are read through a read-only connection. */
export function readMeta(db: Db): VaultMeta {
  const appId = db.pragma('application_id', { simple: true });
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (appId !== APPLICATION_ID) throw new DomainError('not_a_wallet', 'errors.vault.not_a_wallet');
  // Our application id says it is a wallet: a missing meta table is damage, not a foreign file.
  if (!hasMeta) throw new DomainError('integrity', 'errors.vault.meta_damaged', { where: 'meta', detail: 'missing table' });
  const row = db.prepare('SELECT format, format_version, vault_id, created_at FROM meta WHERE id = 1').get() as
    | { format: unknown; format_version: unknown; vault_id: unknown; created_at: unknown }
    | undefined;
  if (!row) throw new DomainError('integrity', 'errors.vault.meta_damaged', { where: 'meta', detail: 'missing row' });
  if (row.format !== FORMAT_NAME) throw new DomainError('not_a_wallet', 'errors.vault.not_a_wallet');
  if (typeof row.format_version !== 'number' || !Number.isInteger(row.format_version) || row.format_version < 1) {
    throw new DomainError('integrity', 'errors.vault.meta_damaged', { where: 'meta', detail: 'format_version' });
  }
  if (row.format_version > FORMAT_VERSION) {
    throw new DomainError('format_too_new', 'errors.vault.format_too_new', {
      version: row.format_version,
      supported: FORMAT_VERSION,
    });
  }
  const vaultId = blob(row.vault_id, VAULT_ID_BYTES);
  if (!vaultId || typeof row.created_at !== 'string') {
    throw new DomainError('integrity', 'errors.vault.meta_damaged', { where: 'meta', detail: 'vault_id' });
  }
  return { vaultId: new Uint8Array(vaultId), vaultIdHex: toHex(vaultId), createdAt: row.created_at };
}

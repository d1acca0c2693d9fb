/**
 * Opening the SQLite file: the format check (a distinct error for a foreign file, a newer version
 * and a damaged one, in that order, before anything is written), the pragmas every connection
 * needs, and the DDL of format version 1.
 */
import Database from 'better-sqlite3';
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
  return new DomainError('io_error', 'errors.vault.io', { detail: code });
}

export interface VaultMeta {
  vaultId: Uint8Array;
  vaultIdHex: string;
  createdAt: string;
}

/**
 * Opens `path` and checks that it is a OneWallet vault this code can read. Nothing is written
 * until the checks pass (so pointing it at some other SQLite file does not change that file).
 */
export function openChecked(path: string): { db: Db; meta: VaultMeta } {
  checkWalletHeader(path);
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CANTOPEN') throw new DomainError('not_found', 'errors.vault.not_found', { path });
    throw notADatabase(path, mapSqliteError(error, 'file'), error);
  }
  try {
    const meta = readMeta(db);
    applyPragmas(db);
    return { db, meta };
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

/**
 * The security log's storage: an encrypted table beside the journal (FORMAT.md, "Security log").
 * It is not part of the journal on purpose: unlocks, locks and failed attempts are not ledger
 * facts, so they must not move the head (a backup "changed since" flag, merge plans and replay
 * never see them). Each row is sealed on its own with a subkey of the data key; a backup is a copy
 * of the whole file, so the log travels with it, and a full restore carries the newer rows over
 * (carrySecurityLog) because the rows of one vault open under the same key wherever they are.
 */
import Database from 'better-sqlite3';
import { blob, concat, u64le, utf8 } from './bytes';
import { NONCE_BYTES } from './constants';
import { newNonce, open, seal } from './crypto';
import type { Db } from './schema';

export const SECURITY_LOG_DDL = `CREATE TABLE IF NOT EXISTS security_log (
  id INTEGER PRIMARY KEY,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL
)`;

/** What one row holds once decrypted: the vault does not interpret kinds or details. */
export interface SecurityRecord {
  at: string;
  kind: string;
  details: Record<string, string | number | boolean | null>;
}

export interface StoredSecurityRecord extends SecurityRecord {
  id: number;
}

const AD_LABEL = utf8('security-log');

/** AD = vault_id ‖ "security-log" ‖ u64le(id): a row cannot be moved to another id or another vault. */
export function securityLogAd(vaultId: Uint8Array, id: number): Uint8Array {
  return concat(vaultId, AD_LABEL, u64le(id));
}

export function hasSecurityLog(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'security_log'").get() !== undefined;
}

/** Appends records in one transaction; ids continue after the largest stored one. */
export function appendSecurityRecords(db: Db, vaultId: Uint8Array, key: Uint8Array, records: readonly SecurityRecord[]): number[] {
  return db.transaction(() => {
    // Vaults written before the log existed get the table with their first entry.
    if (!hasSecurityLog(db)) db.exec(SECURITY_LOG_DDL);
    const insert = db.prepare('INSERT INTO security_log (id, nonce, ciphertext) VALUES (?, ?, ?)');
    const last = (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM security_log').get() as { id: number }).id;
    return records.map((record, index) => {
      const id = last + index + 1;
      const nonce = newNonce();
      const plaintext = utf8(JSON.stringify({ at: record.at, kind: record.kind, details: record.details }));
      insert.run(id, nonce, seal(key, nonce, securityLogAd(vaultId, id), plaintext));
      return id;
    });
  })();
}

/**
 * Every record, oldest first. A row that does not authenticate is reported by id rather than
 * thrown: the log is an aid for the user, and one damaged row must not hide the others.
 */
export function readSecurityRecords(db: Db, vaultId: Uint8Array, key: Uint8Array): { records: StoredSecurityRecord[]; damaged: number[] } {
  if (!hasSecurityLog(db)) return { records: [], damaged: [] };
  const rows = db.prepare('SELECT id, nonce, ciphertext FROM security_log ORDER BY id').all() as { id: number; nonce: unknown; ciphertext: unknown }[];
  const records: StoredSecurityRecord[] = [];
  const damaged: number[] = [];
  for (const row of rows) {
    const nonce = blob(row.nonce, NONCE_BYTES);
    const ciphertext = blob(row.ciphertext);
    const plaintext = nonce && ciphertext ? open(key, nonce, securityLogAd(vaultId, row.id), ciphertext) : null;
    const parsed = plaintext ? parseRecord(Buffer.from(plaintext).toString('utf8')) : null;
    if (parsed) records.push({ id: row.id, ...parsed });
    else damaged.push(row.id);
  }
  return { records, damaged };
}

function parseRecord(text: string): SecurityRecord | null {
  try {
    const value = JSON.parse(text) as Partial<SecurityRecord>;
    if (typeof value.at !== 'string' || typeof value.kind !== 'string' || typeof value.details !== 'object' || value.details === null) return null;
    return { at: value.at, kind: value.kind, details: value.details };
  } catch {
    return null;
  }
}

/**
 * A full restore or a revert swaps in an older copy of the same vault: its log is a prefix of the
 * one being replaced (append-only, same ids). The replaced file's rows are copied over as they are
 * — still sealed, no key needed — so the log never loses what happened after the backup.
 */
export function carrySecurityLog(fromPath: string, toPath: string): void {
  const from = new Database(fromPath, { readonly: true, fileMustExist: true });
  try {
    if (!hasSecurityLog(from)) return;
    const rows = from.prepare('SELECT id, nonce, ciphertext FROM security_log ORDER BY id').all() as { id: number; nonce: Buffer; ciphertext: Buffer }[];
    const to = new Database(toPath, { fileMustExist: true });
    try {
      to.pragma('journal_mode = WAL');
      to.pragma('synchronous = FULL');
      const insert = to.prepare('INSERT OR REPLACE INTO security_log (id, nonce, ciphertext) VALUES (?, ?, ?)');
      to.transaction(() => {
        to.exec(SECURITY_LOG_DDL);
        for (const row of rows) insert.run(row.id, row.nonce, row.ciphertext);
      })();
    } finally {
      to.close();
    }
  } finally {
    from.close();
  }
}

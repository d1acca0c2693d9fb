/**
 * The baseline for append throughput: plain better-sqlite3 inserts of rows the same size as the
 * vault's journal rows (nonce 24 B, ciphertext = JSON + 16 B MAC, tag 32 B), same WAL +
 * synchronous=FULL, same folder — no JSON, no encryption, no chain, no head row.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { timed } from './stats';

export const NONCE_BYTES = 24;
export const MAC_BYTES = 16;
export const TAG_BYTES = 32;

type Row = [Buffer, Buffer, Buffer];

export class RawJournal {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private seq = 0;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec('CREATE TABLE journal (seq INTEGER PRIMARY KEY, nonce BLOB NOT NULL, ciphertext BLOB NOT NULL, tag BLOB NOT NULL)');
    this.insert = this.db.prepare('INSERT INTO journal (seq, nonce, ciphertext, tag) VALUES (?, ?, ?, ?)');
  }

  /** Rows for plaintexts of these byte sizes, made before any timing starts. */
  static rows(plaintextSizes: readonly number[]): Row[] {
    return plaintextSizes.map((size) => [randomBytes(NONCE_BYTES), randomBytes(size + MAC_BYTES), randomBytes(TAG_BYTES)]);
  }

  /** One durable transaction per row; returns the ms of each. */
  insertEach(rows: readonly Row[]): number[] {
    return rows.map((row) => timed(() => this.db.transaction(() => this.insert.run(++this.seq, ...row)).immediate()).ms);
  }

  /** All rows in one durable transaction; returns its ms. */
  insertBatch(rows: readonly Row[]): number {
    return timed(() =>
      this.db.transaction(() => {
        for (const row of rows) this.insert.run(++this.seq, ...row);
      }).immediate(),
    ).ms;
  }

  close(): void {
    this.db.close();
  }
}

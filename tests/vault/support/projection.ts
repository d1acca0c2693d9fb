/**
 * A small but real projection for the vault tests: an in-memory SQLite table of (seq, json) with
 * a running total of `amount` fields, serialized with db.serialize(), digest = BLAKE2b of a
 * canonical dump. Mirrors what the ledger does without depending on it.
 */
import Database from 'better-sqlite3';
import sodium from 'libsodium-wrappers-sumo';
import type { Projection, ProjectionFactory } from '../../../electron/vault';

const SCHEMA_TAG = 'test-projection-v1';

class TableProjection implements Projection {
  closed = false;
  constructor(private readonly db: Database.Database) {}

  apply(seq: number, payload: unknown): void {
    this.db.prepare('INSERT INTO events (seq, json) VALUES (?, ?)').run(seq, JSON.stringify(payload));
    const amount = (payload as { amount?: unknown } | null)?.amount;
    if (typeof amount === 'number') this.db.prepare('UPDATE totals SET total = total + ?').run(amount);
  }

  serialize(): Uint8Array {
    return new Uint8Array(this.db.serialize());
  }

  digest(): string {
    const rows = this.db.prepare('SELECT seq, json FROM events ORDER BY seq').all();
    const total = this.db.prepare('SELECT total FROM totals').get();
    return sodium.crypto_generichash(32, JSON.stringify({ rows, total }), null, 'hex');
  }

  rows(): { seq: number; json: string }[] {
    return this.db.prepare('SELECT seq, json FROM events ORDER BY seq').all() as { seq: number; json: string }[];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

export const testProjections: ProjectionFactory & { empty(): TableProjection; fromSnapshot(bytes: Uint8Array): TableProjection } = {
  empty() {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE info (schema TEXT); INSERT INTO info VALUES ('${SCHEMA_TAG}');
             CREATE TABLE events (seq INTEGER PRIMARY KEY, json TEXT NOT NULL);
             CREATE TABLE totals (total INTEGER NOT NULL); INSERT INTO totals VALUES (0);`);
    return new TableProjection(db);
  },
  fromSnapshot(bytes) {
    const db = new Database(Buffer.from(bytes));
    const info = db.prepare('SELECT schema FROM info').get() as { schema: string } | undefined;
    if (info?.schema !== SCHEMA_TAG) {
      db.close();
      throw new Error('not a snapshot of this projection');
    }
    return new TableProjection(db);
  },
};

/**
 * Encrypted snapshots of the projection: a cache that saves replaying the whole journal on unlock.
 * AD binds the vault id and the (seq, chain tag) the snapshot covers, so a snapshot cannot be
 * moved to another vault or claimed to cover another point of the history.
 */
import { blob, concat, u64le } from './bytes';
import { NONCE_BYTES, SNAPSHOTS_KEPT, TAG_BYTES } from './constants';
import { newNonce, open, seal } from './crypto';
import type { Db } from './schema';

export function snapshotAd(vaultId: Uint8Array, coversSeq: number, coversTag: Uint8Array): Uint8Array {
  return concat(vaultId, u64le(coversSeq), coversTag);
}

export function writeSnapshot(db: Db, vaultId: Uint8Array, key: Uint8Array, coversSeq: number, coversTag: Uint8Array, plaintext: Uint8Array, now: Date): void {
  const nonce = newNonce();
  const ciphertext = seal(key, nonce, snapshotAd(vaultId, coversSeq, coversTag), plaintext);
  db.transaction(() => {
    db.prepare('INSERT INTO snapshots (covers_seq, covers_tag, nonce, ciphertext, created_at) VALUES (?, ?, ?, ?, ?)').run(
      coversSeq,
      coversTag,
      nonce,
      ciphertext,
      now.toISOString(),
    );
    // Keep the newest few: one damaged snapshot then still leaves a recent one to start from.
    db.prepare(
      'DELETE FROM snapshots WHERE id NOT IN (SELECT id FROM snapshots ORDER BY covers_seq DESC, id DESC LIMIT ?)',
    ).run(SNAPSHOTS_KEPT);
  }).immediate();
}

export interface SnapshotRow {
  id: number;
  coversSeq: number;
  coversTag: Uint8Array | null;
  nonce: Uint8Array | null;
  ciphertext: Uint8Array | null;
}

/** Newest first. Only ids and headers are read here; ciphertexts are read one at a time by `readSnapshot`. */
export function listSnapshots(db: Db): { id: number; coversSeq: number }[] {
  return (db.prepare('SELECT id, covers_seq FROM snapshots ORDER BY covers_seq DESC, id DESC').all() as { id: number; covers_seq: number }[]).map(
    (row) => ({ id: row.id, coversSeq: Number(row.covers_seq) }),
  );
}

export function readSnapshot(db: Db, id: number): SnapshotRow | null {
  const row = db.prepare('SELECT id, covers_seq, covers_tag, nonce, ciphertext FROM snapshots WHERE id = ?').get(id) as
    | Record<string, unknown>
    | undefined;
  if (!row) return null;
  const tag = blob(row.covers_tag, TAG_BYTES);
  const nonce = blob(row.nonce, NONCE_BYTES);
  const ciphertext = blob(row.ciphertext);
  return {
    id,
    coversSeq: Number(row.covers_seq),
    coversTag: tag ? new Uint8Array(tag) : null,
    nonce: nonce ? new Uint8Array(nonce) : null,
    ciphertext,
  };
}

/** The snapshot's plaintext, or null when it does not authenticate. */
export function openSnapshot(vaultId: Uint8Array, key: Uint8Array, row: SnapshotRow): Uint8Array | null {
  if (!row.coversTag || !row.nonce || !row.ciphertext || !Number.isSafeInteger(row.coversSeq) || row.coversSeq < 0) return null;
  return open(key, row.nonce, snapshotAd(vaultId, row.coversSeq, row.coversTag), row.ciphertext);
}

/**
 * Encrypted snapshots of the projection: a cache that saves replaying the whole journal on unlock.
 * AD binds the vault id and the (seq, chain tag) the snapshot covers, so a snapshot cannot be
 * moved to another vault or claimed to cover another point of the history.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { blob, concat, u64le } from './bytes';
import { NONCE_BYTES, SNAPSHOT_CODEC, SNAPSHOT_MAGIC, SNAPSHOTS_KEPT, TAG_BYTES } from './constants';
import { newNonce, open, seal } from './crypto';
import type { Db } from './schema';

/*
 * Compression (FORMAT.md, "Snapshots"): the projection's bytes are compressed BEFORE sealing —
 * ciphertext does not compress. zstd level 1 where this Node has it (fast both ways: it sits on
 * the unlock path), else gzip level 1. A plaintext without the magic is an uncompressed snapshot
 * written before compression existed, and still loads.
 */
type Zstd = { zstdCompressSync(data: Uint8Array, options: object): Buffer; zstdDecompressSync(data: Uint8Array): Buffer; constants: Record<string, number> };
const zstd = typeof (zlib as unknown as Partial<Zstd>).zstdCompressSync === 'function' ? (zlib as unknown as Zstd) : null;

export function compressSnapshot(bytes: Uint8Array): Uint8Array {
  const codec = zstd ? SNAPSHOT_CODEC.zstd : SNAPSHOT_CODEC.gzip;
  const body = zstd ? zstd.zstdCompressSync(bytes, { params: { [zstd.constants.ZSTD_c_compressionLevel!]: 1 } }) : zlib.gzipSync(bytes, { level: 1 });
  return concat(SNAPSHOT_MAGIC, Uint8Array.of(codec), body);
}

/** The codec byte and compressed body of a plaintext; null for an uncompressed snapshot (no magic). */
function framing(plaintext: Uint8Array): { codec: number | undefined; body: Uint8Array } | null {
  if (!SNAPSHOT_MAGIC.every((byte, i) => plaintext[i] === byte)) return null;
  return { codec: plaintext[SNAPSHOT_MAGIC.length], body: plaintext.subarray(SNAPSHOT_MAGIC.length + 1) };
}

/** The projection's bytes; null when the codec is unknown or unavailable here, or the stream is damaged (then: replay). */
export function decompressSnapshot(plaintext: Uint8Array): Uint8Array | null {
  const framed = framing(plaintext);
  if (!framed) return plaintext;
  const { codec, body } = framed;
  try {
    if (codec === SNAPSHOT_CODEC.zstd && zstd) return zstd.zstdDecompressSync(body);
    if (codec === SNAPSHOT_CODEC.gzip) return zlib.gunzipSync(body);
  } catch {
    return null;
  }
  return null;
}

const zstdDecompressAsync = zstd && promisify((zlib as unknown as { zstdDecompress(data: Uint8Array, callback: (error: Error | null, result: Buffer) => void): void }).zstdDecompress);
const gunzipAsync = promisify(zlib.gunzip);

/**
 * decompressSnapshot on zlib's thread pool: decompressing the ~85 MiB projection of a 100k wallet
 * is the longest single step of an unlock, and the main process must keep answering meanwhile.
 */
export async function decompressSnapshotAsync(plaintext: Uint8Array): Promise<Uint8Array | null> {
  const framed = framing(plaintext);
  if (!framed) return plaintext;
  const { codec, body } = framed;
  try {
    if (codec === SNAPSHOT_CODEC.zstd && zstdDecompressAsync) return await zstdDecompressAsync(body);
    if (codec === SNAPSHOT_CODEC.gzip) return await gunzipAsync(body);
  } catch {
    return null;
  }
  return null;
}

export function snapshotAd(vaultId: Uint8Array, coversSeq: number, coversTag: Uint8Array): Uint8Array {
  return concat(vaultId, u64le(coversSeq), coversTag);
}

/** Seals `projectionBytes` (compressed first) as the snapshot covering (coversSeq, coversTag). */
export function writeSnapshot(db: Db, vaultId: Uint8Array, key: Uint8Array, coversSeq: number, coversTag: Uint8Array, projectionBytes: Uint8Array, now: Date): void {
  const nonce = newNonce();
  const plaintext = compressSnapshot(projectionBytes);
  const ciphertext = seal(key, nonce, snapshotAd(vaultId, coversSeq, coversTag), plaintext);
  plaintext.fill(0);
  db.transaction(() => {
    // Older snapshots go first, in the same transaction: their pages are then reused for the new
    // one instead of the file growing by a whole snapshot each time.
    db.prepare('DELETE FROM snapshots WHERE covers_seq <= ? AND id NOT IN (SELECT id FROM snapshots ORDER BY covers_seq DESC, id DESC LIMIT ?)').run(coversSeq, SNAPSHOTS_KEPT - 1);
    db.prepare('INSERT INTO snapshots (covers_seq, covers_tag, nonce, ciphertext, created_at) VALUES (?, ?, ?, ?, ?)').run(
      coversSeq,
      coversTag,
      nonce,
      ciphertext,
      now.toISOString(),
    );
    // Keep only the newest: a damaged one costs a replay (fast), while every extra copy costs the
    // file (and, before backups left snapshots out, every backup) its whole projection again.
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

/** The snapshot's plaintext as sealed (still compressed, see decompressSnapshot), or null when it does not authenticate. */
export function openSnapshot(vaultId: Uint8Array, key: Uint8Array, row: SnapshotRow): Uint8Array | null {
  if (!row.coversTag || !row.nonce || !row.ciphertext || !Number.isSafeInteger(row.coversSeq) || row.coversSeq < 0) return null;
  return open(key, row.nonce, snapshotAd(vaultId, row.coversSeq, row.coversTag), row.ciphertext);
}

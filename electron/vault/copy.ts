/**
 * Writing backup copies of a vault (the file format is specified in electron/backup/FORMAT.md).
 * A copy is the vault's SQLite image taken with SQLite's online backup API (consistent even while
 * the wallet keeps writing), turned into one self-contained rollback-journal file with a plaintext
 * `backup_info` row, then sealed with a trailer that hashes and MACs every byte of the image. It
 * lives in the vault because only the vault holds the data key the MAC needs.
 */
import Database from 'better-sqlite3';
import sodium from 'libsodium-wrappers-sumo';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { concat, toHex, u32le, u64le, utf8 } from './bytes';
import { CONTEXTS, KEY_BYTES, SUBKEY_ID, TAG_BYTES } from './constants';
import { runCooperative, runSync, type Steps } from './cooperative';
import { wipe } from './crypto';
import { checkHeadAgainstJournal, readHead } from './journal';
import { toError } from './problems';
import type { VaultContext } from './projection-loader';

/** Version of the copy format (trailer + backup_info); a reader refuses anything newer. */
export const COPY_FORMAT_VERSION = 1;
/** The trailer starts with these 8 ASCII bytes. */
export const TRAILER_MAGIC = 'OWBACKUP';
/** magic 8 ‖ version u32le ‖ ~version u32le ‖ image length u64le ‖ BLAKE2b-256(image) ‖ MAC 32. */
export const TRAILER_BYTES = 88;
const PREFIX_BYTES = 24;
const HASH_CHUNK = 1 << 20;
/** Pages copied per step of the online backup; between steps the wallet may keep writing. */
const PAGES_PER_STEP = 256;

/** Plaintext facts about a backup (created_at, trigger, app version…), chosen by the caller. */
export type CopyInfo = Record<string, string | number>;
export type CopyProgress = (phase: 'copy' | 'seal', done: number, total: number) => void;
export interface CopyResult {
  /** The journal head the copy covers. */
  seq: number;
  tag: string;
  /** Size of the finished file. */
  bytes: number;
}

const INFO_DDL = `CREATE TABLE backup_info (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format_version INTEGER NOT NULL,
  head_seq INTEGER NOT NULL,
  head_tag BLOB NOT NULL,
  info TEXT NOT NULL
)`;

/** The MAC key: crypto_kdf_derive_from_key(32, 1, "backup__", DK). */
export function backupMacKey(dataKey: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_ID, CONTEXTS.backup, dataKey);
}

/** The version is stored with its complement, so a flipped bit there reads as damage, not as "too new". */
export function trailerPrefix(version: number, imageBytes: number): Uint8Array {
  return concat(utf8(TRAILER_MAGIC), u32le(version), u32le(~version >>> 0), u64le(imageBytes));
}

/** MAC = BLAKE2b-256 keyed with the backup key over prefix ‖ vault id ‖ hash(image). */
export function trailerMac(macKey: Uint8Array, vaultId: Uint8Array, prefix: Uint8Array, imageHash: Uint8Array): Uint8Array {
  return sodium.crypto_generichash(TAG_BYTES, concat(prefix, vaultId, imageHash), macKey);
}

/** Streams the first `imageBytes` of the file through BLAKE2b-256 (no key), yielding after every 1 MiB chunk. */
export function* hashImageSteps(fd: number, imageBytes: number, onProgress?: (done: number, total: number) => void): Steps<Uint8Array> {
  const state = sodium.crypto_generichash_init(null, TAG_BYTES);
  const buffer = Buffer.alloc(HASH_CHUNK);
  let offset = 0;
  while (offset < imageBytes) {
    const read = readSync(fd, buffer, 0, Math.min(HASH_CHUNK, imageBytes - offset), offset);
    if (read === 0) break;
    sodium.crypto_generichash_update(state, buffer.subarray(0, read));
    offset += read;
    onProgress?.(offset, imageBytes);
    if (offset < imageBytes) yield;
  }
  return sodium.crypto_generichash_final(state, TAG_BYTES);
}

/** hashImageSteps in one go (small files, synchronous callers). */
export function hashImage(fd: number, imageBytes: number, onProgress?: (done: number, total: number) => void): Uint8Array {
  return runSync(hashImageSteps(fd, imageBytes, onProgress));
}

/**
 * Copies the vault behind `ctx` into `destPath` (an empty file the caller created) and seals it.
 * Errors are the raw fs / SQLite ones (ENOSPC, SQLITE_FULL…) so the caller can say which it was.
 */
export async function writeCopy(ctx: VaultContext, dataKey: Uint8Array, destPath: string, info: CopyInfo, onProgress?: CopyProgress): Promise<CopyResult> {
  // Derived before the first await: a lock during the copy wipes the data key.
  const macKey = backupMacKey(dataKey);
  const vaultId = new Uint8Array(ctx.vaultId);
  try {
    await ctx.db.backup(destPath, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.('copy', totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    const head = stamp(destPath, info);
    const bytes = await seal(destPath, vaultId, macKey, onProgress);
    return { seq: head.seq, tag: toHex(head.tag), bytes };
  } finally {
    wipe(macKey);
  }
}

/** Makes the copy one file (rollback journal), records what it covers, and resets the failure count. */
function stamp(path: string, info: CopyInfo): { seq: number; tag: Uint8Array } {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE'); // header bytes 18–19 = 1: one file, no -wal (backup/FORMAT.md)
    // The copy is our own temp file, deleted on any failure (backup/write.ts) and fsync'd whole once
    // sealed: no rollback journal and no syncs of its own while it is stamped. With them, emptying
    // the snapshots and the VACUUM wrote the image about three more times (journal, temp, copy back)
    // and synced after each: ~0.6–1 s of a 100k backup.
    copy.pragma('journal_mode = OFF');
    copy.pragma('synchronous = OFF');
    copy.pragma('secure_delete = ON');
    // The head is read from the copy itself: appends made during the copy are in it, and it says so.
    const problem = checkHeadAgainstJournal(copy);
    if (problem) throw toError(problem);
    const head = readHead(copy);
    copy.transaction(() => {
      copy.exec(INFO_DDL);
      copy
        .prepare('INSERT INTO backup_info (id, format_version, head_seq, head_tag, info) VALUES (1, ?, ?, ?, ?)')
        .run(COPY_FORMAT_VERSION, head.seq, head.tag, JSON.stringify(info));
      // Failed unlocks of the wallet are about the wallet, not about this file.
      copy.prepare("UPDATE auth_state SET failures = 0, failure_times = '[]', next_allowed_at = NULL").run();
      // Snapshots are a cache of what the journal says (the compressed projection, ~0.8x the
      // journal at 100k): left out, a backup is the journal alone, and a restore replays it.
      copy.prepare('DELETE FROM snapshots').run();
    })();
    // Give the freed pages back so the image is only what it holds (VACUUM rewrites the file; it is
    // our own temp copy, and the journal dominates what is rewritten).
    copy.exec('VACUUM');
    return head;
  } finally {
    copy.close();
  }
}

/**
 * Appends the trailer and fsyncs: after this the file never changes again. The hash is computed
 * one chunk per event-loop turn; it reads only the copy (our own temp file) with a MAC key derived
 * up front, so a lock of the wallet meanwhile cannot change what is sealed.
 */
async function seal(path: string, vaultId: Uint8Array, macKey: Uint8Array, onProgress?: CopyProgress): Promise<number> {
  const fd = openSync(path, 'r+');
  try {
    const imageBytes = fstatSync(fd).size;
    const imageHash = await runCooperative(hashImageSteps(fd, imageBytes, (done, total) => onProgress?.('seal', done, total)));
    const prefix = trailerPrefix(COPY_FORMAT_VERSION, imageBytes);
    const trailer = concat(prefix, imageHash, trailerMac(macKey, vaultId, prefix, imageHash));
    let written = 0;
    while (written < trailer.length) written += writeSync(fd, trailer, written, trailer.length - written, imageBytes + written);
    fsyncSync(fd);
    return imageBytes + trailer.length;
  } finally {
    closeSync(fd);
  }
}

export const TRAILER_LAYOUT = { prefix: PREFIX_BYTES, hash: PREFIX_BYTES + TAG_BYTES } as const;

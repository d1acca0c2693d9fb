/**
 * Opening a snapshot off the event loop. Decrypting the sealed projection (tens of MiB at 100k
 * events) and decompressing it (to ~90 MiB) are the longest steps of an unlock after the KDF; on
 * the main thread they held the host's event loop for hundreds of milliseconds (npm run bench,
 * "event-loop delay during unlock"), and even zlib's thread-pool variant joins its output chunks
 * there. Here both run in a worker_threads Worker and the projection's bytes come back as a
 * transferred buffer (no copy).
 *
 * The worker holds only Node built-ins (crypto, zlib) and is given as source text (`eval: true`),
 * as kdf.ts does: nothing to bundle or unpack, and it works the same under vitest, in the esbuild
 * bundles and in the packaged app. It receives the one-message ChaCha20-Poly1305 subkey derived
 * from the snapshot's nonce (HChaCha20, crypto.ts), never the snapshot key, and wipes it.
 */
import { Worker } from 'node:worker_threads';
import { SNAPSHOT_CODEC, SNAPSHOT_MAGIC } from './constants';
import { aeadParts, wipe } from './crypto';

/**
 * The decompressed size a zstd frame header states (RFC 8878, 3.1.1.1), or 0 when it states none
 * or is not a zstd frame. Pure, and sent to the worker as its source text below.
 */
export function zstdContentSize(frame: Uint8Array): number {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame.length < 6 || view.getUint32(0, true) !== 0xfd2fb528) return 0;
  const descriptor = frame[4]!;
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
  const fcsBytes = fcsFlag === 0 ? singleSegment : [1, 2, 4, 8][fcsFlag]!;
  const at = 5 + (singleSegment ? 0 : 1) + dictBytes;
  if (fcsBytes === 0 || frame.length < at + fcsBytes) return 0;
  if (fcsBytes === 1) return frame[at]!;
  if (fcsBytes === 2) return view.getUint16(at, true) + 256;
  if (fcsBytes === 4) return view.getUint32(at, true);
  return Number(view.getBigUint64(at, true));
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { subkey, nonce12, ad, ciphertext, magic, codecs } = workerData;
const MAC = 16;
let plaintext = null;
const zstdContentSize = ${zstdContentSize.toString()};
try {
  const decipher = crypto.createDecipheriv('chacha20-poly1305', subkey, nonce12, { authTagLength: MAC });
  decipher.setAAD(ad, { plaintextLength: ciphertext.length - MAC });
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - MAC));
  plaintext = decipher.update(ciphertext.subarray(0, ciphertext.length - MAC));
  decipher.final();
} catch {
  plaintext = null;
} finally {
  subkey.fill(0);
}
if (!plaintext) parentPort.postMessage({ authentic: false });
else {
  // snapshots.ts: magic, codec byte, compressed body; without the magic, an uncompressed snapshot.
  const framed = magic.every((byte, i) => plaintext[i] === byte);
  let bytes = null;
  if (!framed) bytes = plaintext;
  else {
    const codec = plaintext[magic.length];
    const body = plaintext.subarray(magic.length + 1);
    try {
      if (codec === codecs.zstd && typeof zlib.zstdDecompressSync === 'function') {
        // One output buffer of the frame's stated size: zlib's default 16 KiB chunks, joined at
        // the end, left ~100 MiB of freed chunks in this thread's malloc arena, which outlive the
        // worker in the process's RSS. A wrong or absent size only means more chunks.
        const size = zstdContentSize(body);
        bytes = zlib.zstdDecompressSync(body, size > 0 && size <= 2 ** 31 ? { chunkSize: size } : {});
      }
      else if (codec === codecs.gzip) bytes = zlib.gunzipSync(body);
    } catch {
      bytes = null;
    }
    plaintext.fill(0);
  }
  // Only a buffer that owns its whole ArrayBuffer can be handed over without a copy.
  if (bytes && (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength)) {
    const own = new Uint8Array(bytes.byteLength);
    own.set(bytes);
    bytes.fill(0);
    bytes = own;
  }
  parentPort.postMessage({ authentic: true, bytes }, bytes ? [bytes.buffer] : []);
}
`;

export interface SealedSnapshot {
  nonce: Uint8Array;
  ad: Uint8Array;
  ciphertext: Uint8Array;
}

/**
 * The projection's bytes of a sealed snapshot, decrypted and decompressed in a worker:
 * `{ authentic: false }` when it does not authenticate, `bytes: null` when its codec is unknown
 * here or its stream is damaged (the caller then replays, as with decompressSnapshot). Rejects
 * when the worker cannot run at all; the caller then opens it on this thread.
 * The ciphertext's buffer is handed to the worker when it owns it whole (it is unusable after).
 */
export function openSnapshotInWorker(key: Uint8Array, sealed: SealedSnapshot): Promise<{ authentic: boolean; bytes: Uint8Array | null }> {
  const { subkey, nonce12 } = aeadParts(key, sealed.nonce);
  const { ciphertext } = sealed;
  const whole = ciphertext.byteOffset === 0 && ciphertext.byteLength === ciphertext.buffer.byteLength && ciphertext.buffer instanceof ArrayBuffer;
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { subkey, nonce12, ad: sealed.ad, ciphertext, magic: [...SNAPSHOT_MAGIC], codecs: SNAPSHOT_CODEC },
        transferList: whole ? [ciphertext.buffer as ArrayBuffer] : [],
      });
    } catch (error) {
      reject(error as Error);
      return;
    } finally {
      // The worker got its own copy of the subkey (structured clone); this one is no longer needed.
      wipe(subkey);
    }
    let settled = false;
    worker.once('message', (message: { authentic: boolean; bytes?: Uint8Array | null }) => {
      settled = true;
      void worker.terminate();
      resolve({ authentic: message.authentic, bytes: message.bytes ? new Uint8Array(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength) : null });
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`snapshot worker exited with code ${code}`));
    });
  });
}

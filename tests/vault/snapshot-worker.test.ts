/**
 * Unlock opens the newest snapshot in a worker thread (electron/vault/snapshot-worker.ts): what
 * comes back must be exactly what opening it on the main thread gives (snapshots.ts) for every
 * kind of snapshot a file can hold — zstd or gzip compressed, uncompressed (written before
 * compression existed), an unknown codec, one that does not authenticate — and the sealed bytes
 * really go to the worker (handed over, not copied), so the main thread does not decrypt them.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { vaultReady } from '../../electron/vault';
import { SNAPSHOT_MAGIC } from '../../electron/vault/constants';
import { newNonce, seal } from '../../electron/vault/crypto';
import { openSnapshotInWorker, zstdContentSize } from '../../electron/vault/snapshot-worker';
import { compressSnapshot, decompressSnapshot, openSnapshot, snapshotAd } from '../../electron/vault/snapshots';

beforeAll(() => vaultReady());

const vaultId = new Uint8Array(16).fill(7);
const coversTag = new Uint8Array(32).fill(9);
const key = new Uint8Array(randomBytes(32));
/** A projection-like payload: compressible, and big enough to be worth a worker (4 MiB). */
const projection = new Uint8Array(Buffer.from('INSERT INTO transactions VALUES (1, "星巴克", -3500);\n'.repeat(80_000)));

function sealed(plaintext: Uint8Array, coversSeq = 42) {
  const nonce = newNonce();
  const ad = snapshotAd(vaultId, coversSeq, coversTag);
  return { nonce, ad, coversSeq, ciphertext: seal(key, nonce, ad, plaintext) };
}

/** The main thread's answer, as trySnapshot got it before the worker. */
function onMainThread(s: ReturnType<typeof sealed>): { authentic: boolean; bytes: Uint8Array | null } {
  const plaintext = openSnapshot(vaultId, key, { id: 1, coversSeq: s.coversSeq, coversTag, nonce: s.nonce, ciphertext: s.ciphertext });
  return plaintext ? { authentic: true, bytes: decompressSnapshot(plaintext) } : { authentic: false, bytes: null };
}

describe('snapshot opened in a worker', () => {
  const cases: [string, Uint8Array][] = [
    ['compressed as written today', compressSnapshot(projection)],
    ['gzip', new Uint8Array([...SNAPSHOT_MAGIC, 2, ...gzipSync(projection)])],
    ['uncompressed (before compression existed)', projection],
    ['an unknown codec', new Uint8Array([...SNAPSHOT_MAGIC, 99, 1, 2, 3])],
    ['a damaged zstd stream', new Uint8Array([...SNAPSHOT_MAGIC, 1, 1, 2, 3, 4])],
  ];
  for (const [name, plaintext] of cases) {
    test(`${name}: the same bytes as on the main thread`, async () => {
      const s = sealed(plaintext);
      const expected = onMainThread(s);
      const got = await openSnapshotInWorker(key, { nonce: s.nonce, ad: s.ad, ciphertext: new Uint8Array(s.ciphertext) });
      expect(got.authentic).toBe(true);
      expect(got.bytes === null ? null : Buffer.from(got.bytes).equals(Buffer.from(expected.bytes!))).toBe(expected.bytes === null ? null : true);
    });
  }

  test('the compressed snapshot comes back as the projection, and the sealed bytes were handed to the worker', async () => {
    const s = sealed(compressSnapshot(projection));
    const ciphertext = new Uint8Array(s.ciphertext); // owns its whole buffer
    const got = await openSnapshotInWorker(key, { nonce: s.nonce, ad: s.ad, ciphertext });
    expect(Buffer.from(got.bytes!).equals(Buffer.from(projection))).toBe(true);
    expect(ciphertext.byteLength).toBe(0); // transferred: detached here
  });

  test('one that does not authenticate (a flipped byte, another seq in its AD, another key) is refused', async () => {
    const s = sealed(compressSnapshot(projection));
    const flipped = new Uint8Array(s.ciphertext);
    flipped[flipped.length >> 1]! ^= 1;
    expect(await openSnapshotInWorker(key, { nonce: s.nonce, ad: s.ad, ciphertext: flipped })).toEqual({ authentic: false, bytes: null });
    const otherAd = snapshotAd(vaultId, 43, coversTag);
    expect(await openSnapshotInWorker(key, { nonce: s.nonce, ad: otherAd, ciphertext: new Uint8Array(s.ciphertext) })).toEqual({ authentic: false, bytes: null });
    expect(await openSnapshotInWorker(new Uint8Array(32), { nonce: s.nonce, ad: s.ad, ciphertext: new Uint8Array(s.ciphertext) })).toEqual({ authentic: false, bytes: null });
    expect(onMainThread({ ...s, ciphertext: flipped }).authentic).toBe(false);
  });

  // The worker decompresses into one buffer of the size the frame states (no chunks left behind in
  // its malloc arena, ~100 MiB of RSS at 100k): that size must be read right, or it falls back.
  test('the zstd frame states the projection\'s size, and anything else states none', () => {
    const framed = compressSnapshot(projection);
    const body = framed.subarray(SNAPSHOT_MAGIC.length + 1);
    if (framed[SNAPSHOT_MAGIC.length] === 1) expect(zstdContentSize(body)).toBe(projection.length);
    expect(zstdContentSize(gzipSync(projection))).toBe(0);
    expect(zstdContentSize(new Uint8Array([0x28, 0xb5, 0x2f]))).toBe(0);
    // Hand-made headers: 1-byte (single segment), 2-byte (+256) and 4-byte sizes.
    expect(zstdContentSize(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x20, 200, 0]))).toBe(200);
    expect(zstdContentSize(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x40, 0x58, 0x10, 0x00]))).toBe(0x10 + 256);
    expect(zstdContentSize(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xa0, 0x00, 0x00, 0x9e, 0x05, 0x00]))).toBe(0x059e0000);
  });
});

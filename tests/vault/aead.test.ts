/**
 * The vault's XChaCha20-Poly1305 (HChaCha20 + Node's native ChaCha20-Poly1305) must be byte for
 * byte libsodium's crypto_aead_xchacha20poly1305_ietf: FORMAT.md promises any libsodium binding
 * can open a vault.
 */
import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { open, seal, sodiumReady } from '../../electron/vault/crypto';

beforeAll(() => sodiumReady());

const SIZES = [0, 1, 15, 16, 17, 63, 64, 65, 255, 1024, 65_535, 65_536, 65_537, 1_000_003];

describe('vault AEAD', () => {
  it('seals exactly as libsodium does, and each opens the other', () => {
    for (const size of SIZES) {
      const key = new Uint8Array(randomBytes(32));
      const nonce = new Uint8Array(randomBytes(24));
      const ad = new Uint8Array(randomBytes(size % 70));
      const plaintext = new Uint8Array(randomBytes(size));
      const ours = seal(key, nonce, ad, plaintext);
      const theirs = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
      expect(Buffer.from(ours).equals(Buffer.from(theirs)), `size ${size}`).toBe(true);
      expect(Buffer.from(open(key, nonce, ad, theirs)!).equals(Buffer.from(plaintext))).toBe(true);
      expect(Buffer.from(sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ours, ad, nonce, key)).equals(Buffer.from(plaintext))).toBe(true);
    }
  });

  // open() takes libsodium's WASM below 16 KiB (journal events) and the native cipher above (snapshots): both refuse.
  it.each([300, 70_000])('refuses any single flipped bit of ciphertext, tag, nonce or AD, and a wrong key (%i bytes)', (size) => {
    const key = new Uint8Array(randomBytes(32));
    const nonce = new Uint8Array(randomBytes(24));
    const ad = new Uint8Array(randomBytes(20));
    const sealed = seal(key, nonce, ad, new Uint8Array(randomBytes(size)));
    const flips = [];
    for (let i = 0; i < sealed.length; i += size > 1000 ? 997 : 7) flips.push(i);
    for (const i of [...flips, sealed.length - 1]) {
      const bad = sealed.slice();
      bad[i]! ^= 1 << (i % 8);
      expect(open(key, nonce, ad, bad)).toBeNull();
    }
    for (const [k, n, a] of [
      [new Uint8Array(randomBytes(32)), nonce, ad],
      [key, nonce.map((b, i) => (i === 23 ? b ^ 1 : b)), ad],
      [key, nonce.map((b, i) => (i === 0 ? b ^ 1 : b)), ad],
      [key, nonce, ad.map((b, i) => (i === 5 ? b ^ 0x80 : b))],
    ] as const) {
      expect(open(k, n, a, sealed)).toBeNull();
    }
    expect(open(key, nonce, ad, sealed.subarray(0, 15))).toBeNull();
  });
});

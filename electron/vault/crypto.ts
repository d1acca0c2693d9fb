/**
 * The few libsodium primitives the vault uses, wrapped so every call site gets the same checks:
 * decryption returns null instead of throwing (callers must decide what a failure means), and keys
 * are plain Uint8Arrays the owner wipes with `wipe`.
 */
import sodium from 'libsodium-wrappers-sumo';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CONTEXTS, KEY_BYTES, NONCE_BYTES, SUBKEY_ID, TAG_BYTES } from './constants';

let ready: Promise<void> | null = null;

/** Resolves once libsodium's WASM is loaded; every async entry point awaits it first. */
export function sodiumReady(): Promise<void> {
  ready ??= sodium.ready;
  return ready;
}

/** Node's RNG: libsodium.js's randombytes_buf is slow on Node (microseconds per byte). */
export function random(length: number): Uint8Array {
  return new Uint8Array(randomBytes(length));
}

export function newNonce(): Uint8Array {
  return random(NONCE_BYTES);
}

/*
 * XChaCha20-Poly1305-IETF, built the standard way from HChaCha20 (libsodium) and Node's native
 * ChaCha20-Poly1305 (RFC 8439): subkey = HChaCha20(key, nonce[0..16]), nonce' = 0^4 ‖ nonce[16..24].
 * The bytes are exactly libsodium's crypto_aead_xchacha20poly1305_ietf_* (tests/vault/aead.test.ts
 * compares them); native code is several times faster than the WASM build on the 10–100 MiB
 * snapshots that unlock decrypts.
 */
const MAC_LENGTH = 16;

/** The RFC 8439 key and nonce of one XChaCha20 message (snapshot-worker.ts decrypts with them off the main thread). */
export function aeadParts(key: Uint8Array, nonce: Uint8Array): { subkey: Uint8Array; nonce12: Uint8Array } {
  return ietfParts(key, nonce);
}

function ietfParts(key: Uint8Array, nonce: Uint8Array): { subkey: Uint8Array; nonce12: Uint8Array } {
  const subkey = sodium.crypto_core_hchacha20(nonce.subarray(0, 16), key, null);
  const nonce12 = new Uint8Array(12);
  nonce12.set(nonce.subarray(16, 24), 4);
  return { subkey, nonce12 };
}

export function seal(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const { subkey, nonce12 } = ietfParts(key, nonce);
  try {
    const cipher = createCipheriv('chacha20-poly1305', subkey, nonce12, { authTagLength: MAC_LENGTH });
    cipher.setAAD(ad, { plaintextLength: plaintext.length });
    const body = cipher.update(plaintext);
    cipher.final();
    const out = new Uint8Array(body.length + MAC_LENGTH);
    out.set(body, 0);
    out.set(cipher.getAuthTag(), body.length);
    return out;
  } finally {
    sodium.memzero(subkey);
  }
}

/**
 * Below this many bytes libsodium's own WASM open is the faster one: a native decipher costs a
 * fixed ~10–20 µs to set up (object, HChaCha20 call, AAD, tag), which dominates a ~0.5 KiB journal
 * event (100k of them are opened by every replay and every verify). Same algorithm, same bytes.
 */
const WASM_OPEN_MAX = 16 * 1024;

/** null when the ciphertext, nonce, AD or key do not match: the caller turns that into auth_failed or integrity. */
export function open(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  if (ciphertext.length < MAC_LENGTH || nonce.length !== NONCE_BYTES || key.length !== KEY_BYTES) return null;
  if (ciphertext.length <= WASM_OPEN_MAX) {
    try {
      return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
    } catch {
      return null;
    }
  }
  const { subkey, nonce12 } = ietfParts(key, nonce);
  try {
    const decipher = createDecipheriv('chacha20-poly1305', subkey, nonce12, { authTagLength: MAC_LENGTH });
    decipher.setAAD(ad, { plaintextLength: ciphertext.length - MAC_LENGTH });
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - MAC_LENGTH));
    const body = decipher.update(ciphertext.subarray(0, ciphertext.length - MAC_LENGTH));
    decipher.final(); // throws when the tag does not verify
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  } catch {
    return null;
  } finally {
    sodium.memzero(subkey);
  }
}

/** BLAKE2b with a 32-byte output; keyed when `key` is given. */
export function hash(message: Uint8Array, key?: Uint8Array, length = TAG_BYTES): Uint8Array {
  return sodium.crypto_generichash(length, message, key ?? null);
}

/** Constant-time comparison for tags and checksums. */
export function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && sodium.memcmp(a, b);
}

export function wipe(...buffers: (Uint8Array | null | undefined)[]): void {
  for (const buffer of buffers) if (buffer) sodium.memzero(buffer);
}

export interface Subkeys {
  journal: Uint8Array;
  snapshot: Uint8Array;
  chain: Uint8Array;
  securityLog: Uint8Array;
}

export function deriveSubkeys(dataKey: Uint8Array): Subkeys {
  const derive = (context: string) => sodium.crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_ID, context, dataKey);
  return {
    journal: derive(CONTEXTS.journal),
    snapshot: derive(CONTEXTS.snapshot),
    chain: derive(CONTEXTS.chain),
    securityLog: derive(CONTEXTS.securityLog),
  };
}

export function wipeSubkeys(keys: Subkeys): void {
  wipe(keys.journal, keys.snapshot, keys.chain, keys.securityLog);
}

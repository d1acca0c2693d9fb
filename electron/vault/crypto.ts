/**
 * The few libsodium primitives the vault uses, wrapped so every call site gets the same checks:
 * decryption returns null instead of throwing (callers must decide what a failure means), and keys
 * are plain Uint8Arrays the owner wipes with `wipe`.
 */
import sodium from 'libsodium-wrappers-sumo';
import { randomBytes } from 'node:crypto';
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

export function seal(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  return sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
}

/** null when the ciphertext, nonce, AD or key do not match: the caller turns that into auth_failed or integrity. */
export function open(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
  } catch {
    return null;
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
}

export function deriveSubkeys(dataKey: Uint8Array): Subkeys {
  const derive = (context: string) => sodium.crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_ID, context, dataKey);
  return { journal: derive(CONTEXTS.journal), snapshot: derive(CONTEXTS.snapshot), chain: derive(CONTEXTS.chain) };
}

export function wipeSubkeys(keys: Subkeys): void {
  wipe(keys.journal, keys.snapshot, keys.chain);
}

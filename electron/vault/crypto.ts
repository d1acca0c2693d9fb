/**
 * The few libsodium primitives the vault uses, wrapped so every call site gets the same checks:
 * decryption returns null instead of throwing (callers must decide what a failure means), and keys
 * are plain Uint8Arrays the owner wipes with `wipe`.
 */
import sodium from 'libsodium-wrappers-sumo';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CONTEXTS, KEY_BYTES, NONCE_BYTES, SUBKEY_ID, TAG_BYTES } from './constants';
import { concat, u64le, writeU64le } from './bytes';

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

/** The AD of a journal event: vaultId ‖ u64le(seq) ‖ prevTag (vault/FORMAT.md). */
export function eventAd(vaultId: Uint8Array, seq: number, prevTag: Uint8Array): Uint8Array {
  return concat(vaultId, u64le(seq), prevTag);
}

/** A journal event's chain tag: keyed BLAKE2b-256 of prevTag ‖ u64le(seq) ‖ nonce ‖ ciphertext (vault/FORMAT.md). */
export function chainTag(chainKey: Uint8Array, prevTag: Uint8Array, seq: number, nonce: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return hash(concat(prevTag, u64le(seq), nonce, ciphertext), chainKey);
}

/**
 * The two per-event checks of a journal walk — the chain tag (`chainTag`: keyed BLAKE2b-256 of
 * prevTag ‖ u64le(seq) ‖ nonce ‖ ciphertext) and the XChaCha20-Poly1305 open with AD
 * vaultId ‖ u64le(seq) ‖ prevTag (`eventAd`) — for one row after another. Same algorithms, same
 * bytes as `hash` and `open`; what differs is the cost: the wrapper functions copy every argument
 * into libsodium's WASM heap and every result out again, allocate each time, and build the two
 * concatenations in JS. Here the row is copied in once and both checks read it in place, through
 * libsodium's own raw exports (the `libsodium` module libsodium-wrappers exposes). Keys live in
 * the heap only for the life of the opener: `dispose` zeroes and frees its memory.
 * (At 100k events this is most of what verifying a backup costs: bench/README.md.)
 */
export interface RowOpener {
  /** Takes the row `seq` whose chain tag and ciphertext the next calls check. */
  load(seq: number, nonce: Uint8Array, ciphertext: Uint8Array): void;
  /** The same from one row packed as nonce ‖ ciphertext ‖ tag (the tag is not loaded). */
  loadPacked(seq: number, packed: Uint8Array): void;
  /** Whether the loaded row's chain tag from `prevTag` is `stored` (constant time). */
  chainMatches(prevTag: Uint8Array, stored: Uint8Array): boolean;
  /** A copy of the tag the last `chainMatches` computed. */
  lastTag(): Uint8Array;
  /** The loaded row opened with `prevTag` in its AD, as text; null when it does not authenticate or is not UTF-8. */
  openText(prevTag: Uint8Array): string | null;
  /** Zeroes and frees what the opener holds (safe to call twice). */
  dispose(): void;
}

interface RawSodium {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  _crypto_generichash(out: number, outLength: number, input: number, inLengthLow: number, inLengthHigh: number, key: number, keyLength: number): number;
  _crypto_aead_xchacha20poly1305_ietf_decrypt(
    message: number, messageLengthOut: number, secretNonce: number, ciphertext: number, ciphertextLengthLow: number, ciphertextLengthHigh: number,
    ad: number, adLengthLow: number, adLengthHigh: number, nonce: number, key: number,
  ): number;
}

function rawSodium(): RawSodium | null {
  const raw = (sodium as unknown as { libsodium?: Partial<RawSodium> }).libsodium;
  if (!raw || !(raw.HEAPU8 instanceof Uint8Array)) return null;
  const needed = [raw._malloc, raw._free, raw._crypto_generichash, raw._crypto_aead_xchacha20poly1305_ietf_decrypt];
  return needed.every((fn) => typeof fn === 'function') ? (raw as RawSodium) : null;
}

/** Rows up to this many ciphertext bytes fit the scratch space as first allocated (journal events are ~0.5 KiB). */
const FIRST_CAPACITY = 4096;

/**
 * Heap layout (one allocation): journal key 32 ‖ chain key 32 ‖ computed tag 32 ‖
 * AD (vaultId ‖ u64le seq ‖ prevTag) ‖ message (prevTag 32 ‖ u64le seq ‖ nonce 24 ‖ ciphertext) ‖ plaintext.
 */
class WasmRowOpener implements RowOpener {
  private base = 0;
  private capacity = 0;
  private seq = 0;
  private length = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly adBytes: number;

  constructor(private readonly raw: RawSodium, private readonly journalKey: Uint8Array, private readonly chainKey: Uint8Array, private readonly vaultId: Uint8Array) {
    this.adBytes = vaultId.length + 8 + TAG_BYTES;
    this.allocate(FIRST_CAPACITY);
  }

  private get tagAt() { return this.base + 2 * KEY_BYTES; }
  private get adAt() { return this.tagAt + TAG_BYTES; }
  private get messageAt() { return this.adAt + this.adBytes; }
  private get ciphertextAt() { return this.messageAt + TAG_BYTES + 8 + NONCE_BYTES; }
  private get plaintextAt() { return this.ciphertextAt + this.capacity; }

  /** Bytes of the one allocation for rows of up to `capacity` ciphertext bytes (layout above). */
  private sizeFor(capacity: number): number {
    return 2 * KEY_BYTES + TAG_BYTES + this.adBytes + TAG_BYTES + 8 + NONCE_BYTES + 2 * capacity;
  }

  private allocate(capacity: number): void {
    this.release();
    const base = this.raw._malloc(this.sizeFor(capacity));
    if (!base) throw new Error('libsodium: out of memory');
    this.base = base;
    this.capacity = capacity;
    const heap = this.raw.HEAPU8; // read after _malloc: the heap may have grown
    heap.set(this.journalKey, base);
    heap.set(this.chainKey, base + KEY_BYTES);
    heap.set(this.vaultId, this.adAt);
  }

  private release(): void {
    if (!this.base) return;
    this.raw.HEAPU8.fill(0, this.base, this.base + this.sizeFor(this.capacity));
    this.raw._free(this.base);
    this.base = 0;
  }

  /** u64le(seq) into the message and the AD; returns where it sits in the message. */
  private writeSeq(seq: number): number {
    const heap = this.raw.HEAPU8;
    const seqAt = this.messageAt + TAG_BYTES;
    writeU64le(heap, seqAt, seq);
    heap.copyWithin(this.adAt + this.vaultId.length, seqAt, seqAt + 8);
    return seqAt;
  }

  load(seq: number, nonce: Uint8Array, ciphertext: Uint8Array): void {
    if (!this.base) throw new Error('row opener disposed');
    if (nonce.length !== NONCE_BYTES) throw new RangeError('nonce length');
    if (ciphertext.length > this.capacity) this.allocate(Math.max(ciphertext.length, 2 * this.capacity));
    const heap = this.raw.HEAPU8;
    const seqAt = this.writeSeq(seq);
    heap.set(nonce, seqAt + 8);
    heap.set(ciphertext, this.ciphertextAt);
    this.seq = seq;
    this.length = ciphertext.length;
  }

  loadPacked(seq: number, packed: Uint8Array): void {
    if (!this.base) throw new Error('row opener disposed');
    const length = packed.length - NONCE_BYTES - TAG_BYTES;
    if (length < 0) throw new RangeError('packed row length');
    // Copied whole: the tag lands just past the ciphertext, inside the ciphertext's space.
    if (packed.length - NONCE_BYTES > this.capacity) this.allocate(Math.max(packed.length, 2 * this.capacity));
    const heap = this.raw.HEAPU8;
    const seqAt = this.writeSeq(seq);
    heap.set(packed, seqAt + 8);
    this.seq = seq;
    this.length = length;
  }

  chainMatches(prevTag: Uint8Array, stored: Uint8Array): boolean {
    const heap = this.raw.HEAPU8;
    heap.set(prevTag, this.messageAt);
    const messageBytes = TAG_BYTES + 8 + NONCE_BYTES + this.length;
    if (this.raw._crypto_generichash(this.tagAt, TAG_BYTES, this.messageAt, messageBytes, 0, this.base + KEY_BYTES, KEY_BYTES) !== 0) return false;
    if (stored.length !== TAG_BYTES) return false;
    let diff = 0;
    for (let i = 0; i < TAG_BYTES; i += 1) diff |= heap[this.tagAt + i]! ^ stored[i]!;
    return diff === 0;
  }

  lastTag(): Uint8Array {
    return this.raw.HEAPU8.slice(this.tagAt, this.tagAt + TAG_BYTES);
  }

  openText(prevTag: Uint8Array): string | null {
    if (this.length < MAC_LENGTH || prevTag.length !== TAG_BYTES) return null;
    const heap = this.raw.HEAPU8;
    heap.set(prevTag, this.adAt + this.vaultId.length + 8);
    const plaintextBytes = this.length - MAC_LENGTH;
    const at = this.plaintextAt;
    const status = this.raw._crypto_aead_xchacha20poly1305_ietf_decrypt(
      at, 0, 0, this.ciphertextAt, this.length, 0, this.adAt, this.adBytes, 0, this.messageAt + TAG_BYTES + 8, this.base,
    );
    if (status !== 0) return null;
    try {
      return this.decoder.decode(heap.subarray(at, at + plaintextBytes));
    } catch {
      return null;
    } finally {
      heap.fill(0, at, at + plaintextBytes);
    }
  }

  dispose(): void {
    this.release();
  }
}

/** The same contract with the wrapper functions: used when libsodium's raw exports are not there. */
class PortableRowOpener implements RowOpener {
  private row: { seq: number; nonce: Uint8Array; ciphertext: Uint8Array } | null = null;
  private computed: Uint8Array = new Uint8Array(TAG_BYTES);
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly journalKey: Uint8Array, private readonly chainKey: Uint8Array, private readonly vaultId: Uint8Array) {}

  load(seq: number, nonce: Uint8Array, ciphertext: Uint8Array): void {
    this.row = { seq, nonce, ciphertext };
  }

  loadPacked(seq: number, packed: Uint8Array): void {
    this.load(seq, packed.subarray(0, NONCE_BYTES), packed.subarray(NONCE_BYTES, packed.length - TAG_BYTES));
  }

  chainMatches(prevTag: Uint8Array, stored: Uint8Array): boolean {
    const row = this.row!;
    this.computed = chainTag(this.chainKey, prevTag, row.seq, row.nonce, row.ciphertext);
    return equal(this.computed, stored);
  }

  lastTag(): Uint8Array {
    return new Uint8Array(this.computed);
  }

  openText(prevTag: Uint8Array): string | null {
    const plaintext = open(this.journalKey, this.row!.nonce, eventAd(this.vaultId, this.row!.seq, prevTag), this.row!.ciphertext);
    if (!plaintext) return null;
    try {
      return this.decoder.decode(plaintext);
    } catch {
      return null;
    } finally {
      plaintext.fill(0);
    }
  }

  dispose(): void {
    this.row = null;
  }
}

/** An opener for rows of the journal of `vaultId` under `keys`; the caller disposes it. */
export function rowOpener(keys: Pick<Subkeys, 'journal' | 'chain'>, vaultId: Uint8Array, options: { portable?: boolean } = {}): RowOpener {
  const raw = options.portable ? null : rawSodium();
  return raw ? new WasmRowOpener(raw, keys.journal, keys.chain, vaultId) : new PortableRowOpener(keys.journal, keys.chain, vaultId);
}

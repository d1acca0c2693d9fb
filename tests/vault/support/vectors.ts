/**
 * FORMAT.md's test vectors, recomputed from the document's rules with libsodium called directly
 * (not through the engine), as a stranger implementing the format would. format-vectors.test.ts
 * compares these with the document and with the engine's own functions.
 */
import sodium from 'libsodium-wrappers-sumo';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return new Uint8Array(b); };
const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return new Uint8Array(b); };
const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'ascii'));
const seq = (start: number, length: number) => Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);

export const INPUTS = {
  vault_id: hex(seq(0xa0, 16)),
  data_key: hex(seq(0x40, 32)),
  password: 'correct horse battery staple',
  salt: hex(seq(0x00, 16)),
  ops_limit: 2,
  mem_limit: 67108864,
  slot_nonce: hex(seq(0x10, 24)),
  key_file: hex(ascii('OneWallet test key file: 32+ bytes of secret material')),
  recovery_secret: hex(seq(0x80, 32)),
  recovery_salt: hex(seq(0x30, 16)),
  recovery_nonce: hex(seq(0x50, 24)),
  event1_json: '{"kind":"test","amount":1234}',
  event1_nonce: hex(seq(0x60, 24)),
  event2_json: '{"kind":"test","amount":-34}',
  event2_nonce: hex(seq(0x78, 24)),
  snapshot_plaintext: hex(ascii('snapshot bytes')),
  snapshot_nonce: hex(seq(0x90, 24)),
};

export function computeVectors(): Record<string, string> {
  const s = sodium;
  const vaultId = bytes(INPUTS.vault_id);
  const dk = bytes(INPUTS.data_key);
  const out: Record<string, string> = {};
  const aead = (m: Uint8Array, ad: Uint8Array, n: Uint8Array, k: Uint8Array) => s.crypto_aead_xchacha20poly1305_ietf_encrypt(m, ad, null, n, k);
  const b2 = (m: Uint8Array, k: Uint8Array | null) => s.crypto_generichash(32, m, k);

  // Password slot (kind 1)
  const stretched = s.crypto_pwhash(32, INPUTS.password, bytes(INPUTS.salt), INPUTS.ops_limit, INPUTS.mem_limit, s.crypto_pwhash_ALG_ARGON2ID13);
  out.argon2id = hex(stretched);
  const params = cat(bytes(INPUTS.salt), u32(INPUTS.ops_limit), u64(INPUTS.mem_limit));
  const ad1 = cat(vaultId, Uint8Array.of(1), params);
  out.password_slot_ad = hex(ad1);
  const wrapped1 = aead(dk, ad1, bytes(INPUTS.slot_nonce), stretched);
  out.password_slot_wrapped = hex(wrapped1);
  out.password_slot_checksum = hex(b2(cat(ad1, bytes(INPUTS.slot_nonce), wrapped1), null));

  // Password + key file slot (kind 2)
  const fileHash = b2(bytes(INPUTS.key_file), null);
  out.key_file_hash = hex(fileHash);
  const kek2 = b2(cat(ascii('onewallet-keyfile-kek'), fileHash), stretched);
  out.key_file_kek = hex(kek2);
  const ad2 = cat(vaultId, Uint8Array.of(2), params);
  out.key_file_slot_ad = hex(ad2);
  const wrapped2 = aead(dk, ad2, bytes(INPUTS.slot_nonce), kek2);
  out.key_file_slot_wrapped = hex(wrapped2);
  out.key_file_slot_checksum = hex(b2(cat(ad2, bytes(INPUTS.slot_nonce), wrapped2), null));

  // Recovery slot (kind 3)
  const secret = bytes(INPUTS.recovery_secret);
  out.recovery_checksum = hex(b2(secret, null).subarray(0, 3));
  const kek3 = b2(cat(ascii('onewallet-recovery-kek'), vaultId, bytes(INPUTS.recovery_salt)), secret);
  out.recovery_kek = hex(kek3);
  const ad3 = cat(vaultId, Uint8Array.of(3), bytes(INPUTS.recovery_salt), u32(0), u64(0));
  out.recovery_slot_ad = hex(ad3);
  const wrapped3 = aead(dk, ad3, bytes(INPUTS.recovery_nonce), kek3);
  out.recovery_slot_wrapped = hex(wrapped3);
  out.recovery_slot_checksum = hex(b2(cat(ad3, bytes(INPUTS.recovery_nonce), wrapped3), null));

  // Subkeys
  const sub = (ctx: string) => s.crypto_kdf_derive_from_key(32, 1, ctx, dk);
  const journalKey = sub('journal_');
  const snapshotKey = sub('snapshot');
  const chainKey = sub('chainmac');
  out.subkey_journal = hex(journalKey);
  out.subkey_snapshot = hex(snapshotKey);
  out.subkey_chain = hex(chainKey);

  // Journal events 1 and 2
  let prev: Uint8Array = new Uint8Array(32);
  for (const [n, json, nonceHex] of [[1, INPUTS.event1_json, INPUTS.event1_nonce], [2, INPUTS.event2_json, INPUTS.event2_nonce]] as const) {
    const nonce = bytes(nonceHex);
    const ad = cat(vaultId, u64(n), prev);
    const ct = aead(ascii(json), ad, nonce, journalKey);
    const tag = b2(cat(prev, u64(n), nonce, ct), chainKey);
    out[`event${n}_ad`] = hex(ad);
    out[`event${n}_ciphertext`] = hex(ct);
    out[`event${n}_tag`] = hex(tag);
    prev = tag;
  }

  // Snapshot covering event 2
  const snapAd = cat(vaultId, u64(2), prev);
  out.snapshot_ad = hex(snapAd);
  out.snapshot_ciphertext = hex(aead(bytes(INPUTS.snapshot_plaintext), snapAd, bytes(INPUTS.snapshot_nonce), snapshotKey));
  return out;
}

/**
 * electron/backup/FORMAT.md's trailer vectors, recomputed from the document's rules with libsodium
 * called directly (not through the engine), as a stranger implementing the format would.
 */
import sodium from 'libsodium-wrappers-sumo';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return new Uint8Array(b); };
const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return new Uint8Array(b); };
const seq = (start: number, length: number) => Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);

export const BACKUP_INPUTS = {
  vault_id: hex(seq(0xa0, 16)),
  data_key: hex(seq(0x40, 32)),
  version: 1,
  image: hex(new TextEncoder().encode('stand-in for the SQLite image of a backup')),
};

/** K_b, H, the 24-byte trailer prefix, the MAC and the whole 88-byte trailer, for BACKUP_INPUTS. */
export function computeBackupVectors(inputs = BACKUP_INPUTS): Record<string, string> {
  const s = sodium;
  const image = bytes(inputs.image);
  const macKey = s.crypto_kdf_derive_from_key(32, 1, 'backup__', bytes(inputs.data_key));
  const imageHash = s.crypto_generichash(32, image, null);
  const prefix = cat(new TextEncoder().encode('OWBACKUP'), u32(inputs.version), u32(~inputs.version), u64(image.length));
  const mac = s.crypto_generichash(32, cat(prefix, bytes(inputs.vault_id), imageHash), macKey);
  return {
    backup_key: hex(macKey),
    image_hash: hex(imageHash),
    trailer_prefix: hex(prefix),
    trailer_mac: hex(mac),
    trailer: hex(cat(prefix, imageHash, mac)),
  };
}

/**
 * The vault format's constants, named as FORMAT.md names them. Changing any value here changes the
 * file format: bump FORMAT_VERSION and keep a reader for the old one.
 */

/** `meta.format`: tells a OneWallet vault from any other SQLite file. */
export const FORMAT_NAME = 'onewallet-vault';
/** `meta.format_version` this code writes and the newest it reads. */
export const FORMAT_VERSION = 1;
/** `PRAGMA application_id` ("OWVL"), so `file(1)`-style tools can tell the file apart too. */
export const APPLICATION_ID = 0x4f57564c;

export const VAULT_ID_BYTES = 16;
export const KEY_BYTES = 32;
export const NONCE_BYTES = 24; // XChaCha20-Poly1305
export const TAG_BYTES = 32; // chain tag, BLAKE2b-256
export const MAC_BYTES = 16; // Poly1305
export const SALT_BYTES = 16; // crypto_pwhash_SALTBYTES

/** Subkeys of the data key: crypto_kdf_derive_from_key(32, SUBKEY_ID, context, DK). */
export const SUBKEY_ID = 1;
export const CONTEXTS = {
  journal: 'journal_',
  snapshot: 'snapshot',
  chain: 'chainmac',
  /** The security log's rows (security-log.ts). */
  securityLog: 'seclog__',
  /** Reserved for the backup format (a later issue); not used by the vault itself. */
  backup: 'backup__',
} as const;

/** Keyslot kinds; the number is the byte that goes into the slot's AD. */
export const SLOT_KIND = {
  password: 1,
  passwordKeyFile: 2,
  recovery: 3,
} as const;
export type SlotKind = keyof typeof SLOT_KIND;

/** Keyslot roles: at most one row each. `primary` opens with the password (and key file, if set). */
export type SlotRole = 'primary' | 'recovery';

/** Labels mixed into the key-encryption-key derivations so the two uses cannot be confused. */
export const LABEL_RECOVERY = 'onewallet-recovery-kek';
export const LABEL_KEYFILE = 'onewallet-keyfile-kek';

/** Argon2id floor and the ranges a file may claim (anything outside is treated as damage). */
export const KDF_MIN_MEM_BYTES = 64 * 1024 * 1024;
export const KDF_MAX_MEM_BYTES = 4 * 1024 * 1024 * 1024;
export const KDF_MAX_OPS = 100;
/** Test-only parameters may go below the floor, but never below libsodium's own minimums. */
export const KDF_ABSOLUTE_MIN_MEM_BYTES = 8192;

/** Failed-unlock backoff: free attempts, then waits doubling from BASE up to CAP. */
export const BACKOFF_FREE_ATTEMPTS = 3;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
/** How many failure times we keep to show after the next unlock. */
export const BACKOFF_MAX_TIMES = 50;

/** Snapshots kept; older ones are deleted when a new one is saved. */
export const SNAPSHOTS_KEPT = 1;
/** A compressed snapshot's plaintext starts with this, then one codec byte (FORMAT.md, "Snapshots"). */
export const SNAPSHOT_MAGIC = new Uint8Array([0x4f, 0x57, 0x53, 0x4e, 0x41, 0x50, 0x5a, 0x01]); // "OWSNAPZ" 0x01
export const SNAPSHOT_CODEC = { zstd: 1, gzip: 2 } as const;
/** Rows read per page while walking the journal (keeps no cursor open between pages). */
export const JOURNAL_PAGE = 1_000;

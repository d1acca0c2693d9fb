/**
 * Keyslots: each wraps the data key (DK) under a key-encryption key (KEK) derived from one way of
 * unlocking. A slot row carries an unkeyed BLAKE2b checksum of its bytes so that damage to a slot
 * reads as `integrity`, while a slot that is intact but does not open reads as a wrong secret.
 */
import { DomainError } from '../../shared/errors';
import { blob, concat, u32le, u64le, utf8 } from './bytes';
import {
  KEY_BYTES,
  LABEL_KEYFILE,
  LABEL_RECOVERY,
  MAC_BYTES,
  NONCE_BYTES,
  SALT_BYTES,
  SLOT_KIND,
  TAG_BYTES,
  type SlotKind,
  type SlotRole,
} from './constants';
import { equal, hash, newNonce, open, random, seal, wipe } from './crypto';
import { deriveKey, validKdfParams, type KdfParams } from './kdf';
import type { Db } from './schema';

export interface Slot {
  role: SlotRole;
  kind: SlotKind;
  salt: Uint8Array;
  /** 0 for the recovery slot, which needs no password hashing. */
  kdf: KdfParams;
  nonce: Uint8Array;
  wrapped: Uint8Array;
}

export interface PasswordSecret {
  password: string;
  keyFile?: Uint8Array;
}

const KIND_BY_BYTE = new Map<number, SlotKind>(
  (Object.entries(SLOT_KIND) as [SlotKind, number][]).map(([kind, byte]) => [byte, kind]),
);

/** AD = vault id ‖ kind byte ‖ salt ‖ ops u32le ‖ mem u64le: a slot cannot be moved to another vault or re-labelled. */
export function slotAd(vaultId: Uint8Array, kind: SlotKind, salt: Uint8Array, kdf: KdfParams): Uint8Array {
  return concat(vaultId, Uint8Array.of(SLOT_KIND[kind]), salt, u32le(kdf.opsLimit), u64le(kdf.memLimitBytes));
}

export function slotChecksum(vaultId: Uint8Array, slot: Slot): Uint8Array {
  return hash(concat(slotAd(vaultId, slot.kind, slot.salt, slot.kdf), slot.nonce, slot.wrapped));
}

/**
 * The password texts to try, in order: its Unicode NFC form (what every slot since NFC was
 * introduced is made from, so "é" typed precomposed or as e + combining accent is one password),
 * then — only when different — the text exactly as typed, which older slots were made from.
 */
export function passwordForms(password: string): string[] {
  const nfc = password.normalize('NFC');
  return nfc === password ? [nfc] : [nfc, password];
}

/** KEK for the password slots from the NFC form of the password (new slots and the first unlock try). */
export function passwordKek(kind: SlotKind, salt: Uint8Array, kdf: KdfParams, secret: PasswordSecret): Promise<Uint8Array> {
  return kekFromText(kind, salt, kdf, secret.password.normalize('NFC'), secret.keyFile);
}

/** Argon2id over the UTF-8 of `password` as given, then (with a key file) keyed BLAKE2b over the key file's hash. */
async function kekFromText(kind: SlotKind, salt: Uint8Array, kdf: KdfParams, password: string, keyFile: Uint8Array | undefined): Promise<Uint8Array> {
  const stretched = await deriveKey(password, salt, kdf);
  if (kind === 'password') return stretched;
  if (!keyFile) throw new Error('key file missing');
  const fileHash = hash(keyFile);
  const kek = hash(concat(utf8(LABEL_KEYFILE), fileHash), stretched);
  wipe(stretched, fileHash);
  return kek;
}

export function recoveryKek(vaultId: Uint8Array, salt: Uint8Array, recoverySecret: Uint8Array): Uint8Array {
  return hash(concat(utf8(LABEL_RECOVERY), vaultId, salt), recoverySecret);
}

export function wrapSlot(vaultId: Uint8Array, role: SlotRole, kind: SlotKind, salt: Uint8Array, kdf: KdfParams, kek: Uint8Array, dataKey: Uint8Array): Slot {
  const nonce = newNonce();
  const wrapped = seal(kek, nonce, slotAd(vaultId, kind, salt, kdf), dataKey);
  return { role, kind, salt, kdf, nonce, wrapped };
}

/** The data key, or null when the KEK is not the right one (wrong password, key file or recovery key). */
export function unwrapSlot(vaultId: Uint8Array, slot: Slot, kek: Uint8Array): Uint8Array | null {
  const key = open(kek, slot.nonce, slotAd(vaultId, slot.kind, slot.salt, slot.kdf), slot.wrapped);
  if (key && key.length !== KEY_BYTES) {
    wipe(key);
    return null;
  }
  return key;
}

/**
 * Opens a password slot: with the NFC form of the password first, then with the raw text when that
 * differs (a slot made before passwords were normalized). Null when neither opens it.
 */
export async function unwrapPasswordSlot(vaultId: Uint8Array, slot: Slot, secret: PasswordSecret): Promise<Uint8Array | null> {
  for (const password of passwordForms(secret.password)) {
    const kek = await kekFromText(slot.kind, slot.salt, slot.kdf, password, secret.keyFile);
    const dataKey = unwrapSlot(vaultId, slot, kek);
    wipe(kek);
    if (dataKey) return dataKey;
  }
  return null;
}

export function newSalt(): Uint8Array {
  return random(SALT_BYTES);
}

function damaged(role: SlotRole, detail: string): DomainError {
  return new DomainError('integrity', 'errors.vault.keyslot_damaged', { where: `keyslot:${role}`, detail });
}

/** Reads and checks one slot; a missing or damaged slot is `integrity`. */
export function readSlot(db: Db, vaultId: Uint8Array, role: SlotRole): Slot {
  const row = db
    .prepare('SELECT kind, salt, ops_limit, mem_limit, nonce, wrapped, checksum FROM keyslots WHERE role = ?')
    .get(role) as Record<string, unknown> | undefined;
  if (!row) throw damaged(role, 'missing');
  const kind = KIND_BY_BYTE.get(Number(row.kind));
  const salt = blob(row.salt, SALT_BYTES);
  const nonce = blob(row.nonce, NONCE_BYTES);
  const wrapped = blob(row.wrapped, KEY_BYTES + MAC_BYTES);
  const checksum = blob(row.checksum, TAG_BYTES);
  const kdf = { opsLimit: Number(row.ops_limit), memLimitBytes: Number(row.mem_limit) };
  if (!kind || !salt || !nonce || !wrapped || !checksum) throw damaged(role, 'malformed');
  const slot: Slot = { role, kind, salt, kdf, nonce, wrapped };
  if (!equal(slotChecksum(vaultId, slot), checksum)) throw damaged(role, 'checksum mismatch');
  const isRecovery = kind === 'recovery';
  if (isRecovery !== (role === 'recovery')) throw damaged(role, 'kind does not fit role');
  if (isRecovery ? kdf.opsLimit !== 0 || kdf.memLimitBytes !== 0 : !validKdfParams(kdf, true)) {
    throw damaged(role, 'kdf parameters out of range');
  }
  return slot;
}

export function writeSlot(db: Db, vaultId: Uint8Array, slot: Slot): void {
  db.prepare(
    `INSERT INTO keyslots (role, kind, salt, ops_limit, mem_limit, nonce, wrapped, checksum)
     VALUES (@role, @kind, @salt, @ops, @mem, @nonce, @wrapped, @checksum)
     ON CONFLICT (role) DO UPDATE SET kind = excluded.kind, salt = excluded.salt, ops_limit = excluded.ops_limit,
       mem_limit = excluded.mem_limit, nonce = excluded.nonce, wrapped = excluded.wrapped, checksum = excluded.checksum`,
  ).run({
    role: slot.role,
    kind: SLOT_KIND[slot.kind],
    salt: slot.salt,
    ops: slot.kdf.opsLimit,
    mem: slot.kdf.memLimitBytes,
    nonce: slot.nonce,
    wrapped: slot.wrapped,
    checksum: slotChecksum(vaultId, slot),
  });
}

export const RECOVERY_KDF: KdfParams = { opsLimit: 0, memLimitBytes: 0 };

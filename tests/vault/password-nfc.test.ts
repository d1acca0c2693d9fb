/**
 * Password bytes (FORMAT.md, "Password bytes"): new slots are made from the password's Unicode NFC
 * form, so "café" typed with a precomposed é and with e + U+0301 is one password; a slot made
 * before that from the raw, un-normalized bytes still opens with exactly those bytes.
 */
import Database from 'better-sqlite3';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, unlockCopy, vaultReady } from '../../electron/vault';
import { deriveKey } from '../../electron/vault/kdf';
import { newSalt, passwordKek, readSlot, unwrapSlot, wrapSlot, writeSlot } from '../../electron/vault/keyslots';
import { openChecked } from '../../electron/vault/schema';
import { tempDir, TEST_KDF } from './support/helpers';

const DECOMPOSED = 'cafe\u0301 au lait';
const COMPOSED = 'caf\u00e9 au lait';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
  await sodium.ready;
  tmp = tempDir('ow-nfc-');
});
afterAll(() => tmp.cleanup());

describe('password bytes are Unicode NFC', () => {
  test('the two spellings differ as bytes', () => {
    expect(Buffer.from(DECOMPOSED).equals(Buffer.from(COMPOSED))).toBe(false);
    expect(DECOMPOSED.normalize('NFC')).toBe(COMPOSED);
  });

  test('a wallet created with the decomposed accent unlocks with the composed one (and vice versa); its slot is NFC bytes', async () => {
    const path = tmp.file('nfc.onewallet');
    const { session } = await createVault(path, { password: DECOMPOSED, testOnlyKdf: TEST_KDF });
    session.lock();
    const locked = openVault(path);
    (await locked.unlock({ password: COMPOSED })).session.lock();
    (await locked.unlock({ password: DECOMPOSED })).session.lock();
    expect(locked.status().failures).toBe(0);
    locked.close();

    // As a stranger: Argon2id over the NFC bytes opens the slot.
    const db = new Database(path, { readonly: true });
    const vaultId = (db.prepare('SELECT vault_id FROM meta').get() as { vault_id: Buffer }).vault_id;
    const slot = readSlot(db, new Uint8Array(vaultId), 'primary');
    db.close();
    const kek = sodium.crypto_pwhash(32, Buffer.from(COMPOSED, 'utf8'), slot.salt, slot.kdf.opsLimit, slot.kdf.memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13);
    expect(unwrapSlot(new Uint8Array(vaultId), slot, kek)).not.toBeNull();
  });

  test('a slot made from the raw, un-normalized bytes still unlocks with them; the composed form does not open it', async () => {
    const path = tmp.file('raw.onewallet');
    const { session } = await createVault(path, { password: 'ascii first', testOnlyKdf: TEST_KDF });
    session.lock();
    // Re-wrap the data key as an older version would have: Argon2id over the raw UTF-8 of the decomposed text.
    const { db, meta } = openChecked(path);
    const current = readSlot(db, meta.vaultId, 'primary');
    const dataKey = unwrapSlot(meta.vaultId, current, await passwordKek('password', current.salt, current.kdf, { password: 'ascii first' }));
    if (!dataKey) throw new Error('could not open the fresh slot');
    const salt = newSalt();
    const rawKek = await deriveKey(DECOMPOSED, salt, current.kdf);
    writeSlot(db, meta.vaultId, wrapSlot(meta.vaultId, 'primary', 'password', salt, current.kdf, rawKek, dataKey));
    db.close();

    const locked = openVault(path);
    await expect(locked.unlock({ password: COMPOSED })).rejects.toMatchObject({ code: 'auth_failed' });
    const { session: reopened } = await locked.unlock({ password: DECOMPOSED });
    reopened.lock();
    locked.close();
  });
});

describe('backups use the same password bytes', () => {
  test('a backup of a wallet created with the decomposed accent opens with the composed one', async () => {
    const path = tmp.file('backup-nfc.onewallet');
    const { session } = await createVault(path, { password: DECOMPOSED, testOnlyKdf: TEST_KDF });
    const copy = tmp.file('nfc.owbackup');
    await session.writeBackupCopy(copy, { trigger: 'manual' });
    session.lock();
    const reader = await unlockCopy(copy, { password: COMPOSED });
    expect(reader.head().seq).toBe(0);
    reader.close();
  });
});

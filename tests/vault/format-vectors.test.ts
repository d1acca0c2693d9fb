/**
 * FORMAT.md's vectors: the document's values must equal (1) a from-the-document computation with raw
 * libsodium and (2) the engine's own functions, so the spec and the code cannot drift apart.
 */
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, test } from 'vitest';
import { toHex, fromHex, utf8 } from '../../electron/vault/bytes';
import { deriveSubkeys, seal } from '../../electron/vault/crypto';
import { chainTag, eventAd } from '../../electron/vault/journal';
import { passwordKek, recoveryKek, RECOVERY_KDF, slotAd, slotChecksum, unwrapSlot } from '../../electron/vault/keyslots';
import { decodeRecoveryKey, encodeRecoveryKey } from '../../electron/vault/recovery-key';
import { snapshotAd } from '../../electron/vault/snapshots';
import { vaultReady } from '../../electron/vault';
import { documentedVectors } from './support/markdown';
import { computeVectors, INPUTS } from './support/vectors';

let doc: Record<string, string>;
beforeAll(async () => {
  await vaultReady();
  await sodium.ready;
  doc = documentedVectors('electron/vault/FORMAT.md');
});

describe('FORMAT.md test vectors', () => {
  test('inputs and outputs in the document match a computation from the document’s rules', () => {
    for (const [name, value] of Object.entries(INPUTS)) expect(doc[name], name).toBe(String(value));
    const computed = computeVectors();
    expect(Object.keys(computed).length).toBeGreaterThan(20);
    for (const [name, value] of Object.entries(computed)) expect(doc[name], name).toBe(value);
    // No documented vector goes unchecked: the two recovery-key texts are checked below and in recovery-typo.test.ts.
    const checked = new Set([...Object.keys(INPUTS), ...Object.keys(computed), 'recovery_key', 'recovery_key_two_group_typo']);
    expect(Object.keys(doc).filter((name) => !checked.has(name))).toEqual([]);
  });

  test('the engine produces the documented bytes', async () => {
    const vaultId = fromHex(INPUTS.vault_id);
    const dk = fromHex(INPUTS.data_key);
    const salt = fromHex(INPUTS.salt);
    const kdf = { opsLimit: INPUTS.ops_limit, memLimitBytes: INPUTS.mem_limit };
    const nonce = fromHex(INPUTS.slot_nonce);

    expect(toHex(await passwordKek('password', salt, kdf, { password: INPUTS.password }))).toBe(doc.argon2id);
    expect(toHex(slotAd(vaultId, 'password', salt, kdf))).toBe(doc.password_slot_ad);
    const wrapped = fromHex(doc.password_slot_wrapped ?? '');
    const slot = { role: 'primary' as const, kind: 'password' as const, salt, kdf, nonce, wrapped };
    expect(toHex(slotChecksum(vaultId, slot))).toBe(doc.password_slot_checksum);
    expect(toHex(unwrapSlot(vaultId, slot, fromHex(doc.argon2id ?? '')) ?? new Uint8Array())).toBe(INPUTS.data_key);

    const keyFileKek = await passwordKek('passwordKeyFile', salt, kdf, { password: INPUTS.password, keyFile: fromHex(INPUTS.key_file) });
    expect(toHex(keyFileKek)).toBe(doc.key_file_kek);
    expect(toHex(slotAd(vaultId, 'passwordKeyFile', salt, kdf))).toBe(doc.key_file_slot_ad);
    const keyFileSlot = { role: 'primary' as const, kind: 'passwordKeyFile' as const, salt, kdf, nonce, wrapped: fromHex(doc.key_file_slot_wrapped ?? '') };
    expect(toHex(slotChecksum(vaultId, keyFileSlot))).toBe(doc.key_file_slot_checksum);
    expect(toHex(unwrapSlot(vaultId, keyFileSlot, keyFileKek) ?? new Uint8Array())).toBe(INPUTS.data_key);

    const secret = fromHex(INPUTS.recovery_secret);
    const recoverySalt = fromHex(INPUTS.recovery_salt);
    expect(toHex(recoveryKek(vaultId, recoverySalt, secret))).toBe(doc.recovery_kek);
    expect(toHex(slotAd(vaultId, 'recovery', recoverySalt, RECOVERY_KDF))).toBe(doc.recovery_slot_ad);
    const recoverySlot = { role: 'recovery' as const, kind: 'recovery' as const, salt: recoverySalt, kdf: RECOVERY_KDF, nonce: fromHex(INPUTS.recovery_nonce), wrapped: fromHex(doc.recovery_slot_wrapped ?? '') };
    expect(toHex(slotChecksum(vaultId, recoverySlot))).toBe(doc.recovery_slot_checksum);
    expect(toHex(unwrapSlot(vaultId, recoverySlot, recoveryKek(vaultId, recoverySalt, secret)) ?? new Uint8Array())).toBe(INPUTS.data_key);
    expect(encodeRecoveryKey(secret)).toBe(doc.recovery_key);
    expect(toHex(decodeRecoveryKey(doc.recovery_key ?? ''))).toBe(INPUTS.recovery_secret);

    const keys = deriveSubkeys(dk);
    expect([toHex(keys.journal), toHex(keys.snapshot), toHex(keys.chain)]).toEqual([doc.subkey_journal, doc.subkey_snapshot, doc.subkey_chain]);
    let prev = new Uint8Array(32);
    for (const n of [1, 2] as const) {
      const eventNonce = fromHex(n === 1 ? INPUTS.event1_nonce : INPUTS.event2_nonce);
      const ad = eventAd(vaultId, n, prev);
      expect(toHex(ad)).toBe(doc[`event${n}_ad`]);
      const ct = seal(keys.journal, eventNonce, ad, utf8(n === 1 ? INPUTS.event1_json : INPUTS.event2_json));
      expect(toHex(ct)).toBe(doc[`event${n}_ciphertext`]);
      prev = new Uint8Array(chainTag(keys.chain, prev, n, eventNonce, ct));
      expect(toHex(prev)).toBe(doc[`event${n}_tag`]);
    }
    expect(toHex(snapshotAd(vaultId, 2, prev))).toBe(doc.snapshot_ad);
    expect(toHex(seal(keys.snapshot, fromHex(INPUTS.snapshot_nonce), snapshotAd(vaultId, 2, prev), fromHex(INPUTS.snapshot_plaintext)))).toBe(
      doc.snapshot_ciphertext,
    );
  });
});

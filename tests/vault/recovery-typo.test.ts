/**
 * The recovery key's whole-key checksum: the per-group check characters catch any single mistyped
 * character, but some two-character typos inside a group keep its Luhn sum. A key with such typos
 * in two groups passes every group check; only the 24-bit checksum over the secret can refuse it
 * (before any cryptography, as invalid input — not as a wrong key that counts as a failed unlock).
 * The typo is derived deterministically from FORMAT.md's recovery key and documented there.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { DomainError } from '../../shared/errors';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { decodeRecoveryKey, groupCheck } from '../../electron/vault/recovery-key';
import { tempDir, TEST_KDF } from './support/helpers';
import { documentedVectors } from './support/markdown';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first change of two characters of group `g` (7 data characters) that leaves its check character as it was. */
function sameCheckTypo(g: number, chunk: string): string {
  const check = groupCheck(g, chunk);
  for (let i = 0; i < chunk.length; i++) {
    for (let j = i + 1; j < chunk.length; j++) {
      for (const a of ALPHABET) {
        for (const b of ALPHABET) {
          if (a === chunk[i] || b === chunk[j]) continue;
          const typo = [...chunk];
          typo[i] = a;
          typo[j] = b;
          if (groupCheck(g, typo.join('')) === check) return typo.join('');
        }
      }
    }
  }
  throw new Error(`no same-check typo for group ${g + 1}`);
}

/** Groups 2 and 6 each get a two-character typo their check character cannot see. */
function twoGroupTypo(key: string): string {
  return key
    .split('-')
    .map((group, g) => (g === 1 || g === 5 ? sameCheckTypo(g, group.slice(0, 7)) + group.slice(7) : group))
    .join('-');
}

let doc: Record<string, string>;
beforeAll(async () => {
  await vaultReady();
  doc = documentedVectors('electron/vault/FORMAT.md');
});

describe('a recovery key with a two-group typo that passes the group checks', () => {
  test('is the documented one, and every group check passes', () => {
    const typo = twoGroupTypo(doc.recovery_key ?? '');
    expect(typo).toBe(doc.recovery_key_two_group_typo);
    expect(typo).not.toBe(doc.recovery_key);
    for (const [g, group] of typo.split('-').entries()) expect(groupCheck(g, group.slice(0, 7)), `group ${g + 1}`).toBe(group[7]);
    expect(typo.split('-').filter((group, g) => group !== doc.recovery_key?.split('-')[g])).toHaveLength(2);
  });

  test('is refused by the whole-key checksum as invalid input, naming no group', () => {
    let error: unknown;
    try {
      decodeRecoveryKey(doc.recovery_key_two_group_typo ?? '');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_input', messageKey: 'errors.vault.recovery_key_checksum' });
  });

  test('unlocking a vault with it is refused the same way, and counts no failed attempt', async () => {
    const tmp = tempDir('ow-recovery-typo-');
    try {
      const path = tmp.file('w.onewallet');
      (await createVault(path, { password: 'typo pw', testOnlyKdf: TEST_KDF })).session.lock();
      const locked = openVault(path);
      await expect(locked.unlockWithRecoveryKey(doc.recovery_key_two_group_typo ?? '', 'new pw')).rejects.toMatchObject({
        code: 'invalid_input',
        messageKey: 'errors.vault.recovery_key_checksum',
      });
      expect(locked.status().failures).toBe(0);
      locked.close();
    } finally {
      tmp.cleanup();
    }
  });
});

/**
 * backup/FORMAT.md's trailer vectors: the document's values must equal a from-the-document
 * computation with raw libsodium and the engine's own functions (so dropping any part of the MAC
 * input — the vault id, the prefix, the image hash — in the engine fails here).
 */
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, test } from 'vitest';
import { fromHex, toHex } from '../../electron/vault/bytes';
import { backupMacKey, trailerMac, trailerPrefix } from '../../electron/vault/copy';
import { vaultReady } from '../../electron/vault';
import { exitCodeFor, type ErrorCode } from '../../shared/errors';
import { LANGUAGES, translate } from '../../shared/i18n';
import { documentedVectors, tableRows } from '../vault/support/markdown';
import { BACKUP_INPUTS, computeBackupVectors } from './support/vectors';

let doc: Record<string, string>;
beforeAll(async () => {
  await vaultReady();
  await sodium.ready;
  doc = documentedVectors('electron/backup/FORMAT.md');
});

describe('backup FORMAT.md trailer vectors', () => {
  test('inputs and outputs in the document match a computation from the document’s rules', () => {
    for (const [name, value] of Object.entries(BACKUP_INPUTS)) expect(doc[name], name).toBe(String(value));
    const computed = computeBackupVectors();
    expect(Object.keys(computed)).toHaveLength(5);
    for (const [name, value] of Object.entries(computed)) expect(doc[name], name).toBe(value);
    const checked = new Set([...Object.keys(BACKUP_INPUTS), ...Object.keys(computed)]);
    expect(Object.keys(doc).filter((name) => !checked.has(name))).toEqual([]);
  });

  test('the engine produces the documented key, prefix and MAC', () => {
    const image = fromHex(BACKUP_INPUTS.image);
    const macKey = backupMacKey(fromHex(BACKUP_INPUTS.data_key));
    expect(toHex(macKey)).toBe(doc.backup_key);
    const prefix = trailerPrefix(BACKUP_INPUTS.version, image.length);
    expect(toHex(prefix)).toBe(doc.trailer_prefix);
    expect(toHex(trailerMac(macKey, fromHex(BACKUP_INPUTS.vault_id), prefix, fromHex(doc.image_hash ?? '')))).toBe(doc.trailer_mac);
  });
});

describe('backup FORMAT.md error table', () => {
  const rows = tableRows('electron/backup/FORMAT.md', '## Errors').map(([code = '', messageKey = '', , exit]) => ({ code, messageKey, exit: Number(exit) }));

  test('lists every reading error class with its message and exit code, as the code has them', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((row) => row.code))).toEqual(new Set(['not_found', 'not_a_wallet', 'integrity', 'format_too_new', 'auth_failed', 'invalid_input', 'rejected']));
    for (const { code, messageKey, exit } of rows) {
      expect(exitCodeFor(code as ErrorCode), `${code} ${messageKey}`).toBe(exit);
      for (const language of LANGUAGES) expect(translate(language, messageKey), `${language} ${messageKey}`).not.toBe(messageKey);
    }
  });
});


/**
 * "Not a wallet" vs "damaged" when page 1 itself is damaged (FORMAT.md, "The file"): a file whose
 * SQLite header carries OneWallet's application id is a wallet, so anything else wrong with its
 * header or first page is damage (integrity) — never "not a wallet", which would tell the user to
 * look elsewhere instead of restoring a backup. Only a file without that id is not a wallet.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from './support/helpers';

let tmp: ReturnType<typeof tempDir>;
let clean: Buffer;
beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-page-one-');
  const path = tmp.file('w.onewallet');
  const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
  session.append([{ kind: 'test', amount: 1 }]);
  session.lock();
  clean = readFileSync(path);
});
afterAll(() => tmp.cleanup());

async function outcome(name: string, damage: (bytes: Buffer) => void): Promise<{ code: string; messageKey: string } | 'opened'> {
  const path = tmp.file(`${name}.onewallet`);
  const bytes = Buffer.from(clean);
  damage(bytes);
  writeFileSync(path, bytes);
  try {
    const locked = openVault(path);
    try {
      (await locked.unlock({ password: 'pw' })).session.lock();
      return 'opened';
    } finally {
      locked.close();
    }
  } catch (error) {
    const { code, messageKey } = error as { code: string; messageKey: string };
    return { code, messageKey };
  }
}

const damaged = { code: 'integrity', messageKey: 'errors.vault.file_damaged' };

describe('damage to page 1 of a wallet', () => {
  test('the fixture really is a WAL-mode OneWallet file with 4 KiB pages', () => {
    expect(clean.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    expect([clean.readUInt16BE(16), clean[18], clean[19], clean.readUInt32BE(68)]).toEqual([4096, 2, 2, 0x4f57564c]);
  });

  test.each([
    ['the SQLite magic string', (b: Buffer) => b.fill(0x41, 0, 16)],
    ['the page size', (b: Buffer) => b.writeUInt16BE(3, 16)],
    ['the file format write version', (b: Buffer) => void (b[18] = 9)],
    ['the payload fractions', (b: Buffer) => void (b[21] = 1)],
    ['the page count', (b: Buffer) => b.writeUInt32BE(1, 28)],
    ['the b-tree header of page 1', (b: Buffer) => b.fill(0xff, 100, 108)],
    ['the rest of page 1 (the schema)', (b: Buffer) => b.fill(0, 100, 4096)],
  ])('%s: damaged, not "not a wallet"', async (name, damage) => {
    expect(await outcome(name.replace(/\W+/g, '-'), damage)).toMatchObject(damaged);
  });

  test('a wallet-marked file without a meta table is damaged too', async () => {
    const path = tmp.file('no-meta.onewallet');
    const db = new Database(path);
    db.pragma('application_id = 0x4F57564C');
    db.exec('CREATE TABLE journal (seq INTEGER PRIMARY KEY)');
    db.close();
    await expect(Promise.resolve().then(() => openVault(path))).rejects.toMatchObject({ code: 'integrity', messageKey: 'errors.vault.meta_damaged' });
  });

  test('without the application id the file cannot be told from a foreign one: not a wallet', async () => {
    expect(await outcome('app-id', (b) => b.writeUInt32BE(1, 68))).toMatchObject({ code: 'not_a_wallet' });
    expect(await outcome('header-zeroed', (b) => b.fill(0, 0, 100))).toMatchObject({ code: 'not_a_wallet' });
  });
});

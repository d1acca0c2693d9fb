/**
 * Damaged, truncated, foreign and too-new files: each gets its own clear error (integrity → CLI exit
 * 4), found before anything is restored, and the wallet stays untouched.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listBackups } from '../../electron/backup/list';
import { previewMerge } from '../../electron/backup/merge';
import { replaceWalletWithBackup } from '../../electron/backup/restore-full';
import { verifyBackup } from '../../electron/backup/verify';
import { writeBackup } from '../../electron/backup/write';
import { exitCodeFor } from '../../shared/errors';
import { seededRandom, testSeed } from '../vault/support/rng';
import { errorOf } from '../vault/support/helpers';
import { newWallet, tempDir, type TestWallet } from './support/wallet';

describe('damaged and foreign files', () => {
  const tmp = tempDir();
  const dir = join(tmp.dir, 'b');
  let wallet: TestWallet;
  let good: Buffer;
  let goodPath: string;
  let walletState: { head: unknown; digest: string };

  beforeAll(async () => {
    mkdirSync(dir);
    wallet = await newWallet(join(tmp.dir, 'w.onewallet'));
    const a = wallet.account('A');
    for (let i = 0; i < 40; i++) wallet.spend(a, '1.00', '2025-01-05', `payee ${i}`);
    wallet.session.saveSnapshot(wallet.projection, wallet.session.head().seq);
    wallet.spend(a, '2.00', '2025-01-06');
    goodPath = (await writeBackup({ session: wallet.session, dir, walletName: 'w', trigger: 'manual', appVersion: '0.1.0' })).path;
    good = readFileSync(goodPath);
    walletState = { head: wallet.session.head(), digest: wallet.projection.digest() };
  });
  afterAll(() => {
    wallet.close();
    tmp.cleanup();
  });

  const variant = (name: string, bytes: Uint8Array) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const verifyError = (path: string) => errorOf(() => verifyBackup(path, { session: wallet.session }, { record: false }));

  test('≥ 100 random single-byte flips anywhere in the file are all caught as integrity (the CLI maps it to exit 4)', async () => {
    const seed = testSeed('backup byte flips');
    const random = seededRandom(seed);
    const samples = 120;
    const seen = new Map<string, number>();
    for (let i = 0; i < samples; i++) {
      // Half spread over the whole file, half in the last page + trailer where the structure lives.
      const offset = i % 2 === 0 ? Math.floor(random() * good.length) : good.length - 1 - Math.floor(random() * 4096);
      const bytes = Buffer.from(good);
      bytes[offset] = bytes[offset]! ^ (1 + Math.floor(random() * 255));
      const error = await verifyError(variant('flipped.owbackup', bytes));
      expect(error.code, `seed ${seed}, offset ${offset}`).toBe('integrity');
      expect(exitCodeFor(error.code)).toBe(4);
      seen.set(error.messageKey, (seen.get(error.messageKey) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining(['errors.backup.damaged']));
    expect([...seen.values()].reduce((a, b) => a + b)).toBe(samples);
  });

  test('a flipped byte in the schema (the backup_info table renamed) is damage, not "not a backup"', async () => {
    const bytes = Buffer.from(good);
    const at = bytes.indexOf('CREATE TABLE backup_info');
    expect(at).toBeGreaterThan(0);
    bytes[at + 'CREATE TABLE '.length] = 'x'.charCodeAt(0);
    expect(await verifyError(variant('schema.owbackup', bytes))).toMatchObject({ code: 'integrity', messageKey: 'errors.backup.damaged' });
  });

  test('a MAC that does not match (file re-hashed by someone without the key) is tampering', async () => {
    const bytes = Buffer.from(good);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1; // last byte of the MAC
    expect(await verifyError(variant('mac.owbackup', bytes))).toMatchObject({ code: 'integrity', messageKey: 'errors.backup.tampered' });
  });

  test('truncated at seven lengths, from 16 bytes to one byte short, is integrity; the list shows it as damaged', async () => {
    for (const length of [16, 64, 100, 4096, Math.floor(good.length / 2), good.length - 88, good.length - 1]) {
      const path = variant(`cut-${length}.owbackup`, good.subarray(0, length));
      expect((await verifyError(path)).code, `length ${length}`).toBe('integrity');
    }
    copyFileSync(join(tmp.dir, 'cut-100.owbackup'), join(dir, 'cut.owbackup'));
    expect(listBackups(dir).find((entry) => entry.file === 'cut.owbackup')).toMatchObject({ status: 'damaged', problem: 'integrity' });
  });

  test('not a backup: random bytes, an empty file, another SQLite database, a wallet file', async () => {
    const random = seededRandom(testSeed('backup random bytes'));
    expect(await verifyError(variant('random.owbackup', Uint8Array.from({ length: 5000 }, () => Math.floor(random() * 256))))).toMatchObject({ code: 'not_a_wallet', messageKey: 'errors.backup.not_a_backup' });
    expect(await verifyError(variant('empty.owbackup', new Uint8Array()))).toMatchObject({ messageKey: 'errors.backup.not_a_backup' });
    const other = join(tmp.dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expect(await verifyError(other)).toMatchObject({ code: 'not_a_wallet', messageKey: 'errors.backup.not_a_backup' });
    expect(readFileSync(other).length).toBeGreaterThan(0);
    const plain = await newWallet(join(tmp.dir, 'plain.onewallet'));
    plain.close();
    expect(await verifyError(join(tmp.dir, 'plain.onewallet'))).toMatchObject({ code: 'not_a_wallet', messageKey: 'errors.backup.is_a_wallet' });
    expect(await verifyError(join(tmp.dir, 'missing.owbackup'))).toMatchObject({ code: 'not_found' });
  });

  test('a backup from a newer version is format_too_new, before any password is asked', async () => {
    const bytes = Buffer.from(good);
    const at = bytes.length - 88;
    bytes.writeUInt32LE(2, at + 8);
    bytes.writeUInt32LE(~2 >>> 0, at + 12);
    const path = variant('newer.owbackup', bytes);
    expect(await errorOf(() => verifyBackup(path, {}, { record: false }))).toMatchObject({ code: 'format_too_new', messageKey: 'errors.backup.format_too_new', params: { version: 2 } });
  });

  test('no damaged file gets near the wallet: merge and full restore refuse first', async () => {
    const bytes = Buffer.from(good);
    bytes[5000] = bytes[5000]! ^ 0x40;
    const path = variant('bad.owbackup', bytes);
    expect((await errorOf(() => previewMerge(path, wallet.session))).code).toBe('integrity');
    // Full restore re-checks the file itself; the wallet file is not moved (here: not even locked).
    expect((await errorOf(() => replaceWalletWithBackup(path, join(tmp.dir, 'w.onewallet')))).code).toBe('integrity');
    expect({ head: wallet.session.head(), digest: wallet.projection.digest() }).toEqual(walletState);
  });
});

/** Writing, listing and verifying backups: the happy path and the file that results. */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import sodium from 'libsodium-wrappers-sumo';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listBackups } from '../../electron/backup/list';
import { restoreAsNewWallet } from '../../electron/backup/restore-full';
import { verifyBackup } from '../../electron/backup/verify';
import { writeBackup } from '../../electron/backup/write';
import { ledgerProjectionFactory } from '../../electron/ledger';
import { inspectCopy } from '../../electron/vault';
import { eventsOf, newWallet, openWallet, tempDir, type TestWallet } from './support/wallet';

describe('writing a backup', () => {
  const tmp = tempDir();
  let wallet: TestWallet;
  beforeAll(async () => {
    wallet = await newWallet(join(tmp.dir, 'w.onewallet'));
    const cash = wallet.account('现金');
    for (let i = 0; i < 30; i++) wallet.spend(cash, `${i + 1}.25`, `2025-03-${String((i % 28) + 1).padStart(2, '0')}`);
  });
  afterAll(() => {
    wallet.close();
    tmp.cleanup();
  });

  test('writes, verifies, catalogs and lists a sealed copy; progress reaches every phase', async () => {
    const dir = join(tmp.dir, 'backups');
    mkdirSync(dir);
    const phases = new Set<string>();
    const entry = await writeBackup({
      session: wallet.session,
      dir,
      walletName: '家庭 账本',
      trigger: 'manual',
      appVersion: '0.1.0',
      projections: ledgerProjectionFactory,
      onProgress: (phase) => phases.add(phase),
    });
    expect(entry).toMatchObject({ status: 'verified', headSeq: 31, events: 31, vaultId: wallet.session.vaultId });
    expect(entry.file).toMatch(/^家庭-账本-\d{8}T\d{9}Z-manual\.owbackup$/);
    expect([...phases].sort()).toEqual(['copy', 'seal', 'verify']);
    expect(readdirSync(dir).sort()).toEqual([entry.file, 'onewallet-backups.json'].sort());
    expect(listBackups(dir)).toMatchObject([{ file: entry.file, status: 'verified', headSeq: 31 }]);

    const header = inspectCopy(entry.path, { checkHash: true });
    expect(header).toMatchObject({ head: { seq: 31 }, info: { trigger: 'manual', walletName: '家庭 账本' } });
    // Only ciphertext: a payee the ledger stored never appears in the file.
    expect(readFileSync(entry.path).includes(Buffer.from('Shop'))).toBe(false);

    const verified = await verifyBackup(entry.path, { session: wallet.session }, { projections: ledgerProjectionFactory });
    expect(verified).toMatchObject({ ok: true, events: 31 });
    const reader = await wallet.session.openCopy(entry.path);
    expect(eventsOf(reader)).toEqual(eventsOf(wallet.session));
    reader.close();
  });
});

describe('what a backup holds', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('the journal without the wallet\'s snapshot: no bigger than the journal\'s pages plus the small tables, and it restores to the same state', async () => {
    const wallet = await newWallet(join(tmp.dir, 'w.onewallet'));
    const cash = wallet.account('现金');
    for (let i = 0; i < 150; i++) wallet.spend(cash, `${(i % 9) + 1}.25`, `2025-03-${String((i % 28) + 1).padStart(2, '0')}`, `Shop ${i}`);
    wallet.session.saveSnapshot(wallet.projection, wallet.projection.lastSeq());
    const digest = wallet.projection.digest();
    const dir = join(tmp.dir, 'backups');
    mkdirSync(dir);
    const entry = await writeBackup({ session: wallet.session, dir, walletName: 'w', trigger: 'manual', appVersion: '0.1.0' });
    wallet.close();

    const db = new Database(entry.path, { readonly: true });
    const snapshots = (db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const journalPages = (db.prepare("SELECT count(*) AS n FROM dbstat WHERE name = 'journal'").get() as { n: number }).n;
    const freePages = db.pragma('freelist_count', { simple: true }) as number;
    db.close();
    expect(snapshots).toBe(0);
    expect(freePages).toBe(0);
    // One page each for the schema, meta, keyslots, head, snapshots, auth_state, backup_info and an index or two.
    expect(entry.bytes - 88).toBeLessThanOrEqual((journalPages + 12) * pageSize);

    const restored = join(tmp.dir, 'restored.onewallet');
    restoreAsNewWallet(entry.path, restored);
    const back = await openWallet(restored);
    try {
      expect(back.projection.digest()).toBe(digest);
    } finally {
      back.close();
    }
  });
});

describe('the trailer as FORMAT.md describes it', () => {
  test('magic, version and its complement, image length, and H = BLAKE2b-256(image) as b2sum computes it', async () => {
    const tmp = tempDir();
    try {
      const wallet = await newWallet(join(tmp.dir, 'w.onewallet'));
      wallet.spend(wallet.account('A'), '1.00', '2025-01-01');
      const { path } = await writeBackup({ session: wallet.session, dir: tmp.dir, walletName: 'w', trigger: 'manual', appVersion: 't' });
      wallet.close();
      const bytes = readFileSync(path);
      const trailer = bytes.subarray(bytes.length - 88);
      expect(trailer.subarray(0, 8).toString('latin1')).toBe('OWBACKUP');
      expect(trailer.readUInt32LE(8)).toBe(1);
      expect(trailer.readUInt32LE(12)).toBe(~1 >>> 0);
      expect(Number(trailer.readBigUInt64LE(16))).toBe(bytes.length - 88);
      writeFileSync(join(tmp.dir, 'image'), bytes.subarray(0, bytes.length - 88));
      const b2 = (() => {
        try {
          return execFileSync('b2sum', ['-l', '256', join(tmp.dir, 'image')]).toString().split(' ')[0];
        } catch {
          return null; // no b2sum here: compare with libsodium directly instead
        }
      })();
      const expected = b2 ?? sodium.crypto_generichash(32, bytes.subarray(0, bytes.length - 88), null, 'hex');
      expect(trailer.subarray(24, 56).toString('hex')).toBe(expected);
    } finally {
      tmp.cleanup();
    }
  });
});

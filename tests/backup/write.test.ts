/** Writing, listing and verifying backups: the happy path and the file that results. */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listBackups } from '../../electron/backup/list';
import { verifyBackup } from '../../electron/backup/verify';
import { writeBackup } from '../../electron/backup/write';
import { ledgerProjectionFactory } from '../../electron/ledger';
import { inspectCopy } from '../../electron/vault';
import { eventsOf, newWallet, tempDir, type TestWallet } from './support/wallet';

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
    const reader = wallet.session.openCopy(entry.path);
    expect(eventsOf(reader)).toEqual(eventsOf(wallet.session));
    reader.close();
  });
});

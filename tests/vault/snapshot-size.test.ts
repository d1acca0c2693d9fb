/**
 * Snapshots are compressed before sealing and only the newest is kept (FORMAT.md, "Snapshots"):
 * a ledger wallet's file stays within twice its journal, and the compressed snapshot still loads
 * to exactly the state a full replay builds.
 */
import Database from 'better-sqlite3';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openVault, vaultReady } from '../../electron/vault';
import { SNAPSHOT_CODEC } from '../../electron/vault/constants';
import { compressSnapshot, decompressSnapshot } from '../../electron/vault/snapshots';
import { asLedgerProjection, ledgerProjectionFactory } from '../../electron/ledger';
import { buildWallet, PASSWORD } from '../../bench/dataset';
import { tempDir, TEST_KDF } from './support/helpers';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-snapshot-size-');
});
afterAll(() => tmp.cleanup());

function sizes(path: string): { journal: number; snapshots: number[]; file: number } {
  const db = new Database(path, { readonly: true });
  try {
    const journal = (db.prepare('SELECT SUM(length(nonce) + length(ciphertext) + length(tag) + 8) AS b FROM journal').get() as { b: number }).b;
    const snapshots = (db.prepare('SELECT length(ciphertext) AS b FROM snapshots ORDER BY covers_seq').all() as { b: number }[]).map((row) => row.b);
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    // Free pages included: a file that grows by a snapshot at every save is what this guards against.
    return { journal, snapshots, file: pages * pageSize };
  } finally {
    db.close();
  }
}

test('one compressed snapshot: well under the projection it holds, the file within 2x the journal, and it loads to the replayed state', async () => {
  const path = tmp.file('ledger.onewallet');
  const wallet = await buildWallet(path, 3_000, { kdf: TEST_KDF, seed: 7 });
  const raw = wallet.projection.serialize().byteLength;
  const replayed = wallet.projection.digest();
  // Several saves, as the app makes them: each replaces the last (one kept) and reuses its pages.
  for (let i = 0; i < 4; i++) wallet.session.saveSnapshot(wallet.projection, wallet.projection.lastSeq());
  wallet.projection.close();
  wallet.session.lock();

  const measured = sizes(path);
  expect(measured.snapshots).toHaveLength(1);
  // The projection compresses ~3.5x; a third of it leaves room for noise without letting a raw copy through.
  expect(measured.snapshots[0]!).toBeLessThan(raw / 3);
  expect(measured.file).toBeLessThanOrEqual(2 * measured.journal);

  const locked = openVault(path);
  const { session } = await locked.unlock({ password: PASSWORD });
  locked.close();
  const replays: number[] = [];
  const warnings: string[] = [];
  const loaded = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory, (p) => p.phase === 'replay' && replays.push(p.total), (w) => warnings.push(w.messageKey)));
  try {
    expect(warnings).toEqual([]);
    expect(replays.at(-1)).toBe(0); // started from the snapshot, nothing replayed
    expect(loaded.digest()).toBe(replayed);
    const report = await session.verify(ledgerProjectionFactory);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  } finally {
    loaded.close();
    session.lock();
  }
});

test('the compressed plaintext layout of vault/FORMAT.md: magic, codec byte, stream; old plaintexts pass through; unknown codecs are unusable', () => {
  const projection = new TextEncoder().encode('SQLite format 3\u0000' + 'a projection that compresses well '.repeat(200));
  const sealed = compressSnapshot(projection);
  expect(Buffer.from(sealed.subarray(0, 8)).toString('latin1')).toBe('OWSNAPZ\u0001');
  expect([SNAPSHOT_CODEC.zstd, SNAPSHOT_CODEC.gzip]).toContain(sealed[8]);
  expect(sealed.length).toBeLessThan(projection.length / 5);
  expect(Buffer.from(decompressSnapshot(sealed)!).equals(Buffer.from(projection))).toBe(true);
  // A gzip member under codec 2, built with nothing but node:zlib, as a reader in another language would.
  const gzipped = Buffer.concat([Buffer.from('OWSNAPZ\u0001', 'latin1'), Buffer.of(2), gzipSync(projection)]);
  expect(Buffer.from(decompressSnapshot(gzipped)!).equals(Buffer.from(projection))).toBe(true);
  // Written before compression: no magic, the bytes are the projection's.
  expect(decompressSnapshot(projection)).toBe(projection);
  // A codec this version does not know, or a damaged stream: unusable (the vault replays instead).
  expect(decompressSnapshot(Buffer.concat([Buffer.from('OWSNAPZ\u0001', 'latin1'), Buffer.of(9), gzipSync(projection)]))).toBeNull();
  expect(decompressSnapshot(Buffer.concat([Buffer.from('OWSNAPZ\u0001', 'latin1'), Buffer.of(2), Buffer.from('not gzip')]))).toBeNull();
});

/**
 * The golden v1 backup (tests/fixtures/backup, written once by make-golden.ts): every later
 * version must open it with its password and its recovery key, verify it, and read the same
 * history — checked as balances computed by the engine and by a fold written from EVENTS.md. Its
 * MAC is also recomputed by hand from backup/FORMAT.md, so the file and the document agree.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyMerge, journalSink, previewMerge } from '../../electron/backup/merge';
import { restoreAsNewWallet } from '../../electron/backup/restore-full';
import { verifyBackup } from '../../electron/backup/verify';
import { asLedgerProjection, budgetProgress, ledgerProjectionFactory, queries } from '../../electron/ledger';
import { openVault, unlockCopy, vaultReady } from '../../electron/vault';
import { GOLDEN_BACKUP, GOLDEN_PASSWORD, GOLDEN_RECOVERY_KEY, GOLDEN_WALLET_NAME } from '../fixtures/backup/golden-wallet';
import { balances, foldDocumented } from '../vault/support/stranger-fold';
import { eventsOf, newWallet, tempDir } from './support/wallet';

const FIXTURES = resolve(__dirname, '../fixtures/backup');
/** By hand from the recipe in golden-wallet.ts (see the comments for each line). */
const EXPECTED = {
  // 8000.00 − 38.50 + 12000 − 300 (voided with its card leg, so 0) − 710 (amended from 700)
  '招商银行': [800000 - 3850 + 1200000 - 71000, 'CNY'],
  // −300.00 opening + 300 (voided) − 32 (coffee amended from 28)
  Visa: [-30000 - 3200, 'CNY'],
  // 50.00 + 97.00 (arrived amount amended from 96.30)
  USD: [5000 + 9700, 'USD'],
};
const EVENTS = 13;

const tmp = tempDir('ow-golden-backup-');
let path: string;
beforeAll(async () => {
  await vaultReady();
  await sodium.ready;
  path = join(tmp.dir, GOLDEN_BACKUP);
  copyFileSync(join(FIXTURES, GOLDEN_BACKUP), path);
});
afterAll(() => tmp.cleanup());

function byName(events: readonly unknown[], accountIds: Record<string, string>) {
  const state = balances(foldDocumented(events));
  return Object.fromEntries(Object.entries(state).map(([id, value]) => [accountIds[id], value]));
}

describe('golden v1 backup', () => {
  test('verifies with its password: trailer, MAC, keyslots, chain, every event and its snapshot against a rebuild', async () => {
    const result = await verifyBackup(path, { secret: { password: GOLDEN_PASSWORD } }, { projections: ledgerProjectionFactory, record: false });
    expect(result).toMatchObject({ ok: true, events: EVENTS, problems: [] });
    expect(result.header).toMatchObject({ formatVersion: 1, head: { seq: EVENTS }, info: { walletName: GOLDEN_WALLET_NAME, trigger: 'manual', createdAt: '2025-03-10T12:00:00.000Z' } });
  });

  test('opens with its recovery key; engine and EVENTS.md fold both give the expected balances and budget', async () => {
    const recoveryKey = readFileSync(join(FIXTURES, GOLDEN_RECOVERY_KEY), 'utf8').trim();
    const reader = await unlockCopy(path, { recoveryKey });
    const events = eventsOf(reader);
    reader.close();
    expect(events).toHaveLength(EVENTS);
    const projection = ledgerProjectionFactory.empty();
    try {
      events.forEach((event, index) => projection.apply(index + 1, event));
      const accounts = queries.listAccounts(projection, { includeClosed: true });
      expect(Object.fromEntries(accounts.map((a) => [a.name, [a.balanceMinor, a.currency]]))).toEqual(EXPECTED);
      expect(byName(events, Object.fromEntries(accounts.map((a) => [a.id, a.name])))).toEqual(EXPECTED);
      expect(budgetProgress(projection, '2025-03')).toMatchObject([{ name: '餐饮', budgetMinor: 150000, spentMinor: 3850 + 3200 }]);
    } finally {
      projection.close();
    }
  });

  // Written before backups left their snapshots out (it holds one): restoring and merging it must keep working.
  test('restores as a new wallet that unlocks with its password to the expected balances', async () => {
    const walletPath = join(tmp.dir, 'restored.onewallet');
    restoreAsNewWallet(path, walletPath);
    const locked = openVault(walletPath);
    const { session } = await locked.unlock({ password: GOLDEN_PASSWORD });
    locked.close();
    const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
    try {
      // Its snapshot was written by projection schema 1: it is set aside (a warning) and the journal replayed.
      expect(session.warnings().filter((w) => w.messageKey !== 'errors.vault.snapshot_incompatible')).toEqual([]);
      const accounts = queries.listAccounts(projection, { includeClosed: true });
      expect(Object.fromEntries(accounts.map((a) => [a.name, [a.balanceMinor, a.currency]]))).toEqual(EXPECTED);
    } finally {
      projection.close();
      session.lock();
    }
  });

  test('merges into another wallet: every account and transaction comes back, balances as expected', async () => {
    const wallet = await newWallet(join(tmp.dir, 'other.onewallet'));
    try {
      const plan = await previewMerge(path, wallet.session, { secret: { password: GOLDEN_PASSWORD } });
      expect(plan).toMatchObject({ missingAccounts: 3, unknownEvents: 0 });
      const result = applyMerge(plan, journalSink(wallet.session, wallet.projection, ledgerProjectionFactory));
      expect(result.appended).toBe(EVENTS);
      const accounts = queries.listAccounts(wallet.projection, { includeClosed: true });
      expect(Object.fromEntries(accounts.map((a) => [a.name, [a.balanceMinor, a.currency]]))).toEqual(EXPECTED);
    } finally {
      wallet.close();
    }
  });

  test('its MAC, recomputed by hand from backup/FORMAT.md with the password, matches the trailer', () => {
    const file = readFileSync(path);
    const trailer = file.subarray(file.length - 88);
    const image = file.subarray(0, file.length - 88);
    expect(trailer.subarray(0, 8).toString('latin1')).toBe('OWBACKUP');
    expect(Number(trailer.readBigUInt64LE(16))).toBe(image.length);
    const imageHash = sodium.crypto_generichash(32, image, null);
    expect(Buffer.from(imageHash).equals(trailer.subarray(24, 56))).toBe(true);

    const db = new Database(path, { readonly: true });
    const vaultId = (db.prepare('SELECT vault_id FROM meta').get() as { vault_id: Buffer }).vault_id;
    const slot = db.prepare("SELECT * FROM keyslots WHERE role = 'primary'").get() as {
      kind: number; salt: Buffer; ops_limit: number; mem_limit: number; nonce: Buffer; wrapped: Buffer;
    };
    db.close();
    const kek = sodium.crypto_pwhash(32, Buffer.from(GOLDEN_PASSWORD.normalize('NFC'), 'utf8'), slot.salt, slot.ops_limit, slot.mem_limit, sodium.crypto_pwhash_ALG_ARGON2ID13);
    const ad = Buffer.concat([vaultId, Buffer.of(slot.kind), slot.salt, Buffer.alloc(4), Buffer.alloc(8)]);
    ad.writeUInt32LE(slot.ops_limit, 16 + 1 + 16);
    ad.writeBigUInt64LE(BigInt(slot.mem_limit), 16 + 1 + 16 + 4);
    const dataKey = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, slot.wrapped, ad, slot.nonce, kek);
    const macKey = sodium.crypto_kdf_derive_from_key(32, 1, 'backup__', dataKey);
    const mac = sodium.crypto_generichash(32, Buffer.concat([trailer.subarray(0, 24), vaultId, imageHash]), macKey);
    expect(Buffer.from(mac).toString('hex')).toBe(trailer.subarray(56, 88).toString('hex'));
  });
});

/**
 * The acceptance story: a wallet loses its newest history (full restore of an older backup, as
 * after a damaged disk), records more, and a merge restore of a newer backup brings back exactly
 * what was lost — and nothing twice. Also: merging another wallet's backup, voids, revert, and a
 * restore onto a fresh machine with only the backup and the recovery key.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyMerge, journalSink, previewMerge, sharedHistory } from '../../electron/backup/merge';
import { openBackup } from '../../electron/backup/open';
import { listRevertCopies, replaceWalletWithBackup, restoreAsNewWallet, revertRestore } from '../../electron/backup/restore-full';
import { verifyBackup } from '../../electron/backup/verify';
import { writeBackup } from '../../electron/backup/write';
import { asLedgerProjection, ledgerProjectionFactory } from '../../electron/ledger';
import { openVault } from '../../electron/vault';
import { errorOf } from '../vault/support/helpers';
import { eventsOf, newWallet, openWallet, tempDir, type TestWallet } from './support/wallet';

const backupOf = (wallet: TestWallet, dir: string) =>
  writeBackup({ session: wallet.session, dir, walletName: 'Family', trigger: 'manual', appVersion: '0.1.0', projections: ledgerProjectionFactory });

const transactionIds = (wallet: TestWallet) =>
  eventsOf(wallet.session).flatMap((e) => (e.type === 'TransactionRecorded' ? [e.transactionId] : e.type === 'TransferRecorded' ? [e.transferId] : []));
const voided = (wallet: TestWallet, id: string) => wallet.projection.transaction(id)?.voided;

describe('lose and recover', () => {
  const tmp = tempDir();
  const backups = join(tmp.dir, 'backups');
  const path = join(tmp.dir, 'family.onewallet');
  let wallet: TestWallet;
  let b1: string;
  let b2: string;
  let b1Seq: number;
  let keptBefore: string;
  let voidedAfterB1: string;
  let lostIds: string[];
  let lostAccount: string;

  beforeAll(async () => {
    mkdirSync(backups);
    wallet = await newWallet(path);
    const cash = wallet.account('现金');
    const bank = wallet.account('招商银行');
    const food = wallet.run({ type: 'defineCategory', name: '餐饮', kind: 'expense' });
    for (let i = 1; i <= 10; i++) wallet.run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: `${i}.10`, currency: 'CNY', date: `2025-02-${String(i).padStart(2, '0')}`, payee: `早餐 ${i}`, categoryId: food });
    wallet.run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: cash, amount: '200.00', currency: 'CNY', date: '2025-02-20' });
    keptBefore = wallet.spend(cash, '9.99', '2025-02-25', 'kept');
    b1 = (await backupOf(wallet, backups)).path;
    b1Seq = wallet.session.head().seq;

    // History made after B1: this is what the restore of B1 will lose.
    const travel = wallet.run({ type: 'defineCategory', name: '旅行', kind: 'expense' });
    lostAccount = wallet.account('支付宝');
    const lost = [
      wallet.spend(cash, '30.00', '2025-03-03', 'lost 1'),
      wallet.spend(lostAccount, '45.50', '2025-03-04', 'lost 2'),
      wallet.run({ type: 'recordTransaction', kind: 'expense', accountId: lostAccount, amount: '800.00', currency: 'CNY', date: '2025-03-05', payee: '机票', categoryId: travel }),
      wallet.run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: lostAccount, amount: '100.00', currency: 'CNY', date: '2025-03-06' }),
    ];
    voidedAfterB1 = wallet.spend(cash, '12.00', '2025-03-07', 'deleted later');
    wallet.run({ type: 'voidTransaction', transactionId: voidedAfterB1 });
    wallet.run({ type: 'amendTransaction', transactionId: lost[0], payee: 'lost 1 (fixed)' });
    // A change to something B1 already has: not "lost" in the merge sense.
    wallet.run({ type: 'amendTransaction', transactionId: keptBefore, note: 'changed after B1' });
    lostIds = [...lost, voidedAfterB1];
    b2 = (await backupOf(wallet, backups)).path;
  });
  afterAll(() => {
    wallet.close();
    tmp.cleanup();
  });

  test('full restore of B1, new history, merge of B2 recovers exactly what was lost, twice = nothing', async () => {
    const b2Events = eventsOf(wallet.session);
    wallet.close(); // the app locks before a full restore
    const { revertPath } = await replaceWalletWithBackup(b1, path);
    expect(listRevertCopies(path)).toEqual([revertPath]);
    wallet = await openWallet(path);
    for (const id of lostIds) expect(wallet.projection.transaction(id)).toBeUndefined();
    expect(wallet.projection.account(lostAccount)).toBeUndefined();

    // Life goes on after the loss: the wallet voids a transaction B2 has un-voided, records new ones.
    const cash = wallet.projection.openAccountByName('现金')!.id;
    wallet.run({ type: 'voidTransaction', transactionId: keptBefore });
    const after = [wallet.spend(cash, '5.00', '2025-03-10', 'after 1'), wallet.spend(cash, '6.00', '2025-03-11', 'after 2')];

    // The preview decrypts the history both share once: B2 and the restored wallet part after B1's last event.
    const reader = await openBackup(b2, { session: wallet.session });
    expect(sharedHistory(reader, wallet.session)).toBe(b1Seq);
    expect(sharedHistory(wallet.session, reader)).toBe(b1Seq);
    reader.close();
    const plan = await previewMerge(b2, wallet.session);
    expect(plan).toMatchObject({ missingTransactions: 5, missingAccounts: 1, missingCategories: 1, since: '2025-03-03' });
    expect(plan.items.find((item) => item.id === `transaction:${voidedAfterB1}`)).toMatchObject({ voided: true, label: 'deleted later' });
    expect(plan.items.find((item) => item.id === `transaction:${lostIds[0]}`)).toMatchObject({ label: 'lost 1 (fixed)', amountMinor: -3000, date: '2025-03-03' });
    // The note on keptBefore and nothing else about it: the wallet has that transaction.
    expect(plan.skippedEvents).toBe(1);

    const result = applyMerge(plan, journalSink(wallet.session, wallet.projection, ledgerProjectionFactory));
    expect(result).toEqual({ appended: plan.missingEvents, transactions: 5, accounts: 1 });
    const ids = new Set(transactionIds(wallet));
    for (const id of [...lostIds, ...after]) expect(ids.has(id)).toBe(true);
    expect(ids.size).toBe(new Set(b2Events.flatMap((e) => (e.type === 'TransactionRecorded' ? [e.transactionId] : e.type === 'TransferRecorded' ? [e.transferId] : []))).size + after.length);
    expect(voided(wallet, voidedAfterB1)).toBe(true); // came back into "recently deleted"
    expect(voided(wallet, keptBefore)).toBe(true); // never un-voided by the merge
    expect(wallet.projection.transaction(keptBefore)?.note).toBe(''); // and not otherwise changed
    expect(wallet.projection.transaction(lostIds[0]!)?.payee).toBe('lost 1 (fixed)');
    // No event twice.
    const eventIds = eventsOf(wallet.session).map((e) => e.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);

    const again = await previewMerge(b2, wallet.session);
    expect(again).toMatchObject({ missingEvents: 0, missingTransactions: 0, missingAccounts: 0, items: [] });
    expect(applyMerge(again, journalSink(wallet.session, wallet.projection, ledgerProjectionFactory)).appended).toBe(0);

    // What was merged replays to the same state from disk.
    const digest = wallet.projection.digest();
    wallet.close();
    wallet = await openWallet(path);
    expect(wallet.projection.digest()).toBe(digest);
  });

  test('picking one lost transaction brings its account and category, nothing else', async () => {
    const other = await newWallet(join(tmp.dir, 'pick.onewallet'));
    try {
      const reader = await openBackup(b2, { session: other.session, secret: { password: 'correct horse 马' } });
      expect(sharedHistory(reader, other.session)).toBe(0); // another wallet's chain: nothing shared
      reader.close();
      const plan = await previewMerge(b2, other.session, { secret: { password: 'correct horse 马' } });
      const flight = plan.items.find((item) => item.label === '机票')!;
      const result = applyMerge(plan, journalSink(other.session, other.projection, ledgerProjectionFactory), [flight.id]);
      expect(result).toMatchObject({ transactions: 1, accounts: 1 });
      expect(other.projection.account(lostAccount)?.name).toBe('支付宝');
      expect(eventsOf(other.session).map((e) => e.type)).toEqual(['CategoryDefined', 'AccountOpened', 'TransactionRecorded']);
    } finally {
      other.close();
    }
  });
});

describe('other wallets, revert, new machine', () => {
  const tmp = tempDir();
  let source: TestWallet;
  let backup: string;
  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'b'));
    source = await newWallet(join(tmp.dir, 'source.onewallet'), 'source password');
    const card = source.account('信用卡');
    for (let i = 1; i <= 6; i++) source.spend(card, `${i}0.00`, `2024-12-0${i}`, `商店 ${i}`);
    backup = (await backupOf(source, join(tmp.dir, 'b'))).path;
  });
  afterAll(() => {
    source.close();
    tmp.cleanup();
  });

  test("a different wallet's backup merges into a new wallet with that backup's own password", async () => {
    const target = await newWallet(join(tmp.dir, 'target.onewallet'), 'target password');
    try {
      target.account('Own account');
      expect(await errorOf(() => previewMerge(backup, target.session))).toMatchObject({ code: 'auth_failed', messageKey: 'errors.backup.password_needed' });
      expect(await errorOf(() => previewMerge(backup, target.session, { secret: { password: 'target password' } }))).toMatchObject({ code: 'auth_failed' });
      const plan = await previewMerge(backup, target.session, { secret: { password: 'source password' } });
      expect(plan).toMatchObject({ missingTransactions: 6, missingAccounts: 1, since: '2024-12-01' });
      applyMerge(plan, journalSink(target.session, target.projection, ledgerProjectionFactory));
      expect(target.projection.openAccountByName('信用卡')).toBeDefined();
      expect(target.projection.openAccountByName('Own account')).toBeDefined();
      expect((await previewMerge(backup, target.session, { secret: { password: 'source password' } })).missingEvents).toBe(0);
    } finally {
      target.close();
    }
  });

  test('full restore and revert round trip', async () => {
    const path = join(tmp.dir, 'rt.onewallet');
    const w = await newWallet(path, 'pw');
    const a = w.account('A');
    w.spend(a, '1.00', '2025-01-02');
    const b = (await writeBackup({ session: w.session, dir: join(tmp.dir, 'b'), walletName: 'rt', trigger: 'manual', appVersion: '0.1.0' })).path;
    w.spend(a, '2.00', '2025-01-03');
    const before = { head: w.session.head(), digest: w.projection.digest() };
    w.close();

    const { revertPath } = await replaceWalletWithBackup(b, path);
    let reopened = await openWallet(path, 'pw');
    expect(reopened.session.head().seq).toBe(2);
    reopened.close();

    const undo = revertRestore(path, revertPath);
    reopened = await openWallet(path, 'pw');
    expect({ head: reopened.session.head(), digest: reopened.projection.digest() }).toEqual(before);
    reopened.close();

    // The undo kept the restored wallet too, so it can itself be undone.
    revertRestore(path, undo.revertPath);
    reopened = await openWallet(path, 'pw');
    expect(reopened.session.head().seq).toBe(2);
    reopened.close();
  });

  test('a fresh data folder with only the backup and the recovery key', async () => {
    const fresh = join(tmp.dir, 'new-machine');
    mkdirSync(fresh);
    const path = join(fresh, 'restored.onewallet');
    expect((await verifyBackup(backup, { secret: { recoveryKey: source.recoveryKey! } }, { record: false })).ok).toBe(true);
    restoreAsNewWallet(backup, path);
    expect(await errorOf(() => restoreAsNewWallet(backup, path))).toMatchObject({ code: 'already_exists' });
    const locked = openVault(path);
    const { session } = await locked.unlockWithRecoveryKey(source.recoveryKey!, 'a new password');
    locked.close();
    const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
    expect(eventsOf(session)).toEqual(eventsOf(source.session));
    expect(projection.digest()).toBe(source.projection.digest());
    projection.close();
    session.lock();
  });
});

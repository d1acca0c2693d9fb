/**
 * The merge preview asks the open wallet's projection about the history it shares with the
 * backup instead of decrypting it (electron/backup/merge-facts.ts). Its answer — plan, items,
 * events to append, what the wallet changed since — must be exactly the one from reading both
 * journals in full, whatever the two sides did after they parted: new and amended transactions,
 * transfers in one and two currencies, voids and restores on both sides, reconciliations, an
 * import batch, categories, rates.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { previewMerge, previewReplace } from '../../electron/backup/merge';
import { walletFacts } from '../../electron/backup/merge-facts';
import { selectEvents, type MergePlan } from '../../electron/backup/merge-plan';
import { writeBackup } from '../../electron/backup/write';
import { decideImportBatch } from '../../electron/ledger/decide-import';
import { reconcileFigures } from '../../electron/ledger/reconcile';
import { openBackup } from '../../electron/backup/open';
import { sharedHistory } from '../../electron/backup/merge';
import { eventsOf, newWallet, openWallet, tempDir, type TestWallet } from './support/wallet';

/** Reconciles `ids` on `accountId` at exactly the balance they clear. */
function reconcile(w: TestWallet, accountId: string, date: string, ids: string[]): void {
  const { clearedBalanceMinor } = reconcileFigures(w.projection, accountId, 0, ids);
  w.run({ type: 'reconcile', accountId, statementDate: date, statementBalance: (clearedBalanceMinor / 100).toFixed(2), clearedTransactionIds: ids });
}

/** A transfer's outgoing (or incoming) line. */
const leg = (w: TestWallet, transferId: string, out = true) =>
  w.projection.sql.get<{ id: string }>(`SELECT id FROM transactions WHERE transfer_id = ? AND amount_minor ${out ? '<' : '>'} 0`, transferId)!.id;

const view = (plan: MergePlan) => ({ ...plan, entities: undefined, order: undefined, append: selectEvents(plan).map((event) => event.eventId) });

describe('merge preview from the projection', () => {
  const tmp = tempDir();
  let wallet: TestWallet;
  let backup: string;
  let shared: number;

  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'b'));
    const path = join(tmp.dir, 'w.onewallet');
    const source = await newWallet(path);
    const cash = source.account('现金');
    const bank = source.account('招商银行');
    const usd = source.account('Chase', 'USD');
    const food = source.run({ type: 'defineCategory', name: '餐饮', kind: 'expense' });
    const spent = Array.from({ length: 8 }, (_, i) => source.spend(cash, `${i + 1}.50`, `2025-01-${String(i + 10)}`, `早餐 ${i}`));
    source.run({ type: 'amendTransaction', transactionId: spent[0], payee: '早餐 fixed', amount: '9.90' });
    const voidedBefore = source.spend(bank, '20.00', '2025-01-20', 'voided before');
    source.run({ type: 'voidTransaction', transactionId: voidedBefore });
    const transfer = source.run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: cash, amount: '100.00', currency: 'CNY', date: '2025-01-21' });
    const fx = source.run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: usd, amount: '710.00', currency: 'CNY', toAmount: '100.00', date: '2025-01-22' });
    source.run({ type: 'setExchangeRate', currency: 'USD', base: 'CNY', rate: '7.10' });
    reconcile(source, cash, '2025-01-31', [spent[1]!]);
    const batchId = randomUUID();
    const importRequest = randomUUID();
    await source.ledger.executeBatch(importRequest, (ctx) =>
      decideImportBatch(
        source.projection,
        {
          requestId: importRequest, batchId, accountId: bank, format: 'csv', fileName: 's.csv', encoding: 'utf-8',
          rows: [0, 1, 2].map((i) => ({ accountId: bank, amountMinor: -(100 + i), date: '2025-01-25', payee: `导入 ${i}`, note: '', externalId: `x-${i}`, line: i + 2 })),
        },
        ctx,
      ),
    );
    const imported = source.projection.sql.all<{ id: string }>('SELECT id FROM transactions WHERE import_batch = ? ORDER BY n', batchId).map((row) => row.id);
    shared = source.session.head().seq;
    const copy = join(tmp.dir, 'older.onewallet');
    await source.session.saveCopyAs(copy);

    // The backup's side after they part.
    const travel = source.run({ type: 'defineCategory', name: '旅行', kind: 'expense', parentId: food });
    const alipay = source.account('支付宝');
    const lost = [
      source.spend(alipay, '45.50', '2025-02-04', 'lost 1'),
      source.run({ type: 'recordTransaction', kind: 'expense', accountId: alipay, amount: '800.00', currency: 'CNY', date: '2025-02-05', payee: '机票', categoryId: travel }),
      source.run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: alipay, amount: '50.00', currency: 'CNY', date: '2025-02-06' }),
      source.spend(cash, '3.00', '2025-02-07', 'lost then voided'),
    ];
    source.run({ type: 'voidTransaction', transactionId: lost[3] });
    source.run({ type: 'amendTransaction', transactionId: lost[0], payee: 'lost 1 (fixed)' });
    reconcile(source, alipay, '2025-02-28', [lost[0]!]);
    reconcile(source, cash, '2025-02-28', [spent[2]!]);
    source.run({ type: 'voidTransaction', transactionId: spent[3] });
    source.run({ type: 'restoreTransaction', transactionId: voidedBefore });
    source.run({ type: 'amendTransaction', transactionId: spent[4], payee: 'backup amended' });
    source.run({ type: 'amendTransaction', transactionId: leg(source, transfer), payee: 'backup moved', date: '2025-01-23' });
    source.run({ type: 'voidTransaction', transactionId: imported[0] });
    source.run({ type: 'setExchangeRate', currency: 'USD', base: 'CNY', rate: '7.20' });
    backup = (await writeBackup({ session: source.session, dir: join(tmp.dir, 'b'), walletName: 'W', trigger: 'manual', appVersion: '0.1.0', projections: null })).path;
    source.close();

    // The wallet's side: the older copy goes on with its own life.
    wallet = await openWallet(copy);
    wallet.run({ type: 'voidTransaction', transactionId: spent[3] }); // both sides voided it
    wallet.run({ type: 'voidTransaction', transactionId: spent[5] });
    wallet.run({ type: 'restoreTransaction', transactionId: voidedBefore });
    wallet.run({ type: 'voidTransaction', transactionId: voidedBefore }); // and voided again
    wallet.run({ type: 'amendTransaction', transactionId: spent[6], payee: 'wallet amended', amount: '7.77' });
    wallet.run({ type: 'amendTransaction', transactionId: leg(wallet, fx, false), payee: 'wallet fx' });
    wallet.run({ type: 'setTransactionStatus', transactionId: spent[7], status: 'pending' });
    const mine = wallet.spend(cash, '6.00', '2025-02-10', 'after 1');
    wallet.run({ type: 'amendTransaction', transactionId: mine, payee: 'after 1 (fixed)' });
    wallet.spend(cash, '5.00', '2025-02-11', 'after 2');
    wallet.run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: bank, amount: '10.00', currency: 'CNY', date: '2025-02-12' });
    wallet.run({ type: 'voidTransaction', transactionId: imported[1] });
  });
  afterAll(() => {
    wallet.close();
    tmp.cleanup();
  });

  test('the same plan and differences as reading both journals, and the shared history is not read', async () => {
    const reader = await openBackup(backup, { session: wallet.session });
    expect(sharedHistory(reader, wallet.session)).toBe(shared);
    const backupTail = [...reader.events(shared + 1)].map((event) => event.payload);
    reader.close();
    const walletTail = [...wallet.session.events(shared + 1)].map((event) => event.payload);
    expect(walletFacts(wallet.projection, walletTail, backupTail)).not.toBeNull();

    const read: number[] = [];
    const fast = await previewMerge(backup, wallet.session, {}, (phase, done) => phase === 'read' && read.push(done), wallet.projection);
    const full = await previewMerge(backup, wallet.session);
    expect(read.every((done) => done >= shared)).toBe(true);
    expect(view(fast)).toEqual(view(full));
    expect(fast.changes).toEqual(full.changes);
    // The story is all there (not two empty answers).
    expect(fast).toMatchObject({ missingTransactions: 4, missingAccounts: 1, missingCategories: 1 });
    expect(full.changes.recorded.map((item) => item.label)).toEqual(expect.arrayContaining(['after 1 (fixed)', 'after 2']));
    expect(full.changes.voided.length + full.changes.restored.length + full.changes.amended.length).toBeGreaterThan(2);
    expect(await previewReplace(backup, wallet.session, undefined, wallet.projection)).toEqual(await previewReplace(backup, wallet.session));
  });

  test('a rate the backup sets and the wallet has no row for (it may have been cleared in the shared history): the journals are read', async () => {
    const reader = await openBackup(backup, { session: wallet.session });
    const backupTail = [...reader.events(shared + 1)].map((event) => event.payload);
    reader.close();
    const walletTail = [...wallet.session.events(shared + 1)].map((event) => event.payload);
    wallet.run({ type: 'setExchangeRate', currency: 'USD', base: 'CNY', rate: null });
    try {
      // Without the clearing event in the tail, the projection cannot tell "never set" from "set and cleared".
      expect(walletFacts(wallet.projection, walletTail, backupTail)).toBeNull();
      // With it (the wallet cleared it after the backup), it can.
      expect(walletFacts(wallet.projection, [...walletTail, eventsOf(wallet.session).at(-1)], backupTail)).not.toBeNull();
      const fast = await previewMerge(backup, wallet.session, {}, undefined, wallet.projection);
      const full = await previewMerge(backup, wallet.session);
      expect(view(fast)).toEqual(view(full));
      expect(fast.changes).toEqual(full.changes);
    } finally {
      wallet.run({ type: 'setExchangeRate', currency: 'USD', base: 'CNY', rate: '7.10' });
    }
  });
});

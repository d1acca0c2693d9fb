/**
 * One writer per wallet file, inside one process too (a second window's session), and the checks
 * that keep a stale state from ever becoming the truth: a snapshot is saved only from a projection
 * that holds exactly the events it covers, and verify checks every balance against its account's rule.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { asLedgerProjection, Ledger, ledgerProjectionFactory } from '../../electron/ledger';
import { createVault, openVault, type VaultSession } from '../../electron/vault';
import { errorOf, tempDir, TEST_KDF } from './support/helpers';

let tmp: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  tmp?.cleanup();
  tmp = null;
});

async function cashWallet(): Promise<{ path: string; session: VaultSession; ledger: Ledger; cashId: string }> {
  tmp = tempDir('ow-writer-');
  const path = tmp.file('w.onewallet');
  const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
  const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
  const ledger = new Ledger({ sink: session, projection });
  const cashId = ledger.execute({ type: 'openAccount', requestId: 'open', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' }).id;
  return { path, session, ledger, cashId };
}

describe('one writer per wallet file', () => {
  test('a second unlock in the same process is refused before the password is tried; lock releases it', async () => {
    const { path, session } = await cashWallet();
    const locked = openVault(path);
    try {
      expect(await errorOf(() => locked.unlock({ password: 'wrong' }))).toMatchObject({ code: 'wallet_busy', messageKey: 'errors.vault.open_elsewhere' });
      expect(locked.status().failures).toBe(0);
      session.lock();
      (await locked.unlock({ password: 'pw' })).session.lock();
    } finally {
      locked.close();
    }
  });

  test('a projection that does not hold exactly the covered events never becomes a snapshot', async () => {
    const { session, ledger, cashId } = await cashWallet();
    const stale = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
    ledger.execute({ type: 'recordTransaction', requestId: 'pay', kind: 'expense', accountId: cashId, amount: '80', currency: 'CNY', date: '2026-11-20' });
    expect(stale.lastSeq()).toBe(1);
    expect(await errorOf(() => session.saveSnapshot(stale, 2))).toMatchObject({ code: 'integrity', messageKey: 'errors.vault.snapshot_stale' });
    session.saveSnapshot(ledger.projection, 2);
    session.lock();
  });

  test('verify reports a balance that breaks its account rule (cash below 0), even when the chain is intact', async () => {
    const { session, ledger, cashId } = await cashWallet();
    ledger.execute({ type: 'recordTransaction', requestId: 'pay', kind: 'expense', accountId: cashId, amount: '80', currency: 'CNY', date: '2026-11-20' });
    expect((await session.verify(ledgerProjectionFactory)).ok).toBe(true);
    // What a second writer with a stale state once did: the same payment again, past the rules.
    const spend = [...session.events()].at(-1)!.payload as Record<string, unknown>;
    session.append([{ ...spend, eventId: randomUUID(), requestId: 'pay-again', transactionId: randomUUID() }]);
    const report = await session.verify(ledgerProjectionFactory);
    expect(report.ok).toBe(false);
    expect(report.problems).toMatchObject([{ where: 'ledger', messageKey: 'errors.ledger_balance_breaks_rule', params: { account: 'Cash', balance: '-60.00' } }]);
    session.lock();
  });
});

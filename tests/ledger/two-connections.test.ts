/**
 * KNOWN BUG, recorded so it cannot be forgotten: two connections to one wallet file (the app and
 * the CLI, or two CLI runs) each decide commands against the projection they loaded at unlock.
 * appendEvents reads the head inside its write transaction, so the chain stays valid, but nothing
 * checks that the deciding projection is current: the second connection records the same request
 * id again and its funds check passes on a stale balance.
 *
 * `test.fails` passes while the bug is there. When it is fixed (e.g. the sink refuses an append
 * whose projection is behind the journal, or the ledger catches up first), this test will fail:
 * then drop `.fails`.
 */
import { expect, test } from 'vitest';
import { asLedgerProjection, Ledger, ledgerProjectionFactory } from '../../electron/ledger';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from '../vault/support/helpers';

const PASSWORD = 'two connections';

test.fails('two connections paying with one request id record once and never overdraw (KNOWN BUG: records twice, Cash −6.00)', async () => {
  await vaultReady();
  const tmp = tempDir('ow-two-conn-');
  try {
    const path = tmp.file('w.onewallet');
    const { session } = await createVault(path, { password: PASSWORD, testOnlyKdf: TEST_KDF });
    const setup = new Ledger({ sink: session, projection: asLedgerProjection(await session.loadProjection(ledgerProjectionFactory)) });
    const cash = setup.execute({ type: 'openAccount', requestId: 'open', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '10' }).id;
    session.lock();

    const connect = async () => {
      const { session: s } = await openVault(path).unlock({ password: PASSWORD });
      const projection = asLedgerProjection(await s.loadProjection(ledgerProjectionFactory));
      return { session: s, projection, ledger: new Ledger({ sink: s, projection }) };
    };
    const app = await connect();
    const cli = await connect();
    const pay = { type: 'recordTransaction', requestId: 'receipt-1', kind: 'expense', accountId: cash, amount: '8', currency: 'CNY', date: '2024-06-01' };
    app.ledger.execute(pay);
    // The second connection must either see the first payment (and replay it) or refuse to write.
    try {
      cli.ledger.execute(pay);
    } catch {
      // a clear refusal is acceptable
    }
    app.session.lock();
    cli.session.lock();

    const check = await connect();
    expect(check.session.head().seq).toBe(2);
    expect(check.projection.balance(cash)).toBe(200);
    check.session.lock();
  } finally {
    tmp.cleanup();
  }
});

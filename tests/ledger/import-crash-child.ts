/**
 * Child process for tests/ledger/import-crash.test.ts (bundled with esbuild by the test): unlocks
 * the wallet, then records import batches of 3,000 rows forever through the real vault session
 * (cooperative sealing, one commit per batch), writing "ack <batchId>" after each one resolves.
 */
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openVault, vaultReady } from '../../electron/vault';
import { Ledger, asLedgerProjection, ledgerProjectionFactory } from '../../electron/ledger';
import { decideImportBatch } from '../../electron/ledger/decide-import';

async function run(): Promise<void> {
  const [path = '', password = '', accountId = ''] = process.argv.slice(2);
  await vaultReady();
  const { session } = await openVault(path).unlock({ password });
  const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
  const ledger = new Ledger({ sink: session, projection });
  writeSync(1, 'ready\n');
  for (let round = 0; ; round++) {
    const batchId = randomUUID();
    const input = {
      requestId: randomUUID(),
      batchId,
      accountId,
      format: 'csv' as const,
      fileName: 'crash.csv',
      encoding: 'utf-8',
      rows: Array.from({ length: 3000 }, (_, i) => ({ accountId, amountMinor: -(i + 1), date: '2024-05-01', payee: `p${i}`, note: '', externalId: `${round}-${i}`, line: i + 1 })),
    };
    await ledger.executeBatch(input.requestId, (ctx) => decideImportBatch(projection, input, ctx));
    writeSync(1, `ack ${batchId}\n`);
  }
}

run().catch((error: unknown) => {
  writeSync(2, `child failed: ${String(error)}\n`);
  process.exit(1);
});

/**
 * Child process for the crash-consistency test (bundled with esbuild by the test). Unlocks the
 * vault, then appends small batches forever, writing "ack <seq>" synchronously after each append
 * returns; every payload records the seq it expects, so the parent can check contents too.
 * Every so often it saves a snapshot, so kills also land in the middle of those.
 */
import { writeSync } from 'node:fs';
import { openVault, vaultReady } from '../../../electron/vault';
import { testProjections } from './projection';

async function run(): Promise<void> {
  const [path = '', password = ''] = process.argv.slice(2);
  await vaultReady();
  const { session } = await openVault(path).unlock({ password });
  const projection = await session.loadProjection(testProjections);
  writeSync(1, 'ready\n');
  let round = 0;
  for (;;) {
    const next = session.head().seq + 1;
    const size = 1 + (round % 4);
    const payloads = Array.from({ length: size }, (_, i) => ({ i: next + i, payee: `crash-${next + i}`, amount: next + i }));
    const acked = session.append(payloads);
    const last = acked.at(-1)?.seq ?? 0;
    writeSync(1, `ack ${last}\n`);
    payloads.forEach((p, i) => projection.apply(next + i, p));
    if (++round % 25 === 0) session.saveSnapshot(projection, last);
  }
}

run().catch((error: unknown) => {
  writeSync(2, `child failed: ${String(error)}\n`);
  process.exit(1);
});

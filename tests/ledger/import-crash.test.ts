/**
 * A crash in the middle of an import leaves the whole batch or nothing: a child records 3,000-row
 * import batches in a loop and is SIGKILLed at random moments (during sealing, the commit or the
 * fold). After each kill the wallet opens and verifies, every acknowledged batch is there, and
 * every batch in the journal has all its chunks.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { asLedgerProjection, ledgerProjectionFactory } from '../../electron/ledger';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { seededRandom, testSeed } from '../vault/support/rng';
import { bundleCrashChild, runCrashChild } from '../vault/support/kill-child';

const KILLS = process.env.ONEWALLET_STRESS === '1' ? 200 : 12;
const PASSWORD = 'import-crash';
let tmp: ReturnType<typeof tempDir>;
let child: string;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-import-crash-');
  child = join(tmp.dir, 'import-crash-child.cjs');
  await bundleCrashChild('tests/ledger/import-crash-child.ts', child);
});
afterAll(() => tmp.cleanup());

/** Kills the child `delayMs` after it is ready; returns the batches it acknowledged. */
async function runAndKill(path: string, accountId: string, delayMs: number): Promise<{ acked: string[]; stderr: string }> {
  const acked: string[] = [];
  const { stderr } = await runCrashChild(child, [path, PASSWORD, accountId], (line, kill) => {
    if (line === 'ready') setTimeout(kill, delayMs);
    else if (line.startsWith('ack ')) acked.push(line.slice(4));
  });
  return { acked, stderr };
}

describe('import crash consistency', () => {
  test(`${KILLS} SIGKILLs during imports leave whole batches or none`, async () => {
    const seed = testSeed('import crash');
    const random = seededRandom(seed);
    const path = tmp.file('import.onewallet');
    const { session } = await createVault(path, { password: PASSWORD, testOnlyKdf: TEST_KDF });
    const accountId = randomUUID();
    session.append([{ v: 1, type: 'AccountOpened', eventId: randomUUID(), requestId: 'open', at: new Date().toISOString(), accountId, name: 'Cash', kind: 'cash', currency: 'CNY', openingBalanceMinor: 0, creditLimitMinor: 0, openedOn: '2024-01-01' }]);
    session.lock();
    const acknowledged = new Set<string>();
    for (let kill = 0; kill < KILLS; kill++) {
      const context = `seed ${seed}, kill ${kill}`;
      const outcome = await runAndKill(path, accountId, Math.floor(random() * 1500));
      expect(outcome.stderr, context).toBe('');
      for (const id of outcome.acked) acknowledged.add(id);
      const locked = openVault(path);
      const { session: reopened } = await locked.unlock({ password: PASSWORD });
      if (kill % 4 === 3) expect((await reopened.verify(ledgerProjectionFactory)).problems, context).toEqual([]);
      const projection = asLedgerProjection(await reopened.loadProjection(ledgerProjectionFactory));
      const batches = projection.sql.all<{ id: string; row_count: number; chunk_count: number; chunks_seen: number; lines: number }>(
        'SELECT b.id, b.row_count, b.chunk_count, b.chunks_seen, (SELECT count(*) FROM transactions t WHERE t.import_batch = b.id) AS lines FROM import_batches b',
      );
      for (const batch of batches) {
        expect(batch.chunks_seen, context).toBe(batch.chunk_count);
        expect(batch.lines, context).toBe(3000);
      }
      const present = new Set(batches.map((batch) => batch.id));
      for (const id of acknowledged) expect(present.has(id), `${context}: acknowledged batch ${id}`).toBe(true);
      // 0 - n, not -n: with no batch committed yet the balance is 0, and -0 is not 0 to toBe.
      expect(projection.balance(accountId), context).toBe(0 - batches.length * 4_501_500);
      projection.close();
      reopened.lock();
      locked.close();
    }
    console.log(`import crash consistency: ${KILLS} kills, ${acknowledged.size} acknowledged batches, seed ${seed}`);
  }, 600_000);
});

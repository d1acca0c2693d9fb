/**
 * Crash consistency: a child process appends in a loop and reports each acknowledged seq; we
 * SIGKILL it at random moments. After every kill the vault must open, verify, and hold every
 * acknowledged event with the right content. ≥ 200 kills by default; ONEWALLET_STRESS=1 for 2000.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from './support/helpers';
import { testProjections } from './support/projection';
import { seededRandom, testSeed } from './support/rng';
import { bundleCrashChild, runCrashChild } from './support/kill-child';

const STRESS = process.env.ONEWALLET_STRESS === '1';
const KILLS = STRESS ? 2000 : 200;
const PASSWORD = 'crash-test';

let tmp: ReturnType<typeof tempDir>;
let child: string;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-crash-');
  child = join(tmp.dir, 'crash-child.cjs');
  await bundleCrashChild('tests/vault/support/crash-child.ts', child);
});
afterAll(() => tmp.cleanup());

/** Starts the child, kills it `delayMs` after its first ack (or before it is ready when delay < 0). Returns acked seqs. */
async function runAndKill(path: string, delayMs: number): Promise<{ maxAck: number; acks: number; sawReady: boolean; stderr: string }> {
  const seen = { maxAck: 0, acks: 0, sawReady: false, timer: null as NodeJS.Timeout | null };
  const onLine = (line: string, kill: () => void) => {
    if (line === 'ready') seen.sawReady = true;
    else if (line.startsWith('ack ')) {
      seen.acks++;
      seen.maxAck = Math.max(seen.maxAck, Number(line.slice(4)));
      if (delayMs >= 0 && !seen.timer) seen.timer = setTimeout(kill, delayMs);
    }
  };
  const { stderr } = await runCrashChild(child, [path, PASSWORD], onLine, delayMs < 0 ? -delayMs : undefined);
  if (seen.timer) clearTimeout(seen.timer);
  return { maxAck: seen.maxAck, acks: seen.acks, sawReady: seen.sawReady, stderr };
}

describe('crash consistency', () => {
  test(`${KILLS} SIGKILLs at random moments lose no acknowledged event`, async () => {
    const seed = testSeed('crash consistency');
    const random = seededRandom(seed);
    const path = tmp.file('crash.onewallet');
    (await createVault(path, { password: PASSWORD, testOnlyKdf: TEST_KDF })).session.lock();
    let acknowledged = 0;
    let midAppendKills = 0;
    const started = Date.now();
    for (let kill = 0; kill < KILLS; kill++) {
      const context = `seed ${seed}, kill ${kill}`;
      // Mostly shortly after appends start (mid-commit), sometimes while the child is still unlocking.
      const delay = random() < 0.1 ? -Math.floor(random() * 150) - 1 : Math.floor(random() * 30);
      const outcome = await runAndKill(path, delay);
      expect(outcome.stderr, context).toBe('');
      if (outcome.acks > 0) midAppendKills++;
      acknowledged = Math.max(acknowledged, outcome.maxAck);

      const locked = openVault(path);
      const { session } = await locked.unlock({ password: PASSWORD });
      const head = session.head().seq;
      expect(head, context).toBeGreaterThanOrEqual(acknowledged);
      const fullCheck = kill % 10 === 9 || kill === KILLS - 1;
      // Every 10th kill (and the last) walks everything with a full verify; the others check the tail.
      if (fullCheck) {
        const report = await session.verify(testProjections);
        expect(report.problems, context).toEqual([]);
        expect(report.events, context).toBe(head);
      }
      const from = Math.max(1, acknowledged - 50);
      for (const event of session.events(from)) {
        expect((event.payload as { i: number }).i, context).toBe(event.seq);
      }
      // The state an unlock builds (newest snapshot + replayed tail, possibly a snapshot the kill
      // interrupted) holds every journal event exactly once, and on full-check rounds is the same
      // state as a replay of the whole journal from nothing.
      const projection = await session.loadProjection(testProjections);
      // The factory made it, so it is the test projection (the vault's interface does not know rows()).
      const rows = (projection as ReturnType<typeof testProjections.empty>).rows();
      expect(rows.length, context).toBe(head);
      expect(rows.at(-1)?.seq ?? 0, context).toBe(head);
      if (fullCheck) {
        const replayed = testProjections.empty();
        for (const event of session.events()) replayed.apply(event.seq, event.payload);
        expect(projection.digest(), context).toBe(replayed.digest());
        replayed.close();
      }
      projection.close();
      session.lock();
      locked.close();
      acknowledged = head; // committed but unacknowledged events are kept too; the next round must keep them
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`crash consistency: ${KILLS} kills (${midAppendKills} during appends), ${acknowledged} events, ${seconds.toFixed(1)} s, seed ${seed}`);
    expect(midAppendKills).toBeGreaterThan(KILLS * 0.7);
  // A hang guard, not a speed target: each kill starts a Node child, which a busy machine makes slow.
  }, STRESS ? 3_600_000 : 1_200_000);
});

/**
 * Cooperative long work (electron/vault/cooperative.ts): replay and verify yield to the event loop
 * between slices of events, give the same results as before, and a lock between two slices stops
 * them with wallet_locked — never a report of "damage" read through wiped keys or a closed DB.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createVault, SLICE, vaultReady } from '../../electron/vault';
import { errorOf, payee, tempDir, TEST_KDF } from './support/helpers';
import { testProjections } from './support/projection';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
});
afterEach(() => tmp?.cleanup());

async function bigSession(events: number) {
  tmp = tempDir();
  const { session } = await createVault(tmp.file('w.onewallet'), { password: 'correct horse', testOnlyKdf: TEST_KDF });
  for (let i = 0; i < events; i += 1_000) session.append(Array.from({ length: Math.min(1_000, events - i) }, (_, j) => payee(i + j)));
  return session;
}

describe('cooperative replay and verify', () => {
  test('other callbacks run between slices, and the results are those of the whole walk', async () => {
    const session = await bigSession(5 * SLICE + 17);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const report = await session.verify(testProjections);
      expect(report).toMatchObject({ ok: true, problems: [], events: 5 * SLICE + 17 });
      const projection = await session.loadProjection(testProjections);
      const full = testProjections.empty();
      for (const e of session.events()) full.apply(e.seq, e.payload);
      expect(projection.digest()).toBe(full.digest());
      full.close();
    } finally {
      clearInterval(timer);
      session.lock();
    }
    expect(ticks).toBeGreaterThan(0);
  });

  test('unlocking from a snapshot lets the event loop turn before the snapshot is in (the decompress runs off the main thread), and a lock meanwhile stops it', async () => {
    const session = await bigSession(3 * SLICE);
    const built = await session.loadProjection(testProjections);
    session.saveSnapshot(built, 3 * SLICE);
    const digest = built.digest();
    built.close();
    let turned = false;
    let turnedBeforeSnapshot: boolean | null = null;
    setImmediate(() => (turned = true));
    const loaded = await session.loadProjection(testProjections, (p) => {
      if (p.phase === 'snapshot' && p.done === 1) turnedBeforeSnapshot = turned;
    });
    expect(turnedBeforeSnapshot).toBe(true);
    expect(loaded.digest()).toBe(digest);
    expect(session.warnings()).toEqual([]);
    loaded.close();
    // Locked while the snapshot decompresses: wallet_locked, not a warning or a half-loaded state.
    const pending = errorOf(() => session.loadProjection(testProjections));
    session.lock();
    expect(await pending).toMatchObject({ code: 'wallet_locked' });
  });

  test('a lock between two slices stops verify and replay with wallet_locked', async () => {
    const session = await bigSession(4 * SLICE);
    const verify = errorOf(() => session.verify(testProjections, (p) => p.done === SLICE && setImmediate(() => session.lock())));
    expect(await verify).toMatchObject({ code: 'wallet_locked' });
    expect(session.locked).toBe(true);
  });

  test('a lock during loadProjection stops the replay with wallet_locked and closes nothing twice', async () => {
    const session = await bigSession(4 * SLICE);
    const load = errorOf(() => session.loadProjection(testProjections, (p) => p.phase === 'replay' && p.done === SLICE && setImmediate(() => session.lock())));
    expect(await load).toMatchObject({ code: 'wallet_locked' });
  });
});

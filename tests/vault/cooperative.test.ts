/**
 * Cooperative long work (electron/vault/cooperative.ts): replay and verify yield to the event loop
 * between slices of events, give the same results as before, and a lock between two slices stops
 * them with wallet_locked — never a report of "damage" read through wiped keys or a closed DB.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { createVault, openVault, SLICE, vaultReady } from '../../electron/vault';
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

  test('a big batch commits as one transaction, then its WAL is synced and checkpointed; the connection is back to FULL and automatic checkpoints', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session } = await createVault(path, { password: 'correct horse', testOnlyKdf: TEST_KDF });
    const payloads = Array.from({ length: 40 }, (_, i) => ({ rows: Array.from({ length: 500 }, (__, j) => payee(i * 500 + j)) }));
    const appended = await session.appendCooperatively(payloads);
    expect(appended.map(({ seq }) => seq)).toEqual(payloads.map((_, i) => i + 1));
    // Checkpointed before it was acknowledged: the events are in the wallet file itself, not only in its
    // WAL (~1.5 MB, below the 1,000-page automatic checkpoint, which would otherwise leave them there).
    const bytes = payloads.reduce((sum, payload) => sum + JSON.stringify(payload).length, 0);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThan(3_500_000);
    expect(statSync(path).size).toBeGreaterThan(bytes);
    const { db } = (session as unknown as { ctx: { db: Database.Database } }).ctx;
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    session.append([payee(-1)]);
    session.lock();
    const { session: again } = await openVault(path).unlock({ password: 'correct horse' });
    expect([...again.events()].map(({ seq }) => seq)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    again.lock();
  });
});

/**
 * FORMAT.md's one rule for snapshots: the latest is the one with the greatest covers_seq (not the
 * newest row); one that does not authenticate — damaged, or moved here from another vault — is
 * ignored on unlock and reported (a warning there, a problem in verify), since the journal alone
 * holds the truth; one that authenticates but disagrees with the journal is damage.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { payee, tempDir, TEST_KDF } from './support/helpers';
import { testProjections } from './support/projection';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-snapshot-rule-');
});
afterAll(() => tmp.cleanup());

async function vaultWithSnapshots(name: string, coverages: number[]): Promise<string> {
  const path = tmp.file(name);
  const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
  session.append(Array.from({ length: 10 }, (_, i) => payee(i + 1)));
  const projection = await session.loadProjection(testProjections);
  projection.close();
  for (const covers of coverages) {
    // A projection covering exactly `covers` events, as the app would have saved it then.
    const partial = testProjections.empty();
    for (const event of session.events()) if (event.seq <= covers) partial.apply(event.seq, event.payload);
    session.saveSnapshot(partial, covers);
    partial.close();
  }
  session.lock();
  return path;
}

async function unlockAndLoad(path: string) {
  const locked = openVault(path);
  const { session } = await locked.unlock({ password: 'pw' });
  const replayTotals: number[] = [];
  const warnings: string[] = [];
  const projection = await session.loadProjection(testProjections, (p) => p.phase === 'replay' && replayTotals.push(p.total), (w) => warnings.push(w.messageKey));
  const digest = projection.digest();
  projection.close();
  const report = await session.verify(testProjections);
  session.lock();
  locked.close();
  return { replayed: replayTotals.at(-1), warnings, digest, report };
}

describe('which snapshot, and what a damaged one means', () => {
  test('the latest snapshot is the one covering the most events, even when an older-covering one was written later', async () => {
    const path = await vaultWithSnapshots('latest.onewallet', [8, 3]);
    const result = await unlockAndLoad(path);
    expect(result.replayed).toBe(2);
    expect(result.warnings).toEqual([]);
    expect(result.report).toMatchObject({ ok: true, events: 10, problems: [] });
  });

  test('a snapshot moved in from another vault is ignored on unlock (warning, state from the journal) and reported by verify', async () => {
    const path = await vaultWithSnapshots('target.onewallet', [4]);
    const reference = await unlockAndLoad(path);
    const donor = await vaultWithSnapshots('donor.onewallet', [9]);
    const from = new Database(donor, { readonly: true });
    const row = from.prepare('SELECT covers_seq, covers_tag, nonce, ciphertext, created_at FROM snapshots').get() as Record<string, unknown>;
    from.close();
    const into = new Database(path);
    into.prepare('INSERT INTO snapshots (covers_seq, covers_tag, nonce, ciphertext, created_at) VALUES (@covers_seq, @covers_tag, @nonce, @ciphertext, @created_at)').run(row);
    into.close();

    const result = await unlockAndLoad(path);
    expect(result.warnings).toEqual(['errors.vault.snapshot_unreadable']);
    // The foreign snapshot was skipped, the vault's own (covers 4) used: 6 events replayed, same state.
    expect(result.replayed).toBe(6);
    expect(result.digest).toBe(reference.digest);
    expect(result.report.ok).toBe(false);
    expect(result.report.problems).toMatchObject([{ where: 'snapshot', messageKey: 'errors.vault.snapshot_unreadable', params: { covers: 9 } }]);
  });
});

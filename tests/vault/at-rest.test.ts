/**
 * What reaches the disk: no plaintext in any file the vault writes, a password change that touches
 * the same few pages whatever the data size, and no old keyslot left behind after it.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { allBytes, payee, tempDir, TEST_KDF } from './support/helpers';
import { testProjections } from './support/projection';

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
});
afterEach(() => tmp?.cleanup());

const NEEDLES = ['Zephyrine', 'Quokka Bakery', 'xyzzy', '7319004', 'correct horse battery'];

function assertNoPlaintext(dir: string): number {
  const files = allBytes(dir);
  for (const { name, bytes } of files) {
    for (const needle of NEEDLES) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        expect(bytes.includes(Buffer.from(needle, encoding)), `${needle} (${encoding}) found in ${name}`).toBe(false);
      }
    }
  }
  return files.length;
}

describe('data at rest', () => {
  test('no payee, memo, amount or password appears in the db, -wal, -shm or any other file, open or closed', async () => {
    tmp = tempDir();
    const path = tmp.file('w.onewallet');
    const { session } = await createVault(path, { password: 'correct horse battery', testOnlyKdf: TEST_KDF });
    for (let i = 0; i < 20; i++) session.append(Array.from({ length: 10 }, (_, j) => payee(i * 10 + j)));
    const projection = await session.loadProjection(testProjections);
    session.saveSnapshot(projection, 200);
    session.append([payee(4)]);
    // While open: the WAL and shared-memory files exist and must be clean too.
    expect(assertNoPlaintext(tmp.dir)).toBeGreaterThanOrEqual(2);
    await session.changePassword('correct horse battery', 'another one');
    session.lock();
    assertNoPlaintext(tmp.dir);
    // Sanity check that the needles would have been found: the events really hold them.
    const { session: s2 } = await openVault(path).unlock({ password: 'another one' });
    expect(JSON.stringify([...s2.events()])).toContain('Zephyrine Quokka Bakery #4');
    s2.lock();
  });

  test('a password change rewrites the same few pages for 10 or 3000 events, and leaves no old slot behind', async () => {
    tmp = tempDir();
    const pagesChanged: number[] = [];
    for (const count of [10, 3000]) {
      const path = tmp.file(`w-${count}.onewallet`);
      const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
      for (let i = 0; i < count; i += 500) session.append(Array.from({ length: Math.min(500, count - i) }, (_, j) => payee(i + j)));
      session.lock(); // checkpoints: everything is in the main file
      const before = readFileSync(path);
      const reader = new Database(path, { readonly: true });
      const oldSlot = Buffer.from((reader.prepare("SELECT wrapped FROM keyslots WHERE role = 'primary'").get() as { wrapped: Buffer }).wrapped);
      reader.close();
      const locked = openVault(path);
      const { session: s2 } = await locked.unlock({ password: 'pw' });
      await s2.changePassword('pw', 'pw2');
      // Before closing: the old wrapped key must already be gone from every file.
      for (const { name, bytes } of allBytes(tmp.dir)) expect(bytes.includes(oldSlot), `old slot in ${name}`).toBe(false);
      s2.lock();
      locked.close();
      const after = readFileSync(path);
      expect(after.length).toBe(before.length);
      let changed = 0;
      for (let offset = 0; offset < after.length; offset += 4096) {
        if (!after.subarray(offset, offset + 4096).equals(before.subarray(offset, offset + 4096))) changed++;
      }
      pagesChanged.push(changed);
    }
    // Header page (change counter) + keyslot page + auth_state page: a constant, not a function of the events.
    expect(pagesChanged[0]).toBeLessThanOrEqual(4);
    expect(pagesChanged[1]).toBe(pagesChanged[0]);
  });
});

/**
 * A full disk under the app's engine (the path the UI takes): a write on a full tmpfs is refused
 * with the translated "disk is full" sentence, not SQLite's code; nothing half-written remains, and
 * once space is freed the wallet verifies, holds every acknowledged write and takes new ones.
 * Skipped, with a printed reason, where tmpfs cannot be mounted.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { callOk, callRefused, PASSWORD, startTestEngine } from '../engine/support';
import { tempDir } from '../vault/support/helpers';
import { fillDisk, mountTmpfs } from './support';

let tmp: ReturnType<typeof tempDir>;
let disk: ReturnType<typeof mountTmpfs>;

beforeAll(() => {
  tmp = tempDir('ow-faults-engine-full-');
  disk = mountTmpfs(tmp.dir, '16m');
  if ('skip' in disk) console.warn(disk.skip);
});
afterAll(() => {
  if (disk && 'unmount' in disk) disk.unmount();
  tmp.cleanup();
});

it('a payment on a full disk is refused as "disk full"; after space is freed every acknowledged write is there', async (context) => {
  if (!disk || !('dir' in disk)) return context.skip();
  const engine: Engine = await startTestEngine(disk.dir);
  try {
    await callOk(engine, 'wallet/create', { name: 'Home', password: PASSWORD });
    const cash = (await callOk(engine, 'ledger/openAccount', { requestId: 'open-cash', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100.00' })).ids[0] as string;
    const pay = (requestId: string, payee: string) =>
      ({ requestId, kind: 'expense', accountId: cash, amount: '1.00', currency: 'CNY', date: '2026-11-20', payee });
    await callOk(engine, 'ledger/recordTransaction', pay('before', 'Before the disk filled'));

    const filler = fillDisk(disk.dir);
    let refusal: Awaited<ReturnType<typeof callRefused>>;
    try {
      refusal = await callRefused(engine, 'ledger/recordTransaction', pay('during', 'While the disk was full'));
    } finally {
      rmSync(filler, { force: true });
    }
    expect(refusal).toMatchObject({ code: 'io_error', messageKey: 'errors.vault.disk_full' });

    const report = await callOk(engine, 'wallet/verify');
    expect(report.ok).toBe(true);
    await callOk(engine, 'ledger/recordTransaction', pay('after', 'After space was freed'));
    const page = await callOk(engine, 'ledger/transactions', {});
    const payees = (page.rows as { payee: string }[]).map((row) => row.payee).sort();
    expect(payees).toEqual(['After space was freed', 'Before the disk filled']);
    const accounts = (await callOk(engine, 'ledger/accounts')).accounts as { id: string; balanceMinor: number }[];
    expect(accounts.find((account) => account.id === cash)?.balanceMinor).toBe(9_800);
  } finally {
    await engine.dispose();
  }
});

/**
 * Real wallets for the backup tests: a vault file (fast test KDF) with the ledger's real
 * projection and command service on top, so history is made the way the app makes it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asLedgerProjection, Ledger, ledgerProjectionFactory, type LedgerProjection } from '../../../electron/ledger';
import { createVault, openVault, type VaultSession } from '../../../electron/vault';
import { TEST_KDF } from '../../vault/support/helpers';

export { TEST_KDF };

export interface TestWallet {
  path: string;
  session: VaultSession;
  projection: LedgerProjection;
  ledger: Ledger;
  recoveryKey?: string;
  run(command: Record<string, unknown>): string;
  account(name: string, currency?: string): string;
  spend(accountId: string, amount: string, date: string, payee?: string): string;
  close(): void;
}

export function tempDir(prefix = 'ow-backup-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function attach(path: string, session: VaultSession, recoveryKey?: string): Promise<TestWallet> {
  const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
  const ledger = new Ledger({ sink: session, projection });
  const run = (command: Record<string, unknown>) => ledger.execute({ requestId: randomUUID(), ...command }).id;
  return {
    path,
    session,
    projection,
    ledger,
    ...(recoveryKey ? { recoveryKey } : {}),
    run,
    account: (name, currency = 'CNY') => run({ type: 'openAccount', name, kind: 'bank', currency, openingBalance: '1000.00', openedOn: '2025-01-01' }),
    spend: (accountId, amount, date, payee = 'Shop') => run({ type: 'recordTransaction', kind: 'expense', accountId, amount, currency: 'CNY', date, payee }),
    close: () => {
      projection.close();
      session.lock();
    },
  };
}

export async function newWallet(path: string, password = 'correct horse 马'): Promise<TestWallet> {
  const { session, recoveryKey } = await createVault(path, { password, testOnlyKdf: TEST_KDF });
  return attach(path, session, recoveryKey);
}

export async function openWallet(path: string, password = 'correct horse 马'): Promise<TestWallet> {
  const locked = openVault(path);
  try {
    const { session } = await locked.unlock({ password });
    return attach(path, session);
  } finally {
    locked.close();
  }
}

/** Every event payload of a session, in journal order. */
export function eventsOf(session: { events(): IterableIterator<{ payload: unknown }> }): Record<string, unknown>[] {
  return [...session.events()].map((event) => event.payload as Record<string, unknown>);
}

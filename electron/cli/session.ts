/**
 * An open wallet for one CLI invocation: unlock with the password (+ --key-file), load the ledger
 * projection, run the work, then save a snapshot and lock. The snapshot policy is the app's
 * (WalletService): on lock, snapshot when the newest good snapshot no longer covers the head,
 * so the next unlock replays nothing. A snapshot is a cache; failing to write one loses nothing.
 */
import { Ledger, asLedgerProjection, ledgerProjectionFactory, type LedgerProjection } from '../ledger';
import { dirname, resolve } from 'node:path';
import { walletFileError } from '../support/os-errors';
import { openVault, type UnlockResult, type VaultSession } from '../vault';
import type { CliContext } from './context';
import { t } from './messages';
import { unlockEntries } from '../security/failed-attempts';
import type { SecurityEventKind } from '../../shared/contract';

export interface OpenLedger {
  session: VaultSession;
  projection: LedgerProjection;
  ledger: Ledger;
}

function reportFailures(ctx: CliContext, result: UnlockResult): void {
  const { count } = result.failedAttemptsSinceLastUnlock;
  if (count > 0) ctx.err(t('cli.failed_attempts', { count }));
}

/**
 * Writes to the wallet's encrypted security log, best effort: the log is an aid, so a read-only
 * wallet or a failed write never fails the command (whose change already happened).
 */
type LogDetails = Record<string, string | number | boolean | null>;

function appendToLog(session: VaultSession, records: () => { kind: SecurityEventKind; details: LogDetails; at?: string }[]): void {
  const at = new Date().toISOString();
  try {
    if (session.fileState() !== 'ok') return;
    session.appendSecurityLog(records().map((record) => ({ at: record.at ?? at, kind: record.kind, details: record.details })));
  } catch {
    // Best effort, as above.
  }
}

/**
 * The unlock cleared the public failed-attempt record: its attempts go into the wallet's encrypted
 * security log, with this unlock (via: cli). A read-only wallet cannot take them; the CLI says how
 * many there were either way.
 */
function logUnlock(result: UnlockResult): void {
  appendToLog(result.session, () =>
    unlockEntries(result.session, result.failedAttemptsSinceLastUnlock, 'unlocked', { via: 'cli' }).map((entry) => ({
      kind: entry.kind,
      details: entry.details ?? {},
      ...(entry.at ? { at: entry.at } : {}),
    })),
  );
}

/**
 * What the CLI changed goes into the wallet's security log like the app's changes do, marked
 * `via: cli`, so the Security view shows a password changed or a backup made from a terminal too.
 */
export function logCliEvent(session: VaultSession, kind: SecurityEventKind, details: LogDetails = {}): void {
  appendToLog(session, () => [{ kind, details: { ...details, via: 'cli' } }]);
}

/** Unlocks with an already-read password, runs `work`, always locks. */
export async function withUnlocked<T>(ctx: CliContext, password: string, keyFile: Uint8Array | undefined, work: (r: UnlockResult) => Promise<T>): Promise<T> {
  const path = ctx.vaultPath();
  try {
    return await unlocked(path, ctx, password, keyFile, work);
  } catch (error) {
    throw walletFileError(error, path, dirname(resolve(path)));
  }
}

async function unlocked<T>(path: string, ctx: CliContext, password: string, keyFile: Uint8Array | undefined, work: (r: UnlockResult) => Promise<T>): Promise<T> {
  const locked = openVault(path);
  try {
    const result = await locked.unlock(keyFile ? { password, keyFile } : { password });
    try {
      reportFailures(ctx, result);
      logUnlock(result);
      return await work(result);
    } finally {
      result.session.lock();
    }
  } finally {
    locked.close();
  }
}

/** Reads the password the usual way (stdin line 1 or ONEWALLET_PASSWORD) and the --key-file, then unlocks. */
export async function withWallet<T>(ctx: CliContext, work: (session: VaultSession) => Promise<T>): Promise<T> {
  const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
  const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
  return withUnlocked(ctx, password, keyFile, ({ session }) => work(session));
}

/** As withWallet, with the ledger loaded; snapshots before locking when the journal moved past the last one. */
export function withLedger<T>(ctx: CliContext, work: (open: OpenLedger) => T | Promise<T>): Promise<T> {
  return withWallet(ctx, async (session) => {
    let replayed = 0;
    const projection = asLedgerProjection(
      await session.loadProjection(ledgerProjectionFactory, (progress) => {
        if (progress.phase === 'replay') replayed = progress.total;
      }),
    );
    const snapshotSeq = session.head().seq - replayed;
    try {
      return await work({ session, projection, ledger: new Ledger({ sink: session, projection }) });
    } finally {
      const head = session.head().seq;
      // Only a projection that holds every journal event may become a snapshot.
      if (head !== 0 && head !== snapshotSeq && projection.lastSeq() === head) {
        try {
          session.saveSnapshot(projection, head);
        } catch {
          // The journal is the truth; the next unlock replays what this snapshot would have held.
        }
      }
      projection.close();
    }
  });
}

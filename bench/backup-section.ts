/**
 * Section 3 — backups at each size, as the app makes them: write + verify (sealed copy of the
 * journal, then trailer MAC, chain and every event decrypted), a later verify of the file, the
 * merge preview in the lose-and-recover case (a copy of the wallet from 5,000 events earlier at
 * 100k that has since recorded new transactions, previewing the backup that holds the lost
 * history), and a full restore as a new wallet followed by its first unlock (a backup holds no
 * snapshot, so that unlock replays the journal).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { previewMerge, restoreAsNewWallet, verifyBackup, writeBackup, type MergePlan } from '../electron/backup';
import { Ledger, asLedgerProjection, ledgerProjectionFactory } from '../electron/ledger';
import { openVault, type VaultSession } from '../electron/vault';
import { PASSWORD, copyVaultFile } from './dataset';
import { count, median, mib, ms, timed, timedAsync } from './stats';
import { printTable } from './table';
import { everydayExpenses } from './workload';

/** The lost wallet is a copy taken this many events before the end (5,000 at 100k). */
export function lostEvents(events: number): number {
  return Math.min(5_000, Math.floor(events / 10));
}
const NEW_SINCE = 200;

/** Build hook: copy the wallet file when it is `lostEvents` short of `events`. */
export function lostCopyHook(events: number, lostPath: string): [number, (session: VaultSession) => Promise<void>] {
  return [events - lostEvents(events), (session) => copyVaultFile(session.path, lostPath)];
}

export interface BackupOptions {
  session: VaultSession;
  dir: string;
  lostPath: string;
  /** Runs of the merge preview; writing and verifying (tens of seconds at 100k) run `slowRuns` times. */
  runs: number;
  slowRuns: number;
}

export interface BackupResult {
  events: number;
  backupBytes: number;
  writeMs: number;
  writeCopyMs: number;
  writeVerifyMs: number;
  verifyMs: number;
  previewMs: number;
  missingEvents: number;
  missingTransactions: number;
  /** Full restore as a new wallet: copying the image in, then the first unlock (KDF) and its replay. */
  restoreCopyMs: number;
  restoreKdfMs: number;
  restoreLoadMs: number;
}

/** The backup restored as a new wallet and opened: what a user waits for after "restore". */
async function timeRestore(backupPath: string, walletPath: string): Promise<{ copyMs: number; kdfMs: number; loadMs: number }> {
  const copy = timed(() => restoreAsNewWallet(backupPath, walletPath));
  const locked = openVault(walletPath);
  const unlock = await timedAsync(() => locked.unlock({ password: PASSWORD }));
  locked.close();
  const load = await timedAsync(() => unlock.value.session.loadProjection(ledgerProjectionFactory));
  load.value.close();
  unlock.value.session.lock();
  return { copyMs: copy.ms, kdfMs: unlock.ms, loadMs: load.ms };
}

export async function runBackupSection(options: BackupOptions): Promise<BackupResult> {
  const backupDir = join(options.dir, `backups-${options.session.head().seq}`);
  mkdirSync(backupDir);
  const writes: { total: number; copy: number; verify: number; bytes: number; path: string }[] = [];
  for (let run = 0; run < options.slowRuns; run += 1) {
    let verifyStart = Number.NaN;
    const start = performance.now();
    const entry = await writeBackup({
      session: options.session,
      dir: backupDir,
      walletName: 'Bench 一钱包',
      trigger: 'manual',
      appVersion: 'bench',
      // As the app does (backup/capability.ts): MAC, chain and every event's AEAD; no ledger rebuild.
      projections: null,
      onProgress: (phase) => {
        if (phase === 'verify' && Number.isNaN(verifyStart)) verifyStart = performance.now();
      },
    });
    const end = performance.now();
    writes.push({ total: end - start, copy: verifyStart - start, verify: end - verifyStart, bytes: entry.bytes, path: entry.path });
  }
  const backupPath = writes[writes.length - 1]!.path;

  const verifies: number[] = [];
  let verifiedEvents = 0;
  for (let run = 0; run < options.slowRuns; run += 1) {
    const result = await timedAsync(() => verifyBackup(backupPath, { session: options.session }, { projections: null, record: false }));
    if (!result.value.ok) throw new Error(`bench: backup failed to verify: ${JSON.stringify(result.value.problems.slice(0, 3))}`);
    verifies.push(result.ms);
    verifiedEvents = result.value.events;
  }

  // Lose-and-recover: the older copy records new transactions, then previews the backup.
  const locked = openVault(options.lostPath);
  const { session: lost } = await locked.unlock({ password: PASSWORD });
  locked.close();
  const previews: number[] = [];
  let plan: MergePlan | null = null;
  const lostHead = lost.head().seq;
  try {
    const projection = asLedgerProjection(await lost.loadProjection(ledgerProjectionFactory));
    const ledger = new Ledger({ sink: lost, projection });
    const next = everydayExpenses(projection, 11);
    for (let i = 0; i < NEW_SINCE; i += 1) ledger.execute(next());
    for (let run = 0; run < options.runs; run += 1) {
      const preview = await timedAsync(() => previewMerge(backupPath, lost, {}, undefined, projection));
      previews.push(preview.ms);
      plan = preview.value;
    }
  } finally {
    lost.lock();
  }
  if (!plan) throw new Error('bench: no merge preview');
  const restore = await timeRestore(backupPath, join(options.dir, `restored-${verifiedEvents}.onewallet`));

  const write = {
    total: median(writes.map((w) => w.total)),
    copy: median(writes.map((w) => w.copy)),
    verify: median(writes.map((w) => w.verify)),
  };
  printTable(
    `3. Backup — wallet of ${count(verifiedEvents)} events, backup file ${mib(writes[0]!.bytes)}`,
    ['operation', 'runs', 'time (median)', 'detail'],
    [
      ['backup + verify (writeBackup)', options.slowRuns, ms(write.total), `copy+seal ${ms(write.copy)}, verify ${ms(write.verify)}`],
      ['verify a backup file later (verifyBackup)', options.slowRuns, ms(median(verifies)), `${count(verifiedEvents)} events, MAC + chain + decrypt`],
      [
        `merge preview (previewMerge), wallet lacks the last ${count(verifiedEvents - lostHead)} events`,
        options.runs,
        ms(median(previews)),
        `${count(plan.missingEvents)} events, ${count(plan.missingTransactions)} transactions, ${plan.missingAccounts} accounts missing`,
      ],
      [
        'full restore as a new wallet, then its first unlock',
        1,
        ms(restore.copyMs + restore.kdfMs + restore.loadMs),
        `copy ${ms(restore.copyMs)}, KDF ${ms(restore.kdfMs)}, replay (no snapshot in a backup) ${ms(restore.loadMs)}`,
      ],
    ],
    [
      'Verification (both rows) as the app does it: trailer hash and MAC, keyslots, the chain and every event decrypted (no ledger rebuild; backup/FORMAT.md).',
      `The preview decrypts only what follows the history both share (chain tags): the wallet's ${NEW_SINCE} new events and the backup's ${count(verifiedEvents - lostHead)};`,
      `the shared ${count(lostHead)} events are asked of the open wallet's projection (merge-facts.ts), not decrypted;`,
      `the older copy recorded ${NEW_SINCE} new transactions first (lose-and-recover). Backup folder: ${backupDir}`,
    ],
  );
  return {
    events: verifiedEvents,
    backupBytes: writes[0]!.bytes,
    writeMs: Math.round(write.total),
    writeCopyMs: Math.round(write.copy),
    writeVerifyMs: Math.round(write.verify),
    verifyMs: Math.round(median(verifies)),
    previewMs: Math.round(median(previews)),
    missingEvents: plan.missingEvents,
    missingTransactions: plan.missingTransactions,
    restoreCopyMs: Math.round(restore.copyMs),
    restoreKdfMs: Math.round(restore.kdfMs),
    restoreLoadMs: Math.round(restore.loadMs),
  };
}

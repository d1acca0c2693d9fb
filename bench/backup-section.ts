/**
 * Section 3 — backups of the 100k wallet: write + verify (the app's path: sealed copy, then a full
 * re-open, chain walk and projection rebuild), a later verify of the file, and the merge preview
 * in the lose-and-recover case (a copy of the wallet from 5,000 events earlier that has since
 * recorded new transactions, previewing the backup that holds the lost history).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { previewMerge, verifyBackup, writeBackup, type MergePlan } from '../electron/backup';
import { Ledger, asLedgerProjection, ledgerProjectionFactory } from '../electron/ledger';
import { openVault, type VaultSession } from '../electron/vault';
import { PASSWORD, copyVaultFile } from './dataset';
import { count, median, mib, ms, timedAsync } from './stats';
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

export async function runBackupSection(options: BackupOptions): Promise<Record<string, unknown>> {
  const backupDir = join(options.dir, 'backups');
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
      const preview = await timedAsync(() => previewMerge(backupPath, lost));
      previews.push(preview.ms);
      plan = preview.value;
    }
  } finally {
    lost.lock();
  }
  if (!plan) throw new Error('bench: no merge preview');

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
    ],
    [
      'Verification (both rows) as the app does it: trailer hash and MAC, keyslots, the chain and every event decrypted (no ledger rebuild; backup/FORMAT.md).',
      `The preview reads every event of the backup and of the wallet (${count(verifiedEvents)} + ${count(lostHead + NEW_SINCE)}) and plans by event id;`,
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
  };
}

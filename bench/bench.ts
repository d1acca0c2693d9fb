/**
 * `npm run bench`: vault unlock/append, ledger reads (beside hledger) and backups at 10k/100k
 * events. Prints one table per section and a final `BENCH_JSON {…}` line. Numbers are medians of
 * several runs and ratios measured side by side, because the machines this runs on are shared.
 *
 * Environment: ONEWALLET_BENCH_SIZES (default "10000,100000"; the largest is used for sections 2
 * and 3), ONEWALLET_BENCH_RUNS (default 3), ONEWALLET_BENCH_DIR (parent of the temp folder;
 * default the OS temp dir — put it on the disk you care about, fsync cost is the point),
 * ONEWALLET_BENCH_KEEP=1 keeps the temp folder, ONEWALLET_BENCH_ONLY=import runs only the import section.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { calibrateKdf, vaultReady } from '../electron/vault';
import { lostCopyHook, runBackupSection } from './backup-section';
import { buildWallet, type BuildOptions } from './dataset';
import { runImportSection } from './import-section';
import { runLedgerSection } from './ledger-section';
import { count, ms, timedAsync } from './stats';
import { measureKdf, printVault, runVaultSize, snapshotHook, type VaultSizeResult } from './vault-section';

function numberList(text: string | undefined, fallback: number[]): number[] {
  const values = (text ?? '').split(',').map((value) => Number(value.trim())).filter((value) => Number.isSafeInteger(value) && value >= 2_000);
  return values.length ? [...new Set(values)].sort((a, b) => a - b) : fallback;
}

function load(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' ');
}

async function main(): Promise<void> {
  const started = performance.now();
  const sizes = numberList(process.env.ONEWALLET_BENCH_SIZES, [10_000, 100_000]);
  const runs = Math.max(2, Number(process.env.ONEWALLET_BENCH_RUNS) || 3);
  const dir = mkdtempSync(join(process.env.ONEWALLET_BENCH_DIR ?? tmpdir(), 'onewallet-bench-'));
  const largest = sizes[sizes.length - 1]!;
  console.log(`OneWallet bench — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${load()}`);
  console.log(`Sizes ${sizes.map(count).join(', ')} events; ${runs} runs per median; temp folder ${dir}`);
  const report: Record<string, unknown> = { node: process.version, cpus: cpus().length, loadBefore: loadavg(), sizes, runs };
  let keep: { lock(): void } | null = null;
  try {
    await vaultReady();
    const calibration = await timedAsync(() => calibrateKdf());
    const kdf = calibration.value;
    const kdfSamples = await measureKdf(kdf, runs);
    console.log(`Calibrated Argon2id in ${ms(calibration.ms)}: ops=${kdf.opsLimit}, mem=${kdf.memLimitBytes / 1024 / 1024} MiB`);

    if (process.env.ONEWALLET_BENCH_ONLY === 'import') {
      report.import = await runImportSection({ dir, kdf });
      return;
    }
    const results: VaultSizeResult[] = [];
    const lostPath = join(dir, 'lost.onewallet');
    let kept: Awaited<ReturnType<typeof runVaultSize>> | null = null;
    for (const events of sizes) {
      const at: BuildOptions['at'] = new Map([snapshotHook(events)]);
      if (events === largest) at.set(...lostCopyHook(events, lostPath));
      console.log(`Building a wallet of ${count(events)} events through the ledger…`);
      const wallet = await buildWallet(join(dir, `wallet-${events}.onewallet`), events, { kdf, at });
      const measured = await runVaultSize(wallet, dir, runs);
      results.push(measured.result);
      if (events === largest) kept = measured;
      else measured.session.lock();
      keep = kept?.session ?? null;
    }
    report.vault = printVault(kdf, kdfSamples, results, runs);
    if (!kept) throw new Error('bench: the largest wallet was not kept');

    report.ledger = runLedgerSection({ projection: kept.projection, dir, hledgerRuns: runs });
    // Writing + verifying 100k events takes tens of seconds: once at that size keeps the bench under ~8 minutes.
    report.backup = await runBackupSection({ session: kept.session, dir, lostPath, runs: Math.min(runs, 2), slowRuns: largest >= 50_000 ? 1 : Math.min(runs, 2) });
    report.import = await runImportSection({ dir, kdf });
  } finally {
    keep?.lock();
    if (process.env.ONEWALLET_BENCH_KEEP === '1') console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  report.loadAfter = loadavg();
  report.totalMs = Math.round(performance.now() - started);
  console.log(`\nDone in ${ms(performance.now() - started)}; load average now ${load()} (numbers above are noisy when it is high).`);
  console.log(`BENCH_JSON ${JSON.stringify(report)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

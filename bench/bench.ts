/**
 * `npm run bench` (add `-- --quick` for 10k events and one run): the vault (unlock, replay,
 * append), ledger reads beside hledger, ledger-cli and Actual Budget, backups (write + verify,
 * verify later, merge preview, full restore) at each size, file sizes against the journal, and
 * memory. Prints one table per section, then the summary of issue #15's targets and a final
 * `BENCH_JSON {…}` line. Numbers are medians of several runs and ratios measured side by side,
 * because the machines this runs on are shared.
 *
 * Peers are installed when missing, outside the project's dependencies: @actual-app/api with npm
 * into a temp folder (peers/actual.ts), hledger and ledger with apt-get when root (hledger.ts).
 *
 * Environment: ONEWALLET_BENCH_SIZES (default "10000,100000"; the largest is used for the ledger
 * section), ONEWALLET_BENCH_RUNS (default 3), ONEWALLET_BENCH_DIR (parent of the temp folder;
 * default the OS temp dir — put it on the disk you care about, fsync cost is the point),
 * ONEWALLET_BENCH_KEEP=1 keeps the temp folder, ONEWALLET_BENCH_ACTUAL_CAP_S caps seeding Actual
 * (default 600 s), ONEWALLET_BENCH_PEER=0 skips Actual (its rows say "Actual: —"; the #15 rows
 * are all still measured), ONEWALLET_BENCH_ONLY=import runs the import section alone,
 * ONEWALLET_BENCH_ONLY=backup only the three journal-walk targets (backup + verify, verify later,
 * replay without a snapshot) with the merge preview and restore, each run RUNS times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { calibrateKdf, openVault, vaultReady } from '../electron/vault';
import { searchTransactions, searchTransactionsAfter, type LedgerProjection, type TransactionCursor } from '../electron/ledger';
import { MAX_PAGE } from '../electron/ledger/queries';
import { actualRows, runActualSection, type ActualResult } from './actual-section';
import { lostCopyHook, runBackupSection, type BackupResult } from './backup-section';
import { CHILD_FLAG, inChild, runChild } from './child';
import { buildWallet, PASSWORD, type BuildOptions } from './dataset';
import { importSection } from './import-hook';
import { runImportSection } from './import-section';
import { runLedgerSection } from './ledger-section';
import { mb, peakRssBytes, rssBytes } from './memory';
import { count, median, mib, ms, sample, timedAsync } from './stats';
import { printSummary, times, type SummaryRow } from './summary';
import { printTable } from './table';
import { measureKdf, printVault, runVaultSize, snapshotHook, type VaultSizeResult } from './vault-section';

function numberList(text: string | undefined, fallback: number[]): number[] {
  const values = (text ?? '').split(',').map((value) => Number(value.trim())).filter((value) => Number.isSafeInteger(value) && value >= 2_000);
  return values.length ? [...new Set(values)].sort((a, b) => a - b) : fallback;
}

function load(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' ');
}

/**
 * Every live transaction, newest first, read page by page (MAX_PAGE rows a page) with a keyset
 * cursor: the total once from the first page, then each page from where the last one ended.
 */
function fullList(p: LedgerProjection): { ms: number; rows: number } {
  const run = sample(3, () => {
    const { total } = searchTransactions(p, { limit: 1 });
    let rows = 0;
    let after: TransactionCursor | null = null;
    do {
      const page = searchTransactionsAfter(p, { limit: MAX_PAGE }, after);
      rows += page.rows.length;
      after = page.next;
    } while (after);
    if (rows !== total) throw new Error(`bench: the full list read ${rows} rows of ${total}`);
    return rows;
  });
  return { ms: median(run.samples), rows: run.value };
}

async function main(): Promise<void> {
  const started = performance.now();
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [10_000] : numberList(process.env.ONEWALLET_BENCH_SIZES, [10_000, 100_000]);
  const runs = quick ? 1 : Math.max(2, Number(process.env.ONEWALLET_BENCH_RUNS) || 3);
  const skipPeer = process.env.ONEWALLET_BENCH_PEER === '0';
  const actualCapMs = (Number(process.env.ONEWALLET_BENCH_ACTUAL_CAP_S) || 600) * 1000;
  const dir = mkdtempSync(join(process.env.ONEWALLET_BENCH_DIR ?? tmpdir(), 'onewallet-bench-'));
  const largest = sizes[sizes.length - 1]!;
  const machine = `${cpus()[0]?.model ?? '?'}, ${cpus().length} CPUs, node ${process.version}, load average at start ${load()}`;
  console.log(`OneWallet bench${quick ? ' --quick' : ''} — ${machine}`);
  console.log(`Sizes ${sizes.map(count).join(', ')} events; ${runs} run(s) per median; temp folder ${dir}`);
  const report: Record<string, unknown> = { node: process.version, cpu: cpus()[0]?.model, cpus: cpus().length, loadBefore: loadavg(), sizes, runs, quick };
  const memory: Record<string, number> = {};
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
    if (process.env.ONEWALLET_BENCH_ONLY === 'backup') {
      report.backupOnly = await backupOnly(dir, kdf, sizes, runs);
      return;
    }
    const results: VaultSizeResult[] = [];
    const backups: BackupResult[] = [];
    const actual = new Map<number, ActualResult | null>();
    let kept: Awaited<ReturnType<typeof runVaultSize>> | null = null;
    for (const events of sizes) {
      const lostPath = join(dir, `lost-${events}.onewallet`);
      const at: BuildOptions['at'] = new Map([snapshotHook(events), lostCopyHook(events, lostPath)]);
      console.log(`Building a wallet of ${count(events)} events through the ledger…`);
      const wallet = await buildWallet(join(dir, `wallet-${events}.onewallet`), events, { kdf, at });
      const measured = await runVaultSize(wallet, dir, runs);
      results.push(measured.result);
      memory[`afterVault${events}`] = rssBytes();
      console.log(`Backups of the ${count(events)} wallet…`);
      backups.push(await runBackupSection({ session: measured.session, dir, lostPath, runs: Math.min(runs, 2), slowRuns: events >= 50_000 ? 1 : Math.min(runs, 2) }));
      if (!skipPeer) console.log(`Actual Budget with an account of ${count(events)} transactions (seeding capped at ${ms(actualCapMs)})…`);
      if (skipPeer) console.log('Actual Budget skipped (ONEWALLET_BENCH_PEER=0).');
      actual.set(events, skipPeer ? null : await runActualSection(actualRows(measured.projection, events), dir, actualCapMs));
      if (events === largest) kept = measured;
      else {
        measured.projection.close();
        measured.session.lock();
      }
      keep = kept?.session ?? null;
    }
    report.vault = printVault(kdf, kdfSamples, results, runs);
    if (!kept) throw new Error('bench: the largest wallet was not kept');

    const ledger = runLedgerSection({ projection: kept.projection, dir, hledgerRuns: runs });
    report.ledger = ledger;
    const list = fullList(kept.projection);
    memory.afterLedger = rssBytes();
    printBackups(backups, results);
    report.backup = backups;
    report.actual = Object.fromEntries(actual);
    printActual(actual, results);

    const imports = importSection();
    const importRows: SummaryRow[] = [];
    if (imports) {
      const measured = await imports({ dir, kdf, sizes, session: kept.session, projection: kept.projection });
      report.import = measured.json;
      importRows.push(...measured.summary);
    } else {
      importRows.push({ scenario: 'import 10k / 100k rows', ours: 'not in this build', peer: 'Actual importTransactions', ratio: '—', target: '—', pass: null });
    }
    memory.peakMain = peakRssBytes();
    report.memory = memory;
    const rows = summaryRows({ results, backups, actual, ledger, list, importRows });
    report.summary = rows;
    printSummary(rows, [
      `Machine: ${machine}; load average now ${load()}.`,
      'Peak RSS (VmHWM) is per process: unlock and replay ran in fresh child processes, Actual in its own; the bench process itself peaked at ' + mb(memory.peakMain) + '.',
    ]);
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

/**
 * ONEWALLET_BENCH_ONLY=backup: the journal walk's three targets without the rest of the bench. The
 * same wallets (snapshot 499 events behind the head, the lost copy for the merge preview), the
 * replay without a snapshot in fresh child processes, and the backup section with every slow row
 * run `runs` times (the full bench runs them once at 100k).
 */
async function backupOnly(dir: string, kdf: BuildOptions['kdf'], sizes: readonly number[], runs: number): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const rows: SummaryRow[] = [];
  for (const events of sizes) {
    const lostPath = join(dir, `lost-${events}.onewallet`);
    console.log(`Building a wallet of ${count(events)} events through the ledger…`);
    const wallet = await buildWallet(join(dir, `wallet-${events}.onewallet`), events, { kdf, at: new Map([snapshotHook(events), lostCopyHook(events, lostPath)]) });
    wallet.projection.close();
    wallet.session.lock();
    const replays: number[] = [];
    for (let run = 0; run < runs; run += 1) replays.push((await inChild('replay', wallet.path)).loadMs);
    const locked = openVault(wallet.path);
    const { session } = await locked.unlock({ password: PASSWORD });
    locked.close();
    try {
      const backup = await runBackupSection({ session, dir, lostPath, runs, slowRuns: runs });
      const replayMs = median(replays);
      const n = count(events);
      rows.push(
        { scenario: `backup + verify (${n})`, ours: `${ms(backup.writeMs)} (copy+seal ${ms(backup.writeCopyMs)}, verify ${ms(backup.writeVerifyMs)})`, peer: '—', ratio: '—', target: '≤ 2 s', pass: backup.writeMs <= 2_000, over: backup.writeMs / 2_000 },
        { scenario: `verify a backup later (${n})`, ours: ms(backup.verifyMs), peer: '—', ratio: '—', target: '≤ 2 s', pass: backup.verifyMs <= 2_000, over: backup.verifyMs / 2_000 },
        { scenario: `replay ${n}, no snapshot`, ours: `${ms(replayMs)} (runs ${replays.map(ms).join(', ')})`, peer: '—', ratio: '—', target: '≤ 3 s', pass: replayMs <= 3_000, over: replayMs / 3_000 },
      );
      out.push({ ...backup, replayMs: replays.map(Math.round) });
    } finally {
      session.lock();
    }
  }
  printSummary(rows, [`Medians of ${runs} runs each; load average now ${load()}.`]);
  return out;
}

function printBackups(backups: readonly BackupResult[], results: readonly VaultSizeResult[]): void {
  printTable(
    '3. Backups at each size (the app\'s path: sealed copy of the journal, then MAC + chain + every event decrypted)',
    ['events', 'journal', 'wallet file', 'backup file', 'backup + verify', 'verify later', 'merge preview', 'full restore (copy + KDF + replay)'],
    backups.map((b, i) => {
      const r = results[i]!;
      return [
        count(b.events), mib(r.journalBytes), `${mib(r.fileBytes)} (${(r.fileBytes / r.journalBytes).toFixed(2)}×)`, `${mib(b.backupBytes)} (${(b.backupBytes / r.journalBytes).toFixed(2)}×)`,
        `${ms(b.writeMs)} (copy ${ms(b.writeCopyMs)}, verify ${ms(b.writeVerifyMs)})`, ms(b.verifyMs), `${ms(b.previewMs)} (${count(b.missingEvents)} missing)`,
        `${ms(b.restoreCopyMs + b.restoreKdfMs + b.restoreLoadMs)} (${ms(b.restoreCopyMs)} + ${ms(b.restoreKdfMs)} + ${ms(b.restoreLoadMs)})`,
      ];
    }),
    ['journal = the journal table\'s pages (dbstat); sizes in parentheses are multiples of it. Merge preview: a copy of the wallet that lost its last events (5,000 at 100k) and recorded 200 new ones.'],
  );
}

function printActual(actual: ReadonlyMap<number, ActualResult | null>, results: readonly VaultSizeResult[]): void {
  const rows = results.map((r) => {
    const a = actual.get(r.events);
    if (!a) return [count(r.events), 'not installed', '', '', '', '', ''];
    if (a.timedOutAfterMs) return [count(r.events), `did not finish in ${ms(a.timedOutAfterMs)}`, '', '', '', '', ''];
    return [count(r.events), ms(a.seedMs), `${ms(a.addP50Ms)} / ${ms(a.addP95Ms)}`, `${ms(r.appendP50)} / ${ms(r.appendP95)}`, times(a.addP95Ms, r.appendP95), `${ms(a.listMs)} (${count(a.listRows)} rows)`, mb(a.peakRssBytes)];
  });
  const version = [...actual.values()].find((a) => a)?.version;
  printTable(
    `4. Actual Budget${version ? ` ${version}` : ''} (@actual-app/api, local budget, in its own process) on the same rows`,
    ['account of', 'seed (bulk import)', 'Actual add one p50 / p95', 'OneWallet append p50 / p95', 'p95 ratio', 'Actual getTransactions (all)', 'Actual peak RSS'],
    rows,
    ['Actual: addTransactions of one row into the seeded account, 20 times, timed inside its process; OneWallet: durable session.append of one event (section 1b).'],
  );
}

interface SummaryInput {
  results: readonly VaultSizeResult[];
  backups: readonly BackupResult[];
  actual: ReadonlyMap<number, ActualResult | null>;
  ledger: ReturnType<typeof runLedgerSection>;
  list: { ms: number; rows: number };
  importRows: SummaryRow[];
}

function summaryRows({ results, backups, actual, ledger, list, importRows }: SummaryInput): SummaryRow[] {
  const r = results[results.length - 1]!;
  const b = backups[backups.length - 1]!;
  const a = actual.get(r.events) ?? null;
  const size = count(r.events);
  const unlock = r.unlockChild;
  const replay = r.replayChild;
  const actualOk = a && !a.timedOutAfterMs;
  const hledgerBal = (ledger.operations as { hledgerMs: number | null }[])[0]?.hledgerMs ?? Number.NaN;
  const firstPage = (ledger.operations as { oursMs: number | null }[])[1]?.oursMs ?? Number.NaN;
  const rows: SummaryRow[] = [
    { scenario: `unlock ${size} (calibrated KDF + load from snapshot)`, ours: `${ms(unlock.kdfMs)} + ${ms(unlock.loadMs)}`, peer: '—', ratio: '—', target: 'load ≤ 0.3 s', pass: unlock.loadMs <= 300, over: unlock.loadMs / 300,
      why: 'profile (100k, load ≈ 4.5): reading the sealed ~20 MiB snapshot row ~120–160 ms and SQLite deserialize of the ~90 MiB projection ~130 ms on the main thread, decrypt + zstd in the worker, plus starting it. Closing it needs a smaller projection image (indexes built after load, or an encrypted file-backed projection opened in place instead of deserialized).' },
    { scenario: '  event-loop delay p99 during unlock', ours: `${ms(unlock.loopP99Ms)} (max ${ms(unlock.loopMaxMs)})`, peer: '—', ratio: '—', target: '≤ 50 ms', pass: unlock.loopP99Ms <= 50, over: unlock.loopP99Ms / 50,
      why: 'the two remaining main-thread blocks (snapshot row read, deserialize) are 100–250 ms each on a loaded machine; reading the row in the worker (its own read-only connection) would leave only the deserialize.' },
    { scenario: `replay ${size}, no snapshot`, ours: ms(replay.loadMs), peer: '—', ratio: '—', target: '≤ 3 s', pass: replay.loadMs <= 3_000, over: replay.loadMs / 3_000,
      why: 'every event is authenticated (chain tag and AEAD open in libsodium\'s heap), JSON-parsed and applied (line insert with its balance trigger, history row, request record), then the read indexes are built; after the walk was cut the fold\'s statements are most of the profile. Closing it: a cheaper fold (fewer rows per event, the balance trigger replaced by one pass at the end), and opening the next slice in a worker while this one is applied.' },
    {
      scenario: `durable append p50 / p95 (${size})`, ours: `${ms(r.appendP50)} / ${ms(r.appendP95)}`,
      peer: actualOk ? `Actual add ${ms(a.addP50Ms)} / ${ms(a.addP95Ms)}` : 'Actual: —', ratio: actualOk ? times(a.addP95Ms, r.appendP95) : '—',
      target: 'p95 ≤ 1 ms, ≥ 100× Actual', pass: r.appendP95 <= 1 && (!actualOk || a.addP95Ms / r.appendP95 >= 100), over: r.appendP95 / 1,
      why: 'a durable append is one WAL commit with synchronous=FULL: its fsync is the floor, and raw better-sqlite3 inserts of the same rows in the same folder measure the same p95 (section 1b). Only a disk with faster fsync, or giving up per-event durability (group commit), closes it.',
    },
    { scenario: `ledger execute p50 (${size})`, ours: ms(r.executeP50), peer: '—', ratio: '—', target: '≤ 1 ms', pass: r.executeP50 <= 1, over: r.executeP50 / 1, why: 'it includes the durable append above (the fsync); decide + apply alone are well under 1 ms.' },
    {
      scenario: 'balances, all accounts', ours: ms(ledger.balancesMs ?? Number.NaN), peer: `ledger ${ms(ledger.ledgerBalMs ?? Number.NaN)}, hledger ${ms(hledgerBal)}`,
      ratio: times(ledger.ledgerBalMs ?? Number.NaN, ledger.balancesMs ?? Number.NaN), target: `agree: ${ledger.agree === null ? '—' : ledger.agree ? 'yes' : 'NO'}`, pass: ledger.agree,
    },
    { scenario: 'first page (register, 100 lines)', ours: ms(firstPage), peer: '—', ratio: '—', target: '—', pass: null },
    {
      scenario: `full list, ${count(list.rows)} rows (keyset pages of ${MAX_PAGE})`, ours: ms(list.ms), peer: actualOk ? `Actual getTransactions ${ms(a.listMs)}` : 'Actual: —',
      ratio: actualOk ? times(a.listMs, list.ms) : '—', target: '≤ 300 ms', pass: list.ms <= 300, over: list.ms / 300,
      why: 'keyset pages (no OFFSET walk), lean rows (line + transfer counterpart as arrays, names looked up in JS); ~70% of the profile is SQLite walking tx_date and each row, the rest building the views. The app reads only the pages on screen; closing it for whole-list readers: fewer columns (the ones the list shows) or a covering list index.',
    },
    ...importRows,
  ];
  for (const [i, backup] of backups.entries()) {
    const n = count(backup.events);
    const last = i === backups.length - 1;
    rows.push(
      {
        scenario: `backup + verify (${n})`, ours: ms(backup.writeMs), peer: '—', ratio: '—', target: '≤ 2 s', pass: last ? backup.writeMs <= 2_000 : null, over: backup.writeMs / 2_000,
        why: `copy + seal ${ms(backup.writeCopyMs)} (SQLite backup of the file, hash and MAC of it) and a verify of every event (below). Closing it: verify events in a worker while the copy is sealed, and the per-event costs below.`,
      },
      {
        scenario: `verify a backup later (${n})`, ours: ms(backup.verifyMs), peer: '—', ratio: '—', target: '≤ 2 s', pass: last ? backup.verifyMs <= 2_000 : null, over: backup.verifyMs / 2_000,
        why: 'the walk of every event on one thread: SQLite page reads (one packed blob per row), keyed BLAKE2b chain tag and XChaCha20-Poly1305 open in libsodium\'s WASM heap (rowOpener, no copies in and out), UTF-8 decode and JSON.parse; before it the whole-file BLAKE2b of opening the copy. Closing it: check the journal in two workers by halves (the chain needs only the stored tag before each half, and a half with any problem is walked again the plain way so reports stay exact), and a native BLAKE2b.',
      },
      {
        scenario: `merge preview (${n})`, ours: ms(backup.previewMs), peer: '—', ratio: '—', target: '≤ 2 s', pass: last ? backup.previewMs <= 2_000 : null, over: backup.previewMs / 2_000,
        why: 'only the two tails after the shared history are decrypted (the backup\'s is the larger); the rest is opening the backup (MAC over the whole file).',
      },
      { scenario: `full restore + first unlock (${n})`, ours: ms(backup.restoreCopyMs + backup.restoreKdfMs + backup.restoreLoadMs), peer: '—', ratio: '—', target: '—', pass: null },
    );
  }
  rows.push(
    { scenario: `wallet file / journal (${size})`, ours: `${mib(r.fileBytes)} / ${mib(r.journalBytes)}`, peer: '—', ratio: `${(r.fileBytes / r.journalBytes).toFixed(2)}×`, target: '≤ 2×', pass: r.fileBytes <= 2 * r.journalBytes },
    { scenario: `one backup / journal (${size})`, ours: `${mib(b.backupBytes)} / ${mib(r.journalBytes)}`, peer: '—', ratio: `${(b.backupBytes / r.journalBytes).toFixed(2)}×`, target: '≤ 1× (+ small tables)', pass: b.backupBytes <= r.journalBytes * 1.01 },
    {
      scenario: `RSS, unlocked ${size} wallet (peak)`, ours: `${mb(unlock.rssBytes)} (${mb(unlock.peakRssBytes)})`, peer: actualOk ? `Actual peak ${mb(a.peakRssBytes)}` : '—',
      ratio: actualOk ? times(a.peakRssBytes, unlock.peakRssBytes) : '—', target: '≤ 300 MB', pass: unlock.rssBytes <= 300e6, over: unlock.rssBytes / 300e6,
      why: 'the projection is an in-memory SQLite database of ~94 MiB (transactions 25, requests 17, history 13, indexes ~37 MiB, dbstat), and while it loads its decompressed image exists beside SQLite\'s copy of it until freed; the worker decompresses into one buffer of the frame\'s stated size (zlib\'s chunks stayed in its malloc arena). Closing it further: a smaller projection (requests, indexes), or a file-backed projection.',
    },
    { scenario: `peak RSS, replay ${size} without snapshot`, ours: mb(replay.peakRssBytes), peer: '—', ratio: '—', target: '—', pass: null },
  );
  return rows;
}

if (process.argv[2] === CHILD_FLAG) {
  runChild(process.argv.slice(3)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

/**
 * `backup/*`: write and verify backups of the open wallet, list them, restore (full, merge, as a
 * new wallet), export, and the schedule (daily while running, on quit after changes). Every
 * failure is a DomainError from the backup engine, and the open wallet is untouched by it.
 *
 * Long work runs one slice per event-loop turn (the vault's cooperative loops), so the window and
 * the browser host stay responsive and `task/progress` gets through. Whatever reads the open
 * wallet's journal for long, writes it or locks it (create, merge preview/apply, export, full
 * restore, revert) is a queued job of the wallet service (the rule is in wallet-service.ts).
 * `backup/verify` is not: it reads only the backup file, through a reader that holds its own copy
 * of the key, so the wallet stays usable (and lockable) while a backup is being checked.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CHANGED_ITEMS_SHOWN, type BackupOverview, type BackupSettingsView, type WalletChangesView } from '../../shared/contract';
import type { WalletChanges } from './merge-differences';
import { DomainError, isDomainError } from '../../shared/errors';
import { exportError, folderError } from './errors';
import type { Capability, EngineDeps } from '../capability';
import { ledgerProjectionFactory } from '../ledger';
import type { OpenWallet, WalletService } from '../wallet/wallet-service';
import {
  applyMerge,
  backupToDestinations,
  collectPayloads,
  BackupScheduler,
  fullJson,
  journalSink,
  listBackups,
  listRevertCopies,
  previewMerge,
  previewReplace,
  replaceWalletWithBackup,
  restoreAsNewWallet,
  revertRestore,
  transactionsCsv,
  verifyBackup,
  writeExport,
  type BackupEntry,
  type BackupTrigger,
  type MergePlan,
  type ProgressReporter,
} from './index';
import { BackupSettingsStore } from './settings-store';
import { carrySecurityLog } from '../vault';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupCapability extends Capability {
  scheduler: BackupScheduler;
  /** A verified backup of the open wallet now, queued like any other job (used before an update installs). */
  backupNow(trigger: BackupTrigger): Promise<{ file: string; dir: string; verified: boolean }>;
}

export function init(deps: EngineDeps, wallets: WalletService): BackupCapability {
  const settings = new BackupSettingsStore(deps.dataDir);
  /** Merge plans wait here between preview and apply; only the newest one is kept. */
  let pendingPlan: { id: string; walletId: string; plan: MergePlan } | null = null;

  const progress = (kind: string): ProgressReporter => {
    const taskId = randomUUID();
    return (phase, done, total) => deps.bus.emit('task/progress', { taskId, kind, phase, done, total });
  };
  const destinations = () => [settings.get().primaryDir, settings.get().secondaryDir].filter((dir): dir is string => dir !== null);

  function entriesOf(dir: string): BackupEntry[] {
    if (!existsSync(dir)) return [];
    try {
      return listBackups(dir);
    } catch {
      return []; // an unreadable folder lists nothing; writing to it reports the real error
    }
  }

  function lastGood(): BackupEntry | null {
    const vaultId = wallets.current()?.vault.vaultId;
    if (!vaultId) return null;
    const mine = destinations()
      .flatMap(entriesOf)
      .filter((entry) => entry.vaultId === vaultId && entry.status === 'verified' && entry.createdAt);
    return mine.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0] ?? null;
  }

  /** A queued job: no append, lock or restore can interleave with the copy and its verification. */
  function backupNow(trigger: BackupTrigger) {
    return wallets.withOpen(async (open) => {
      try {
        const made = await backupOpen(open, trigger);
        wallets.recordSecurityEvent('backup_made', { trigger, file: made.file, verified: made.verified, failedDestinations: made.failures.length });
        return made;
      } catch (error) {
        wallets.recordSecurityEvent('backup_failed', { trigger, code: isDomainError(error) ? error.code : 'unexpected' });
        throw error;
      }
    });
  }

  async function backupOpen(open: OpenWallet, trigger: BackupTrigger) {
    // The default folder inside the data folder is ours to create; a folder the user chose must
    // exist, so a missing USB disk is reported instead of silently filling a mount point.
    const defaultDir = join(deps.dataDir, 'backups');
    if (settings.get().primaryDir === defaultDir) {
      try {
        mkdirSync(defaultDir, { recursive: true, mode: 0o700 });
      } catch (error) {
        throw folderError(error, defaultDir); // e.g. a file named "backups" in the way
      }
    }
    const outcomes = await backupToDestinations(destinations(), {
      session: open.vault,
      walletName: open.name,
      trigger,
      appVersion: deps.platform.appVersion,
      // Verification after writing authenticates every byte (trailer MAC, keyslots, the chain and
      // every event, snapshots). Rebuilding the whole ledger to compare it with the snapshot as well
      // tripled the time at 100k events (bench) for no extra assurance about the copy itself;
      // "Verify wallet" and `onewallet verify` still do that comparison.
      projections: null,
      onProgress: progress('backup'),
    }, settings.get().retention);
    const written = outcomes.find((outcome) => outcome.ok);
    const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [{ dir: outcome.dir, ...outcome.error }]));
    if (!written || !written.ok) {
      const first = outcomes.find((outcome) => !outcome.ok);
      throw first && !first.ok ? first.error : new DomainError('io_error', 'errors.backup.no_destination');
    }
    deps.bus.emit('backup/changed', { at: new Date().toISOString() });
    return {
      file: written.entry.file,
      dir: written.dir,
      verified: written.entry.status === 'verified',
      events: written.entry.events,
      failures: failures.map((failure) => ({ dir: failure.dir, code: failure.code, messageKey: failure.messageKey, params: failure.params })),
    };
  }

  const scheduler = new BackupScheduler(
    {
      now: () => Date.now(),
      setTimer: (run, ms) => setTimeout(run, ms).unref(),
      clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
      headSeq: () => wallets.current()?.vault.head().seq ?? null,
      lastBackup: () => {
        const entry = lastGood();
        return entry ? { seq: entry.headSeq ?? 0, at: Date.parse(entry.createdAt ?? '') } : null;
      },
      backup: async (trigger) => void (await backupNow(trigger)),
      onError: (trigger, error) => deps.log.warn(`${trigger} backup failed`, isDomainError(error) ? error.message : error),
    },
    { intervalHours: settings.get().intervalHours, onQuit: settings.get().onQuit },
  );
  scheduler.start();

  const keyFor = (secret?: { password: string } | { recoveryKey: string }) => {
    const session = wallets.current()?.vault ?? null;
    return secret ? { session, secret } : { session };
  };
  /** Only files inside the configured folders (or a folder the user typed) — never `..` tricks. */
  const fileIn = (dir: string, file: string) => join(resolve(dir), basename(file));

  const settingsView = (): BackupSettingsView => settings.get();

  return {
    scheduler,
    backupNow,
    handlers: {
      'backup/overview': (): BackupOverview => {
        const open = wallets.requireOpen();
        const backups = destinations().flatMap((dir) =>
          entriesOf(dir).map((entry) => ({
            file: entry.file,
            dir,
            status: entry.status,
            createdAt: entry.createdAt,
            headSeq: entry.headSeq,
            trigger: entry.trigger,
            bytes: entry.bytes,
            walletName: entry.walletName,
            mine: entry.vaultId === open.vault.vaultId,
            problem: entry.problem,
          })),
        );
        backups.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
        const good = lastGood();
        const staleAfter = Math.min(7 * DAY_MS, 2 * Math.max(1, settings.get().intervalHours) * 60 * 60 * 1000);
        return {
          settings: settingsView(),
          backups,
          lastGood: good ? { file: good.file, createdAt: good.createdAt ?? '' } : null,
          stale: !good || Date.now() - Date.parse(good.createdAt ?? '') > staleAfter,
          revertCopies: listRevertCopies(wallets.pathOf(open.id)).map((path) => basename(path)),
          changedSinceLastBackup: scheduler.changedSinceLastBackup(),
        };
      },
      'backup/create': () => backupNow('manual'),
      'backup/verify': async ({ dir, file, secret }) => {
        // Authenticity of every byte and event (as after writing); no ledger rebuild (see backup/FORMAT.md, "Reading").
        const result = await verifyBackup(fileIn(dir, file), keyFor(secret), { projections: null, onProgress: progress('verify') });
        wallets.recordSecurityEvent('backup_verified', { file: basename(file), ok: result.ok });
        return { ok: result.ok, events: result.events, problems: result.problems };
      },
      'backup/updateSettings': (patch) => {
        const next = settings.update({
          ...patch,
          ...(patch.primaryDir ? { primaryDir: resolve(patch.primaryDir) } : {}),
          ...(patch.secondaryDir ? { secondaryDir: resolve(patch.secondaryDir) } : {}),
        });
        scheduler.configure({ intervalHours: next.intervalHours, onQuit: next.onQuit });
        return next;
      },
      'backup/previewMerge': ({ dir, file, secret }) => wallets.withOpen(async (open) => {
        const plan = await previewMerge(fileIn(dir, file), open.vault, keyFor(secret), progress('merge-preview'), open.projection);
        pendingPlan = { id: randomUUID(), walletId: open.id, plan };
        return {
          planId: pendingPlan.id,
          missingEvents: plan.missingEvents,
          missingTransactions: plan.missingTransactions,
          missingAccounts: plan.missingAccounts,
          missingCategories: plan.missingCategories,
          since: plan.since,
          skippedEvents: plan.skippedEvents,
          items: plan.items.map((item) => ({
            id: item.id,
            kind: item.kind,
            label: item.label,
            date: item.date,
            amountMinor: item.amountMinor,
            currency: item.currency,
            voided: item.voided,
          })),
          changedSince: changesView(plan.changes),
        };
      }),
      'backup/restorePreview': ({ dir, file }) => wallets.withOpen(async (open) => changesView(await previewReplace(fileIn(dir, file), open.vault, progress('merge-preview'), open.projection))),
      'backup/applyMerge': ({ planId, picked }) => wallets.withOpen((open) => {
        if (!pendingPlan || pendingPlan.id !== planId || pendingPlan.walletId !== open.id) {
          throw new DomainError('not_found', 'errors.backup.plan_expired');
        }
        const { plan } = pendingPlan;
        pendingPlan = null; // a plan is applied once: a second apply would be planned anew and find nothing
        const result = applyMerge(plan, journalSink(open.vault, open.projection, ledgerProjectionFactory), picked ?? undefined, progress('merge'));
        wallets.recordSecurityEvent('merged', { events: result.appended });
        if (result.appended > 0) {
          wallets.noteAppended();
          deps.bus.emit('ledger/changed', { seq: open.vault.head().seq });
        }
        return result;
      }),
      'backup/restoreFull': ({ dir, file }) => wallets.withOpen(async (open) => {
        const walletPath = wallets.pathOf(open.id);
        const source = fileIn(dir, file);
        // Fully verified (MAC, chain, every event) with the open wallet's key before anything is
        // replaced: a damaged backup must never overwrite a good wallet.
        const check = await verifyBackup(source, { session: open.vault }, { projections: null, onProgress: progress('verify') });
        if (!check.ok) throw new DomainError('integrity', 'errors.backup.damaged', { detail: check.problems[0]?.detail ?? '' });
        const { revertPath } = await replaceWalletWithBackup(source, walletPath, {
          onProgress: progress('restore'),
          // The MAC of the very bytes that are swapped in, with the open wallet's key.
          authenticate: async (copy) => (await open.vault.openCopy(copy)).close(),
          beforeSwap: () => {
            wallets.recordSecurityEvent('restored', { file: basename(file) });
            wallets.lockNow('restore'); // the file is replaced only while nothing holds it open
          },
        });
        // The backup's log is a prefix of the replaced wallet's: bring the newer entries over.
        carrySecurityLog(revertPath, walletPath);
        wallets.announce();
        return { revertFile: basename(revertPath) };
      }),
      'backup/revert': ({ revertFile }) => wallets.withOpen((open) => {
        const walletPath = wallets.pathOf(open.id);
        const revertPath = join(dirname(walletPath), basename(revertFile));
        if (!listRevertCopies(walletPath).includes(revertPath)) throw new DomainError('not_found', 'errors.backup.revert_missing');
        wallets.recordSecurityEvent('restore_reverted', { file: basename(revertFile) });
        wallets.lockNow('restore');
        const { revertPath: replaced } = revertRestore(walletPath, revertPath);
        carrySecurityLog(replaced, walletPath);
        wallets.announce();
        return { ok: true as const };
      }),
      'backup/export': ({ format, dir, language, englishHeaders }) => wallets.withOpen(async (open) => {
        const events = await collectPayloads(open.vault.events());
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        // The default folder is ours to create; a folder the user chose must already exist.
        const target = dir ? resolve(dir) : join(deps.dataDir, 'exports');
        const path = join(target, `onewallet-${format === 'csv' ? 'transactions' : 'full'}-${stamp}.${format}`);
        if (!dir) {
          try {
            mkdirSync(target, { recursive: true, mode: 0o700 });
          } catch (error) {
            throw exportError(error, target, path);
          }
        }
        if (format === 'csv') {
          const { csv, count } = transactionsCsv(events, { language, englishHeaders });
          writeExport(path, csv);
          wallets.recordSecurityEvent('exported', { format, count });
          return { path, count };
        }
        const meta = {
          walletName: open.name,
          vaultId: open.vault.vaultId,
          headSeq: open.vault.head().seq,
          exportedAt: new Date().toISOString(),
          appVersion: deps.platform.appVersion,
        };
        const { json, count } = fullJson(events, meta);
        writeExport(path, json);
        wallets.recordSecurityEvent('exported', { format, count });
        return { path, count };
      }),
      'backup/restoreAsNew': ({ path, name }) => {
        const source = resolve(path);
        const walletId = wallets.adopt(name, (target) => restoreAsNewWallet(source, target));
        return { walletId };
      },
    },
    dispose: async () => {
      // "On quit if anything changed": while the wallet is still open, before it locks.
      await scheduler.beforeQuit().catch((error) => deps.log.warn('backup on quit failed', error));
      scheduler.stop();
    },
  };
}

/** The wire form of WalletChanges: every count, and only the newest few items of each list. */
function changesView(changes: WalletChanges): WalletChangesView {
  const newest = (items: WalletChanges['recorded']) => items.slice(0, CHANGED_ITEMS_SHOWN);
  return {
    recorded: changes.recorded.length,
    voided: changes.voided.length,
    restored: changes.restored.length,
    amended: changes.amended.length,
    newest: { recorded: newest(changes.recorded), voided: newest(changes.voided), restored: newest(changes.restored), amended: newest(changes.amended) },
  };
}

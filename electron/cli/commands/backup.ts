/**
 * Backup commands: `backup create|list|verify`, `restore FILE [--merge] [--dry-run]`, `export`.
 * Each declares its options; the CLI's parser reads them (electron/cli/args.ts). Secrets come the CLI's usual way: the wallet's
 * password first (--password-stdin line 1 or ONEWALLET_PASSWORD); a backup of ANOTHER wallet needs
 * its own password next (line 2 or ONEWALLET_BACKUP_PASSWORD).
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  applyMerge,
  fullJson,
  journalSink,
  listBackups,
  previewMerge,
  replaceWalletWithBackup,
  transactionsCsv,
  verifyBackup,
  writeBackup,
  writeExport,
} from '../../backup';
import { folderError } from '../../backup/errors';
import { ledgerProjectionFactory } from '../../ledger';
import { inspectCopy, openVault, unlockCopy, type VaultSession } from '../../vault';
import { group, single, syntax } from '../args';
import { UsageError, type CliContext } from '../context';
import { t } from '../messages';
import type { Action, Command, Options } from '../registry';
import { logCliEvent, withLedger, withWallet } from '../session';
import { pickLanguage } from '../../../shared/i18n';

const APP_VERSION = process.env.npm_package_version ?? 'cli';

async function password(ctx: CliContext): Promise<string> {
  const [value = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
  return value;
}

/** The backup's own password: only asked for when the backup belongs to another wallet. */
async function backupSecret(ctx: CliContext, file: string, ownVaultId: string | null): Promise<{ password: string } | undefined> {
  if (ownVaultId !== null && inspectCopy(file).vaultId === ownVaultId) return undefined;
  const specs = [
    ...(ownVaultId !== null ? [{ name: 'password' as const, env: 'ONEWALLET_PASSWORD' }] : []),
    { name: 'password' as const, env: 'ONEWALLET_BACKUP_PASSWORD' },
  ];
  const values = await ctx.secrets(specs);
  return { password: values[values.length - 1] ?? '' };
}

const defaultDir = (ctx: CliContext) => join(dirname(ctx.vaultPath()), 'backups');
const walletName = (ctx: CliContext) => basename(ctx.vaultPath(), extname(ctx.vaultPath()));

const DIR: Options = { dir: { type: 'string', value: 'DIR', helpKey: 'cli.help.opt.backup_dir' } };

const create: Action = {
  usage: 'backup create',
  summaryKey: 'cli.help.summary.backup_create',
  positionals: 0,
  options: DIR,
  async run(ctx, input) {
    const given = input.string('dir');
    const dir = given ?? defaultDir(ctx);
    if (given === undefined) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
      } catch (error) {
        throw folderError(error, dir);
      }
    }
    const entry = await withWallet(ctx, async (session) => {
      const made = await writeBackup({ session, dir, walletName: walletName(ctx), trigger: 'manual', appVersion: APP_VERSION, projections: ledgerProjectionFactory });
      logCliEvent(session, 'backup_made', { trigger: 'manual', file: basename(made.path), verified: true });
      return made;
    });
    if (ctx.options.json) ctx.json({ path: entry.path, verified: true, events: entry.events });
    else ctx.out(t('cli.backup.created', { path: entry.path, events: entry.events }));
    return 0;
  },
};

const list: Action = {
  usage: 'backup list',
  summaryKey: 'cli.help.summary.backup_list',
  positionals: 0,
  options: DIR,
  async run(ctx, input) {
    const dir = input.string('dir') ?? defaultDir(ctx);
    const entries = listBackups(dir);
    if (ctx.options.json) ctx.json(entries);
    else if (entries.length === 0) ctx.out(t('cli.backup.list_empty', { dir }));
    else for (const e of entries) ctx.out(t('cli.backup.list_line', { status: e.status, created: e.createdAt ?? '?', seq: e.headSeq ?? '?', file: e.file }));
    return 0;
  },
};

const verify: Action = {
  usage: 'backup verify FILE',
  summaryKey: 'cli.help.summary.backup_verify',
  positionals: 1,
  options: {},
  async run(ctx, input) {
    const file = input.arg(0);
    // Verifying needs only the backup's own password (line 1 / ONEWALLET_PASSWORD); no wallet is opened.
    const secret = await password(ctx);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    const result = await verifyBackup(file, { secret: keyFile ? { password: secret, keyFile } : { password: secret } }, { projections: ledgerProjectionFactory });
    const problems = result.problems.map(({ where, seq, detail }) => ({ where, ...(seq === undefined ? {} : { seq }), detail }));
    if (ctx.options.json) ctx.json({ ok: result.ok, events: result.events, problems });
    else if (result.ok) ctx.out(t('cli.backup.verify_ok', { events: result.events }));
    else {
      ctx.out(t('cli.backup.verify_failed', { count: problems.length }));
      for (const p of problems) ctx.out(`  - [${p.where}${p.seq === undefined ? '' : ` #${p.seq}`}] ${p.detail}`);
    }
    return result.ok ? 0 : 4;
  },
};

const restore: Action = {
  usage: 'restore FILE',
  summaryKey: 'cli.help.summary.restore',
  positionals: 1,
  options: {
    merge: { type: 'boolean', helpKey: 'cli.help.opt.merge' },
    'dry-run': { type: 'boolean', helpKey: 'cli.help.opt.dry_run' },
  },
  async run(ctx, input) {
    const file = input.arg(0);
    const dryRun = input.flag('dry-run');

    if (input.flag('merge')) {
      const locked = openVault(ctx.vaultPath());
      const ownId = locked.vaultId;
      locked.close();
      const secret = await backupSecret(ctx, file, ownId);
      const preview = async (session: VaultSession) => {
        const plan = await previewMerge(file, session, secret ? { secret } : {});
        return { plan, counts: { missingEvents: plan.missingEvents, missingTransactions: plan.missingTransactions, missingAccounts: plan.missingAccounts } };
      };
      if (dryRun) {
        const { plan, counts } = await withWallet(ctx, preview);
        if (ctx.options.json) ctx.json(counts);
        else if (plan.missingEvents === 0) ctx.out(t('cli.backup.merge_nothing'));
        else ctx.out(t('cli.backup.merge_preview', { transactions: plan.missingTransactions, accounts: plan.missingAccounts, events: plan.missingEvents, since: plan.since ?? '?' }));
        return 0;
      }
      // Through withLedger: the merged events land in the loaded projection, which is snapshotted before locking.
      return withLedger(ctx, async ({ session, projection }) => {
        const { plan, counts } = await preview(session);
        const result = applyMerge(plan, journalSink(session, projection, ledgerProjectionFactory));
        if (result.appended > 0) logCliEvent(session, 'merged', { events: result.appended });
        if (ctx.options.json) ctx.json({ ...counts, appended: result.appended });
        else ctx.out(t('cli.backup.merged', { events: result.appended, transactions: result.transactions, accounts: result.accounts }));
        return 0;
      });
    }

    // Full restore: the backup must verify with its own password before the wallet file is touched.
    const secret = (await backupSecret(ctx, file, null))!;
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    const check = await verifyBackup(file, { secret: keyFile ? { ...secret, keyFile } : secret }, { projections: ledgerProjectionFactory, record: false });
    if (!check.ok) {
      ctx.err(check.problems[0]?.detail ?? t('errors.backup.damaged', { detail: '' }));
      return 4;
    }
    if (dryRun) {
      if (ctx.options.json) ctx.json({ ok: true, events: check.events, createdAt: check.header.info.createdAt ?? null });
      else ctx.out(t('cli.backup.verify_ok', { events: check.events }));
      return 0;
    }
    // Re-checked right before the swap with the backup's own secret (its MAC, not only its hash);
    // the swap itself is refused while the wallet is open in another window or process.
    const backupKey = keyFile ? { ...secret, keyFile } : secret;
    const { revertPath } = await replaceWalletWithBackup(file, ctx.vaultPath(), {
      authenticate: async (copy) => (await unlockCopy(copy, backupKey)).close(),
    });
    if (ctx.options.json) ctx.json({ ok: true, events: check.events, revertPath });
    else {
      ctx.out(t('cli.backup.restored', { revert: revertPath }));
      ctx.out(t('cli.backup.restored_password'));
    }
    return 0;
  },
};

const exportAction: Action = {
  usage: 'export',
  summaryKey: 'cli.help.summary.export',
  positionals: 0,
  options: {
    format: { type: 'string', value: 'csv|json', required: true, helpKey: 'cli.help.opt.format' },
    out: { type: 'string', value: 'FILE', required: true, helpKey: 'cli.help.opt.out' },
    'english-headers': { type: 'boolean', helpKey: 'cli.help.opt.english_headers' },
  },
  async run(ctx, input) {
    const format = input.string('format');
    // People get the CSV in their terminal's language; tools ask for the stable English form.
    const csvOptions = { language: pickLanguage([ctx.io.env.LC_ALL, ctx.io.env.LANG]), englishHeaders: input.flag('english-headers') };
    const out = input.string('out') ?? '';
    if (format !== 'csv' && format !== 'json') throw new UsageError(t('cli.help.format_invalid', { format: format ?? '' }), [syntax(exportAction)]);
    const count = await withWallet(ctx, async (session) => {
      const events = [...session.events()].map((event) => event.payload);
      const { text, count } =
        format === 'csv'
          ? (({ csv, count }) => ({ text: csv, count }))(transactionsCsv(events, csvOptions))
          : (({ json, count }) => ({ text: json, count }))(
              fullJson(events, { vaultId: session.vaultId, walletName: walletName(ctx), headSeq: session.head().seq, exportedAt: new Date().toISOString(), appVersion: APP_VERSION }),
            );
      writeExport(out, text);
      logCliEvent(session, 'exported', { format, count });
      return count;
    });
    if (ctx.options.json) ctx.json({ path: out, format, count, encrypted: false });
    else ctx.out(t('cli.backup.exported', { count, path: out }));
    return 0;
  },
};

export const backupCommands: Command[] = [group('backup', { create, list, verify }), single('restore', restore), single('export', exportAction)];

/**
 * `onewallet crash list | show ID | export --out FILE`: the crash reports the app keeps, read from
 * the same store (`<data folder>/crashes`). The data folder is `--data-dir DIR`, else
 * ONEWALLET_DATA_DIR, else the folder that holds `wallets/` of --vault. Nothing here needs a
 * password: reports were scrubbed before they were written.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DomainError } from '../../../shared/errors';
import { buildBundle } from '../../crash/bundle';
import { CrashReporter } from '../../crash/reporter';
import { writeFileAtomic } from '../../support/atomic-file';
import { fileError } from '../../support/os-errors';
import { group } from '../args';
import { UsageError, type CliContext } from '../context';
import { t } from '../messages';
import type { Action, Options } from '../registry';

const DATA_DIR: Options = { 'data-dir': { type: 'string', value: 'DIR', helpKey: 'cli.help.opt.data_dir' } };

function dataDir(ctx: CliContext, given: string | undefined): string {
  const fromEnv = ctx.io.env.ONEWALLET_DATA_DIR;
  if (given) return resolve(given);
  if (fromEnv) return resolve(fromEnv);
  const vault = ctx.options.vault ?? ctx.io.env.ONEWALLET_VAULT;
  if (vault && basename(dirname(resolve(vault))) === 'wallets') return dirname(dirname(resolve(vault)));
  throw new UsageError(t('cli.crash.no_data_dir'));
}

const reporterFor = (ctx: CliContext, given: string | undefined) => new CrashReporter({ dataDir: dataDir(ctx, given), appVersion: process.env.ONEWALLET_VERSION ?? 'cli' });

const list: Action = {
  usage: 'crash list',
  summaryKey: 'cli.help.summary.crash_list',
  positionals: 0,
  options: DATA_DIR,
  async run(ctx, input) {
    const reports = reporterFor(ctx, input.string('data-dir')).store.summaries();
    if (ctx.options.json) ctx.json(reports);
    else if (reports.length === 0) ctx.out(t('cli.crash.none'));
    else for (const r of reports) ctx.out(`${r.id}  ${r.createdAt}  ${r.process}/${r.kind}${r.test ? ' (test)' : ''}  ${r.name}: ${r.message.split('\n')[0]}`);
    return 0;
  },
};

const show: Action = {
  usage: 'crash show ID',
  summaryKey: 'cli.help.summary.crash_show',
  positionals: 1,
  options: DATA_DIR,
  async run(ctx, input) {
    const report = reporterFor(ctx, input.string('data-dir')).store.read(input.arg(0));
    if (!report) throw new DomainError('not_found', 'errors.crash.not_found');
    // The stored report is what would be shared; both forms print all of it.
    ctx.out(ctx.options.json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
    return 0;
  },
};

const exportAction: Action = {
  usage: 'crash export',
  summaryKey: 'cli.help.summary.crash_export',
  positionals: 0,
  options: { ...DATA_DIR, out: { type: 'string', value: 'FILE', helpKey: 'cli.help.opt.crash_out', required: true } },
  async run(ctx, input) {
    const out = resolve(input.string('out') ?? '');
    if (existsSync(out)) throw new DomainError('already_exists', 'cli.crash.out_exists', { path: out });
    const reporter = reporterFor(ctx, input.string('data-dir'));
    const reports = reporter.store.list();
    const bundle = buildBundle(reporter, { reports, problem: null, diagnostics: false, statistics: { wallets: 0, formatVersion: null, events: null }, log: [] });
    try {
      writeFileAtomic(out, `${JSON.stringify(bundle, null, 2)}\n`);
    } catch (error) {
      throw fileError(error, out);
    }
    if (ctx.options.json) ctx.json({ path: out, reports: reports.length });
    else ctx.out(t('cli.crash.exported', { count: reports.length, path: out }));
    return 0;
  },
};

export const crashCommands = [group('crash', { list, show, export: exportAction })];

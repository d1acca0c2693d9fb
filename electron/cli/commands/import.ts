/**
 * `onewallet import FILE --account A [--format F] [--mapping FILE] [--dry-run]`, `import undo BATCH`,
 * `import restore BATCH` and `import list`. The same parser, planner and batch as the wizard
 * (electron/import/service.ts). A script gets all or nothing: a file with any row the parser or
 * the planner could not take is refused (exit 5) and nothing is written; possible duplicates are
 * skipped (the wizard is where a person includes them). Importing the same file again records
 * nothing and exits 0.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError } from '../../../shared/errors';
import { toDecimalString } from '../../../shared/money';
import { z } from 'zod';
import { CategoryMap, IMPORT_FORMATS, type ImportCommitResult } from '../../../shared/import-views';
import type { LedgerProjection } from '../../ledger';
import { readSource } from '../../import/capability';
import * as service from '../../import/service';
import { fileError } from '../../support/os-errors';
import { parseForm, syntax } from '../args';
import { UsageError, type CliContext } from '../context';
import { t } from '../messages';
import type { Action, Command } from '../registry';
import { logCliEvent, withLedger } from '../session';
import { accountId } from './ledger-lookup';

function readMapping(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw fileError(error, resolve(path));
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new DomainError('invalid_input', 'cli.import.mapping_not_json', { path });
}

const fold = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('en-US');
const mappingInvalid = (column: string) => new DomainError('invalid_input', 'errors.import.mapping_invalid', { line: 0, column });

/** `"categories": { "餐饮美食": "Food" | "<category id>" | null }`: wallet categories by id or name. */
function resolveCategories(p: LedgerProjection, value: unknown): Record<string, string | null> {
  const checked = CategoryMap.safeParse(value);
  if (!checked.success) throw mappingInvalid('categories');
  const categories = service.walletCategories(p);
  return Object.fromEntries(
    Object.entries(checked.data).map(([text, wanted]) => {
      if (wanted === null) return [text, null];
      const found = categories.find((c) => c.id === wanted) ?? categories.find((c) => fold(c.name) === fold(wanted));
      if (!found) throw mappingInvalid(`categories.${text}`);
      return [text, found.id];
    }),
  );
}

/**
 * `"transferAccounts": { "Savings": "My savings" | "<account id>" }`: QIF `[Account]` names → open
 * wallet accounts by id (what the wizard's "Export as JSON" writes) or by name.
 */
function resolveTransferAccounts(p: LedgerProjection, value: unknown): Record<string, string> {
  const checked = z.record(z.string().max(200), z.string().min(1).max(200)).safeParse(value);
  if (!checked.success) throw mappingInvalid('transferAccounts');
  const byId = (id: string) => {
    const account = p.account(id);
    return account && !account.closed ? account.id : undefined;
  };
  return Object.fromEntries(Object.entries(checked.data).map(([name, wanted]) => [name, byId(wanted) ?? accountId(p, wanted)]));
}

interface ErrorLine {
  row: number;
  column: string | null;
  message: string;
}

const importFile: Action = {
  usage: 'import FILE',
  summaryKey: 'cli.import.summary',
  positionals: 1,
  options: {
    account: { type: 'string', value: 'NAME', required: true, helpKey: 'cli.import.opt_account' },
    format: { type: 'string', value: 'F', helpKey: 'cli.import.opt_format' },
    mapping: { type: 'string', value: 'FILE', helpKey: 'cli.import.opt_mapping' },
    'statement-account': { type: 'string', value: 'ACCOUNT', helpKey: 'cli.import.opt_statement_account' },
    'dry-run': { type: 'boolean', helpKey: 'cli.import.opt_dry_run' },
    'request-id': { type: 'string', value: 'ID', helpKey: 'cli.ledger.opt.request_id' },
  },
  run: async (ctx, input) => {
    const format = input.string('format') ?? 'auto';
    if (format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(t('cli.import.format_unknown', { format, formats: ['auto', ...IMPORT_FORMATS].join(', ') }), [syntax(importFile)]);
    }
    const mappingPath = input.string('mapping');
    const file = mappingPath === undefined ? undefined : readMapping(mappingPath);
    // The mapping file is a CSV mapping, and may carry a category map and QIF transfer accounts beside it.
    const { categories: categoryMap, transferAccounts: transferMap, ...mapping } = file ?? {};
    const source = readSource({ path: input.arg(0) });
    return withLedger(ctx, async (open) => {
      const account = accountId(open.projection, input.string('account') ?? '');
      const choices = {
        accountId: account,
        format: format as 'auto',
        ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
        ...(categoryMap !== undefined ? { categories: resolveCategories(open.projection, categoryMap) } : {}),
        ...(transferMap !== undefined ? { transferAccounts: resolveTransferAccounts(open.projection, transferMap) } : {}),
      };
      const parsed = await service.parseFor(open.projection, source.bytes, source.fileName, account, choices);
      const wanted = input.string('statement-account');
      const statementAccount = wanted === undefined ? undefined : service.findStatementAccount(parsed, wanted);
      if (wanted !== undefined && statementAccount === undefined) {
        throw new DomainError('invalid_input', 'errors.import.statement_account_unknown', { account: wanted, accounts: service.statementAccountList(parsed) });
      }
      const stored = await service.previewParsed(open.projection, parsed, source.fileName, { ...choices, ...(statementAccount !== undefined ? { statementAccount } : {}) });
      const { plan, statement } = stored;
      const errors: ErrorLine[] = [
        ...plan.parseErrors.map((issue) => ({ row: issue.line, column: issue.column ?? null, message: t(issue.messageKey, issue.params) })),
        ...plan.rows.filter((row) => row.issue).map((row) => ({ row: row.line, column: (row.issue?.params.column as string | undefined) ?? null, message: t(row.issue!.messageKey, row.issue!.params) })),
      ];
      const report = {
        format: statement.format,
        encoding: statement.encoding,
        imported: 0,
        duplicates: plan.counts.duplicate,
        possibleDuplicates: plan.counts.possibleDuplicate,
        skipped: plan.counts.skipped,
        errors,
        batchId: null as string | null,
        statementBalance: null as ImportCommitResult['statementBalance'],
      };
      const refused = errors.length > 0;
      if (!refused && !input.flag('dry-run')) {
        const result = await service.commit(open, stored, [], input.string('request-id') ?? randomUUID());
        report.imported = result.imported;
        report.batchId = result.batchId;
        if (result.batchId !== null && !result.replayed) logCliEvent(open.session, 'import', { batchId: result.batchId, rows: result.imported });
        report.statementBalance = result.statementBalance;
      } else if (!refused) report.imported = plan.counts.new;
      print(ctx, report, input.flag('dry-run'), plan.totals, open.projection.account(account)?.currency ?? 'CNY');
      return refused ? 5 : 0;
    });
  },
};

function print(
  ctx: CliContext,
  report: {
    format: string;
    encoding: string;
    imported: number;
    duplicates: number;
    possibleDuplicates: number;
    skipped: number;
    errors: ErrorLine[];
    batchId: string | null;
    statementBalance: ImportCommitResult['statementBalance'];
  },
  dryRun: boolean,
  totals: { incomeMinor: number; expenseMinor: number },
  currency: string,
): void {
  if (ctx.options.json) {
    ctx.json(report);
    return;
  }
  for (const error of report.errors) ctx.err(error.message);
  if (report.errors.length > 0) {
    ctx.err(t('cli.import.refused', { count: report.errors.length }));
    return;
  }
  const { errors: _none, batchId: _batch, statementBalance: closing, ...counts } = report;
  ctx.out(t(dryRun ? 'cli.import.would_import' : 'cli.import.imported', { ...counts, income: toDecimalString(totals.incomeMinor, currency), expense: toDecimalString(totals.expenseMinor, currency), currency }));
  if (report.batchId) ctx.out(t('cli.import.batch', { batchId: report.batchId }));
  if (closing) {
    ctx.out(
      t('cli.import.statement_balance', {
        statement: closing.statementAmount,
        date: closing.date,
        wallet: toDecimalString(closing.walletMinor, closing.currency),
        difference: toDecimalString(closing.differenceMinor, closing.currency),
        currency: closing.currency,
      }),
    );
  }
}

const undoOrRestore = (undoing: boolean): Action => ({
  usage: undoing ? 'import undo BATCH' : 'import restore BATCH',
  summaryKey: undoing ? 'cli.import.undo_summary' : 'cli.import.restore_summary',
  positionals: 1,
  options: { 'request-id': { type: 'string', value: 'ID', helpKey: 'cli.ledger.opt.request_id' } },
  run: (ctx, input) =>
    withLedger(ctx, async (open) => {
      const batchId = input.arg(0).trim();
      const before = open.session.head().seq;
      await service.undo(open, batchId, input.string('request-id') ?? randomUUID(), undoing);
      if (undoing && open.session.head().seq !== before) logCliEvent(open.session, 'import_undone', { batchId });
      if (ctx.options.json) ctx.json({ batchId, undone: undoing });
      else ctx.out(t(undoing ? 'cli.import.undone' : 'cli.import.restored', { batchId }));
      return 0;
    }),
});

const list: Action = {
  usage: 'import list',
  summaryKey: 'cli.import.list_summary',
  positionals: 0,
  options: {},
  run: (ctx) =>
    withLedger(ctx, (open) => {
      const batches = service.history(open.projection);
      if (ctx.options.json) ctx.json({ batches });
      else for (const b of batches) ctx.out(`${b.batchId}  ${b.at.slice(0, 19).replace('T', ' ')}  ${b.account}  ${b.format}  ${b.fileName}  ${b.rows}${b.undone ? `  ${t('cli.import.undone_mark')}` : ''}`);
      return 0;
    }),
};

const ACTIONS: Readonly<Record<string, Action>> = { undo: undoOrRestore(true), restore: undoOrRestore(false), list };

export const importCommands: readonly Command[] = [
  {
    name: 'import',
    forms: [importFile, ...Object.values(ACTIONS)],
    run(ctx, args) {
      const action = args[0] !== undefined && Object.hasOwn(ACTIONS, args[0]) ? ACTIONS[args[0]]! : null;
      return action ? action.run(ctx, parseForm(action, args.slice(1))) : importFile.run(ctx, parseForm(importFile, args));
    },
  },
];

/**
 * Ledger commands about transactions: `tx add|transfer|list|void|restore`.
 *
 * Amounts are always written without a sign: `tx add` records an expense by default and income
 * with --income (the ledger's own rule: the kind gives the sign, never the text). A negative
 * amount is refused with a sentence pointing at --income rather than guessed at.
 * `--request-id` makes a write idempotent across invocations: the same id again records nothing
 * and prints the first result.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '../../../shared/errors';
import { localDate, queries, searchTransactions, type CommandResult, type TransactionView } from '../../ledger';
import { group } from '../args';
import type { CliContext } from '../context';
import { t } from '../messages';
import type { Action, Command, Options } from '../registry';
import { withLedger, type OpenLedger } from '../session';
import { accountId, categoryId, transactionId, transactionJson, transactionLine } from './ledger-lookup';

const REQUEST_ID: Options = { 'request-id': { type: 'string', value: 'ID', helpKey: 'cli.ledger.opt.request_id' } };
const DETAILS: Options = {
  payee: { type: 'string', value: 'TEXT', helpKey: 'cli.ledger.opt.payee' },
  date: { type: 'string', value: 'YYYY-MM-DD', helpKey: 'cli.ledger.opt.date' },
  note: { type: 'string', value: 'TEXT', helpKey: 'cli.ledger.opt.note' },
};

/** Runs a ledger command; a repeated request id prints a note on stderr (stdout stays the first result). */
function execute(ctx: CliContext, open: OpenLedger, command: Record<string, unknown>): CommandResult {
  const before = open.session.head().seq;
  try {
    const result = open.ledger.execute(command);
    if (open.session.head().seq === before) ctx.err(t('cli.ledger.already_recorded', { requestId: result.requestId }));
    return result;
  } catch (error) {
    // The ledger's sentence speaks of the app's expense/income choice; here the choice is --income.
    if (isDomainError(error) && error.messageKey === 'errors.amount_negative') throw new DomainError(error.code, 'cli.ledger.amount_negative', {});
    throw error;
  }
}

function printTransactions(ctx: CliContext, rows: readonly TransactionView[], total?: number): void {
  if (ctx.options.json) ctx.json({ ...(total === undefined ? {} : { total }), transactions: rows.map(transactionJson) });
  else for (const row of rows) ctx.out(transactionLine(row));
}

function printOne(ctx: CliContext, row: TransactionView): void {
  if (ctx.options.json) ctx.json({ transaction: transactionJson(row) });
  else ctx.out(transactionLine(row));
}

const optional = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });

const add: Action = {
  usage: 'tx add',
  summaryKey: 'cli.ledger.tx_add',
  positionals: 0,
  options: {
    account: { type: 'string', value: 'NAME', required: true, helpKey: 'cli.ledger.opt.account' },
    amount: { type: 'string', value: 'X', required: true, helpKey: 'cli.ledger.opt.amount' },
    income: { type: 'boolean', helpKey: 'cli.ledger.opt.income' },
    category: { type: 'string', value: 'NAME', helpKey: 'cli.ledger.opt.category' },
    ...DETAILS,
    ...REQUEST_ID,
  },
  run: (ctx, input) =>
    withLedger(ctx, (open) => {
      const p = open.projection;
      const kind = input.flag('income') ? 'income' : 'expense';
      const id = accountId(p, input.string('account') ?? '');
      const category = input.string('category');
      const result = execute(ctx, open, {
        type: 'recordTransaction',
        requestId: input.string('request-id') ?? randomUUID(),
        kind,
        accountId: id,
        amount: input.string('amount') ?? '',
        currency: p.account(id)?.currency ?? '',
        date: input.string('date') ?? localDate(new Date()),
        ...optional('payee', input.string('payee')),
        ...optional('note', input.string('note')),
        ...(category === undefined ? {} : { categoryId: categoryId(p, category, kind) }),
      });
      printOne(ctx, queries.getTransaction(p, result.id));
      return 0;
    }),
};

const transfer: Action = {
  usage: 'tx transfer',
  summaryKey: 'cli.ledger.tx_transfer',
  positionals: 0,
  options: {
    from: { type: 'string', value: 'NAME', required: true, helpKey: 'cli.ledger.opt.from_account' },
    to: { type: 'string', value: 'NAME', required: true, helpKey: 'cli.ledger.opt.to_account' },
    amount: { type: 'string', value: 'X', required: true, helpKey: 'cli.ledger.opt.transfer_amount' },
    'to-amount': { type: 'string', value: 'Y', helpKey: 'cli.ledger.opt.to_amount' },
    ...DETAILS,
    ...REQUEST_ID,
  },
  run: (ctx, input) =>
    withLedger(ctx, (open) => {
      const p = open.projection;
      const from = accountId(p, input.string('from') ?? '');
      const to = accountId(p, input.string('to') ?? '');
      const result = execute(ctx, open, {
        type: 'recordTransfer',
        requestId: input.string('request-id') ?? randomUUID(),
        fromAccountId: from,
        toAccountId: to,
        amount: input.string('amount') ?? '',
        currency: p.account(from)?.currency ?? '',
        date: input.string('date') ?? localDate(new Date()),
        ...optional('toAmount', input.string('to-amount')),
        ...optional('payee', input.string('payee')),
        ...optional('note', input.string('note')),
      });
      const legs = p.transferLegs(result.id).map((leg) => queries.getTransaction(p, leg.id));
      printTransactions(ctx, legs);
      return 0;
    }),
};

function limitOf(text: string | undefined): number {
  if (text === undefined) return 50;
  const limit = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(limit >= 1 && limit <= queries.MAX_PAGE)) throw new DomainError('invalid_input', 'cli.ledger.limit_invalid', { limit: text, max: queries.MAX_PAGE });
  return limit;
}

const list: Action = {
  usage: 'tx list',
  summaryKey: 'cli.ledger.tx_list',
  positionals: 0,
  options: {
    account: { type: 'string', value: 'NAME', helpKey: 'cli.ledger.opt.list_account' },
    search: { type: 'string', value: 'TEXT', helpKey: 'cli.ledger.opt.search' },
    from: { type: 'string', value: 'YYYY-MM-DD', helpKey: 'cli.ledger.opt.from_date' },
    to: { type: 'string', value: 'YYYY-MM-DD', helpKey: 'cli.ledger.opt.to_date' },
    limit: { type: 'string', value: 'N', helpKey: 'cli.ledger.opt.limit' },
    deleted: { type: 'boolean', helpKey: 'cli.ledger.opt.deleted' },
  },
  run: (ctx, input) =>
    withLedger(ctx, ({ projection: p }) => {
      const limit = limitOf(input.string('limit'));
      if (input.flag('deleted')) {
        const page = queries.recentlyDeleted(p, { limit });
        printTransactions(ctx, page.rows, page.total);
        return 0;
      }
      const account = input.string('account');
      const text = input.string('search');
      const from = input.string('from');
      const to = input.string('to');
      const page = searchTransactions(p, {
        ...(account === undefined ? {} : { accountIds: [accountId(p, account)] }),
        ...optional('text', text),
        ...optional('from', from),
        ...optional('to', to),
        limit,
      });
      printTransactions(ctx, page.rows, page.total);
      if (!ctx.options.json && page.total > page.rows.length) ctx.out(t('cli.ledger.more_rows', { shown: page.rows.length, total: page.total }));
      return 0;
    }),
};

const voidTx: Action = {
  usage: 'tx void ID',
  summaryKey: 'cli.ledger.tx_void',
  positionals: 1,
  options: { reason: { type: 'string', value: 'TEXT', helpKey: 'cli.ledger.opt.void_reason' } },
  run: (ctx, input) =>
    withLedger(ctx, (open) => {
      const id = transactionId(open.projection, input.arg(0));
      const reason = input.string('reason');
      execute(ctx, open, { type: 'voidTransaction', requestId: randomUUID(), transactionId: id, ...optional('reason', reason) });
      printOne(ctx, queries.getTransaction(open.projection, id));
      return 0;
    }),
};

const restore: Action = {
  usage: 'tx restore ID',
  summaryKey: 'cli.ledger.tx_restore',
  positionals: 1,
  options: {},
  run: (ctx, input) =>
    withLedger(ctx, (open) => {
      const id = transactionId(open.projection, input.arg(0));
      execute(ctx, open, { type: 'restoreTransaction', requestId: randomUUID(), transactionId: id });
      printOne(ctx, queries.getTransaction(open.projection, id));
      return 0;
    }),
};

export const transactionCommands: Command[] = [group('tx', { add, transfer, list, void: voidTx, restore })];

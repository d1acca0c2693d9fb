/** Ledger commands about accounts and categories: `account add|list|edit|move|freeze|unfreeze`, `balance`, `category add|list`. */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/errors';
import { toDecimalString } from '../../../shared/money';
import { plainAmount } from '../../../shared/format';
import { queries, type LedgerProjection } from '../../ledger';
import { group, single } from '../args';
import type { CliContext } from '../context';
import { t } from '../messages';
import type { Action, Command } from '../registry';
import { logCliEvent, withLedger } from '../session';
import { accountId, accountJson, accountKind, categoryId } from './ledger-lookup';

const requestId = () => randomUUID();

function printAccount(ctx: CliContext, p: LedgerProjection, id: string, doneKey: string): void {
  const account = queries.getAccount(p, id);
  if (ctx.options.json) ctx.json({ account: accountJson(account) });
  else ctx.out(t(doneKey, { name: account.name, balance: toDecimalString(account.balanceMinor, account.currency), currency: account.currency }));
}

const add: Action = {
  usage: 'account add NAME',
  summaryKey: 'cli.ledger.account_add',
  positionals: 1,
  options: {
    type: { type: 'string', value: 'T', required: true, helpKey: 'cli.ledger.opt.type' },
    currency: { type: 'string', value: 'C', required: true, helpKey: 'cli.ledger.opt.currency' },
    opening: { type: 'string', value: 'X', helpKey: 'cli.ledger.opt.opening' },
    'credit-limit': { type: 'string', value: 'X', helpKey: 'cli.ledger.opt.credit_limit' },
    date: { type: 'string', value: 'YYYY-MM-DD', helpKey: 'cli.ledger.opt.opened_on' },
  },
  run: (ctx, input) =>
    withLedger(ctx, ({ ledger, projection }) => {
      const opening = input.string('opening');
      const creditLimit = input.string('credit-limit');
      const openedOn = input.string('date');
      const { id } = ledger.execute({
        type: 'openAccount',
        requestId: requestId(),
        name: input.arg(0),
        kind: accountKind(input.string('type') ?? ''),
        currency: (input.string('currency') ?? '').trim().toUpperCase(),
        ...(opening === undefined ? {} : { openingBalance: opening }),
        ...(creditLimit === undefined ? {} : { creditLimit }),
        ...(openedOn === undefined ? {} : { openedOn }),
      });
      printAccount(ctx, projection, id, 'cli.ledger.account_added');
      return 0;
    }),
};

const list: Action = {
  usage: 'account list',
  summaryKey: 'cli.ledger.account_list',
  positionals: 0,
  options: {},
  run: (ctx) =>
    withLedger(ctx, ({ projection }) => {
      const accounts = queries.listAccounts(projection);
      if (ctx.options.json) ctx.json({ accounts: accounts.map(accountJson) });
      else if (accounts.length === 0) ctx.out(t('cli.ledger.no_accounts'));
      else {
        for (const a of accounts) {
          const balance = plainAmount(a.balanceMinor, a.currency);
          const flags = a.frozen ? `  [${t('cli.ledger.frozen')}${a.frozenReason ? `: ${a.frozenReason}` : ''}]` : '';
          ctx.out(`${a.name.padEnd(20)} ${t(`ledger.accountKinds.${a.kind}`).padEnd(12)} ${balance.padStart(18)}${flags}`);
        }
      }
      return 0;
    }),
};

const edit: Action = {
  usage: 'account edit NAME',
  summaryKey: 'cli.ledger.account_edit',
  positionals: 1,
  options: {
    name: { type: 'string', value: 'NEW', helpKey: 'cli.ledger.opt.new_name' },
    type: { type: 'string', value: 'T', helpKey: 'cli.ledger.opt.type' },
    note: { type: 'string', value: 'TEXT', helpKey: 'cli.ledger.opt.account_note' },
    'credit-limit': { type: 'string', value: 'X', helpKey: 'cli.ledger.opt.credit_limit' },
  },
  run: (ctx, input) =>
    withLedger(ctx, ({ ledger, projection }) => {
      const name = input.string('name');
      const type = input.string('type');
      const note = input.string('note');
      const creditLimit = input.string('credit-limit');
      const { id } = ledger.execute({
        type: 'updateAccount',
        requestId: requestId(),
        accountId: accountId(projection, input.arg(0)),
        ...(name === undefined ? {} : { name }),
        ...(type === undefined ? {} : { kind: accountKind(type) }),
        ...(note === undefined ? {} : { note }),
        ...(creditLimit === undefined ? {} : { creditLimit }),
      });
      printAccount(ctx, projection, id, 'cli.ledger.account_updated');
      return 0;
    }),
};

const move: Action = {
  usage: 'account move NAME',
  summaryKey: 'cli.ledger.account_move',
  positionals: 1,
  options: { to: { type: 'string', value: 'N', required: true, helpKey: 'cli.ledger.opt.position' } },
  run: (ctx, input) =>
    withLedger(ctx, ({ ledger, projection }) => {
      const id = accountId(projection, input.arg(0));
      const order = projection.openAccountIds().filter((other) => other !== id);
      const to = Number(input.string('to'));
      if (!Number.isInteger(to) || to < 1 || to > order.length + 1) {
        throw new DomainError('invalid_input', 'cli.ledger.position_out_of_range', { count: order.length + 1 });
      }
      order.splice(to - 1, 0, id);
      ledger.execute({ type: 'reorderAccounts', requestId: requestId(), accountIds: order });
      printAccount(ctx, projection, id, 'cli.ledger.account_moved');
      return 0;
    }),
};

const freeze: Action = {
  usage: 'account freeze NAME',
  summaryKey: 'cli.ledger.account_freeze',
  positionals: 1,
  options: { reason: { type: 'string', value: 'TEXT', helpKey: 'cli.ledger.opt.reason' } },
  run: (ctx, input) =>
    withLedger(ctx, ({ ledger, projection, session }) => {
      const reason = input.string('reason');
      const { id } = ledger.execute({ type: 'freezeAccount', requestId: requestId(), accountId: accountId(projection, input.arg(0)), ...(reason === undefined ? {} : { reason }) });
      logCliEvent(session, 'account_frozen', { accountId: id });
      printAccount(ctx, projection, id, 'cli.ledger.account_frozen');
      return 0;
    }),
};

const unfreeze: Action = {
  usage: 'account unfreeze NAME',
  summaryKey: 'cli.ledger.account_unfreeze',
  positionals: 1,
  options: {},
  run: (ctx, input) =>
    withLedger(ctx, ({ ledger, projection, session }) => {
      const { id } = ledger.execute({ type: 'unfreezeAccount', requestId: requestId(), accountId: accountId(projection, input.arg(0)) });
      logCliEvent(session, 'account_unfrozen', { accountId: id });
      printAccount(ctx, projection, id, 'cli.ledger.account_unfrozen');
      return 0;
    }),
};

const balance: Action = {
  usage: 'balance',
  summaryKey: 'cli.ledger.balance',
  positionals: 0,
  options: {},
  run: (ctx) =>
    withLedger(ctx, ({ projection }) => {
      const accounts = queries.listAccounts(projection);
      const totals = Object.entries(queries.totalsByCurrency(projection)).sort(([a], [b]) => a.localeCompare(b));
      if (ctx.options.json) {
        ctx.json({
          accounts: accounts.map((a) => ({ name: a.name, currency: a.currency, balance: toDecimalString(a.balanceMinor, a.currency) })),
          totals: Object.fromEntries(totals.map(([currency, minor]) => [currency, toDecimalString(minor, currency)])),
        });
      } else if (accounts.length === 0) ctx.out(t('cli.ledger.no_accounts'));
      else {
        for (const a of accounts) ctx.out(`${a.name.padEnd(20)} ${plainAmount(a.balanceMinor, a.currency).padStart(18)}`);
        ctx.out(t('cli.ledger.totals'));
        for (const [currency, minor] of totals) ctx.out(`${''.padEnd(20)} ${plainAmount(minor, currency).padStart(18)}`);
      }
      return 0;
    }),
};

const categoryAdd: Action = {
  usage: 'category add NAME',
  summaryKey: 'cli.ledger.category_add',
  positionals: 1,
  options: {
    income: { type: 'boolean', helpKey: 'cli.ledger.opt.category_income' },
    parent: { type: 'string', value: 'NAME', helpKey: 'cli.ledger.opt.parent' },
  },
  run: (ctx, input) =>
    withLedger(ctx, ({ ledger, projection }) => {
      const kind = input.flag('income') ? 'income' : 'expense';
      const parent = input.string('parent');
      const { id } = ledger.execute({
        type: 'defineCategory',
        requestId: requestId(),
        name: input.arg(0),
        kind,
        ...(parent === undefined ? {} : { parentId: categoryId(projection, parent, kind) }),
      });
      const name = projection.category(id)?.name ?? input.arg(0);
      if (ctx.options.json) ctx.json({ category: { id, name, kind, parent: parent ?? null } });
      else ctx.out(t('cli.ledger.category_added', { name, kind: t(`ledger.transactionKinds.${kind}`) }));
      return 0;
    }),
};

const categoryList: Action = {
  usage: 'category list',
  summaryKey: 'cli.ledger.category_list',
  positionals: 0,
  options: {},
  run: (ctx) =>
    withLedger(ctx, ({ projection }) => {
      const roots = queries.listCategories(projection);
      if (ctx.options.json) {
        ctx.json({ categories: roots.map((r) => ({ name: r.name, kind: r.kind, children: r.children.map((c) => c.name) })) });
      } else if (roots.length === 0) ctx.out(t('cli.ledger.no_categories'));
      else {
        for (const root of roots) {
          ctx.out(`${root.name}  (${t(`ledger.transactionKinds.${root.kind}`)})`);
          for (const child of root.children) ctx.out(`  ${root.name}/${child.name}`);
        }
      }
      return 0;
    }),
};

export const accountCommands: Command[] = [
  group('account', { add, list, edit, move, freeze, unfreeze }),
  single('balance', balance),
  group('category', { add: categoryAdd, list: categoryList }),
];

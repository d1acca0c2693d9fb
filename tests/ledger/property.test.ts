/**
 * Property: for random command sequences (opens, expenses, incomes, cross-currency transfers,
 * amends, voids, restores, freezes, replays of old request ids), the balances the ledger derives
 * equal an independent fold over the events it wrote — exactly, in integer minor units. The fold
 * below is written from the event definitions alone and shares no code with the projection.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listAccounts, register, totalsByCurrency } from '../../electron/ledger/queries';
import { ledgerProjectionFactory } from '../../electron/ledger/projection';
import type { LedgerEvent } from '../../electron/ledger/events';
import { toDecimalString } from '../../shared/money';
import { DomainError } from '../../shared/errors';
import { makeLedger } from './support';
import { propertyParams } from '../vault/support/rng';

const CURRENCIES = ['CNY', 'USD', 'JPY', 'KWD'] as const;
const KINDS = ['bank', 'cash', 'ewallet', 'credit', 'savings'] as const;

const amount = fc.integer({ min: 1, max: 300_000 });
const pick = fc.nat({ max: 1000 });

const action = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('open' as const), kind: fc.constantFrom(...KINDS), currency: fc.constantFrom(...CURRENCIES), opening: fc.integer({ min: 0, max: 5_000_000 }), limit: fc.integer({ min: 0, max: 1_000_000 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('expense' as const, 'income' as const), account: pick, amount }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('transfer' as const), from: pick, to: pick, amount, toAmount: amount }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('amend' as const), tx: pick, amount: fc.option(amount), toAmount: fc.option(amount), move: fc.option(pick), date: fc.option(fc.constantFrom('2024-01-31', '2024-02-29', '2024-03-01')) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('void' as const, 'restore' as const), tx: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('freeze' as const, 'unfreeze' as const), account: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), which: pick }) },
);

/** The independent fold: balances from events only. */
function foldBalances(events: readonly LedgerEvent[]): Map<string, number> {
  const opening = new Map<string, number>();
  const lines = new Map<string, { account: string; amount: number; voided: boolean; group: string }>();
  for (const event of events) {
    switch (event.type) {
      case 'AccountOpened':
        opening.set(event.accountId, event.openingBalanceMinor);
        break;
      case 'TransactionRecorded':
        lines.set(event.transactionId, { account: event.accountId, amount: event.amountMinor, voided: false, group: event.transactionId });
        break;
      case 'TransferRecorded':
        lines.set(event.fromTransactionId, { account: event.fromAccountId, amount: -event.amountMinor, voided: false, group: event.transferId });
        lines.set(event.toTransactionId, { account: event.toAccountId, amount: event.toAmountMinor, voided: false, group: event.transferId });
        break;
      case 'TransactionAmended': {
        const line = lines.get(event.transactionId)!;
        if (event.changes.accountId !== undefined) line.account = event.changes.accountId;
        if (event.changes.amountMinor !== undefined) line.amount = event.changes.amountMinor;
        if (event.changes.counterAmountMinor !== undefined) {
          for (const [id, other] of lines) if (other.group === line.group && id !== event.transactionId) other.amount = event.changes.counterAmountMinor;
        }
        break;
      }
      case 'TransactionVoided':
      case 'TransactionRestored': {
        const group = lines.get(event.transactionId)!.group;
        for (const line of lines.values()) if (line.group === group) line.voided = event.type === 'TransactionVoided';
        break;
      }
      default:
        break;
    }
  }
  const balances = new Map(opening);
  for (const line of lines.values()) if (!line.voided) balances.set(line.account, balances.get(line.account)! + line.amount);
  return balances;
}

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function runScenario(actions: readonly Action[]) {
  const { ledger, projection, sink } = makeLedger();
  const accounts: { id: string; currency: string }[] = [];
  const transactions: string[] = [];
  const sent: { command: Record<string, unknown>; result: unknown }[] = [];
  let counter = 0;
  const at = <T>(list: readonly T[], index: number): T | undefined => (list.length ? list[index % list.length] : undefined);

  for (const step of actions) {
    let command: Record<string, unknown> | null = null;
    if (step.op === 'open') {
      // Credit cards may open in debt, within their limit.
      const opening = step.kind === 'credit' ? -Math.min(step.opening, step.limit) : step.opening;
      command = { type: 'openAccount', name: `A${accounts.length}`, kind: step.kind, currency: step.currency, openingBalance: toDecimalString(opening, step.currency), creditLimit: toDecimalString(step.limit, step.currency), openedOn: '2024-01-01' };
    } else if (step.op === 'expense' || step.op === 'income') {
      const account = at(accounts, step.account);
      if (account) command = { type: 'recordTransaction', kind: step.op, accountId: account.id, amount: toDecimalString(step.amount, account.currency), currency: account.currency, date: '2024-02-01' };
    } else if (step.op === 'transfer') {
      const from = at(accounts, step.from);
      const to = at(accounts, step.to);
      if (from && to) {
        const toAmount = from.currency === to.currency ? step.amount : step.toAmount;
        command = { type: 'recordTransfer', fromAccountId: from.id, toAccountId: to.id, amount: toDecimalString(step.amount, from.currency), currency: from.currency, toAmount: toDecimalString(toAmount, to.currency), date: '2024-02-02' };
      }
    } else if (step.op === 'amend') {
      const id = at(transactions, step.tx);
      const line = id ? projection.transaction(id) : undefined;
      if (line) {
        const currency = line.currency;
        const counter = line.transferId ? projection.transferLegs(line.transferId).find((leg) => leg.id !== line.id) : undefined;
        const outgoingCurrency = line.transferId && line.amountMinor > 0 ? counter!.currency : currency;
        const incomingCurrency = line.transferId ? (line.amountMinor > 0 ? currency : counter!.currency) : currency;
        command = {
          type: 'amendTransaction',
          transactionId: line.id,
          ...(step.amount !== null ? { amount: toDecimalString(step.amount, outgoingCurrency) } : {}),
          ...(step.toAmount !== null && line.transferId && outgoingCurrency !== incomingCurrency ? { toAmount: toDecimalString(step.toAmount, incomingCurrency) } : {}),
          ...(step.move !== null && !line.transferId ? { accountId: at(accounts, step.move)!.id } : {}),
          ...(step.date !== null ? { date: step.date } : {}),
        };
      }
    } else if (step.op === 'void' || step.op === 'restore') {
      const id = at(transactions, step.tx);
      if (id) command = { type: step.op === 'void' ? 'voidTransaction' : 'restoreTransaction', transactionId: id };
    } else if (step.op === 'freeze' || step.op === 'unfreeze') {
      // Unfreezing picks among frozen accounts, so frozen ones do not pile up and block everything.
      const candidates = step.op === 'freeze' ? accounts : accounts.filter((account) => projection.account(account.id)?.frozen);
      const account = at(candidates, step.account);
      if (account) command = { type: step.op === 'freeze' ? 'freezeAccount' : 'unfreezeAccount', accountId: account.id };
    } else if (step.op === 'repeat') {
      const previous = at(sent, step.which);
      if (previous) {
        const before = sink.events.length;
        expect(ledger.execute(previous.command)).toEqual(previous.result);
        expect(sink.events.length).toBe(before);
      }
      continue;
    }
    if (!command) continue;
    counter += 1;
    command.requestId = `r${counter}`;
    const before = sink.events.length;
    try {
      const result = ledger.execute(command);
      sent.push({ command, result });
      if (command.type === 'openAccount') accounts.push({ id: result.id, currency: String(command.currency) });
      if (command.type === 'recordTransaction') transactions.push(result.id);
      if (command.type === 'recordTransfer') transactions.push(...projection.transferLegs(result.id).map((leg) => leg.id));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      expect(sink.events.length).toBe(before);
    }
  }
  return { ledger, projection, sink, accounts };
}

describe('derived balances equal an independent fold of the events', () => {
  it('for random command sequences', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(action, { minLength: 10, maxLength: 80, size: 'large' }), (actions) => {
        const { projection, sink } = runScenario([{ op: 'open', kind: 'cash', currency: 'CNY', opening: 100_000, limit: 0 }, ...actions]);
        const folded = foldBalances(sink.events.map((event) => event.payload));
        for (const { payload } of sink.events) {
          const key = payload.type === 'TransferRecorded' && payload.currency !== payload.toCurrency ? 'CrossCurrencyTransfer' : payload.type;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
        const views = listAccounts(projection, { includeClosed: true });
        expect(views).toHaveLength(folded.size);
        const totals: Record<string, number> = {};
        for (const view of views) {
          expect(view.balanceMinor).toBe(folded.get(view.id));
          expect(projection.balance(view.id)).toBe(folded.get(view.id));
          // The register's newest running balance is the account balance too.
          const newest = register(projection, view.id, { limit: 1 }).rows[0];
          expect(newest?.runningBalanceMinor ?? view.openingBalanceMinor).toBe(folded.get(view.id));
          // No command may leave an account below its floor (openings were generated within it).
          expect(view.balanceMinor).toBeGreaterThanOrEqual(-view.creditLimitMinor);
          totals[view.currency] = (totals[view.currency] ?? 0) + view.balanceMinor;
        }
        expect(totalsByCurrency(projection)).toEqual(totals);
        // The running balances the funds check reads equal the SUM of live lines (audit checks exactly that).
        const runningDiffers = (p: { audit(): { messageKey: string }[] }) => p.audit().filter((problem) => problem.messageKey === 'errors.ledger_balance_running_differs');
        expect(runningDiffers(projection)).toEqual([]);

        // Rebuilding by replay and through a snapshot gives the very same state.
        const replayed = ledgerProjectionFactory.empty();
        for (const { seq, payload } of sink.events) replayed.apply(seq, payload);
        expect(replayed.digest()).toBe(projection.digest());
        expect(runningDiffers(replayed)).toEqual([]);
        for (const view of views) expect(replayed.balance(view.id)).toBe(folded.get(view.id));
        const restored = ledgerProjectionFactory.fromSnapshot(projection.serialize());
        expect(restored.digest()).toBe(projection.digest());
        expect(runningDiffers(restored)).toEqual([]);
        restored.close();
        replayed.close();
        projection.close();
      }),
      { numRuns: 120, ...propertyParams('ledger fold property') },
    );
    // The generator really exercised every kind of change (not just rejections).
    for (const type of ['TransactionRecorded', 'TransferRecorded', 'CrossCurrencyTransfer', 'TransactionAmended', 'TransactionVoided', 'TransactionRestored', 'AccountFrozen', 'AccountUnfrozen']) {
      expect(seen.get(type) ?? 0, `${type}: ${JSON.stringify([...seen])}`).toBeGreaterThan(10);
    }
  });
});

/**
 * Generation speed-up for the benchmark only. The ledger's funds check asks the projection for an
 * account balance (a SUM over that account's rows) on every command, which makes filling a
 * 100k-event wallet quadratic (~100 s here). While generating, the Ledger is given a view of its
 * projection whose `balance()` answers from running totals folded from the events on their way to
 * the journal; everything else (parsing, rules, idempotency, apply) is the real code. `check()`
 * compares the totals with the projection's own SUMs, and the builder calls it at the end.
 */
import type { LedgerEvent, LedgerProjection } from '../electron/ledger';

export class RunningBalances {
  private readonly totals = new Map<string, number>();
  /** Accounts whose total must be re-read from the projection (after an amount-changing amend). */
  private readonly stale = new Set<string>();

  constructor(private readonly projection: LedgerProjection) {}

  /** The projection with `balance` served from the running totals. */
  view(): LedgerProjection {
    return new Proxy(this.projection, {
      get: (target, property, receiver) => {
        if (property === 'balance') return (accountId: string) => this.balance(accountId);
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Called with events before the projection applies them (state lookups see the state before). */
  observe(payloads: readonly unknown[]): void {
    for (const payload of payloads) this.fold(payload as LedgerEvent);
  }

  check(): void {
    for (const [accountId, total] of this.totals) {
      const actual = this.projection.balance(accountId);
      if (!this.stale.has(accountId) && actual !== total) throw new Error(`bench: running balance of ${accountId} is ${total}, projection says ${actual}`);
    }
  }

  private balance(accountId: string): number {
    if (this.stale.delete(accountId) || !this.totals.has(accountId)) this.totals.set(accountId, this.projection.balance(accountId));
    return this.totals.get(accountId) ?? 0;
  }

  private add(accountId: string, amount: number): void {
    this.totals.set(accountId, (this.totals.get(accountId) ?? 0) + amount);
  }

  private lines(transactionId: string) {
    const transaction = this.projection.transaction(transactionId);
    if (!transaction) return [];
    return transaction.transferId ? this.projection.transferLegs(transaction.transferId) : [transaction];
  }

  private fold(event: LedgerEvent): void {
    switch (event.type) {
      case 'AccountOpened':
        this.totals.set(event.accountId, event.openingBalanceMinor);
        return;
      case 'TransactionRecorded':
        this.add(event.accountId, event.amountMinor);
        return;
      case 'TransferRecorded':
        this.add(event.fromAccountId, -event.amountMinor);
        this.add(event.toAccountId, event.toAmountMinor);
        return;
      case 'TransactionVoided':
      case 'TransactionRestored':
        for (const line of this.lines(event.transactionId)) {
          if (line.voided === (event.type === 'TransactionVoided')) continue;
          this.add(line.accountId, event.type === 'TransactionVoided' ? -line.amountMinor : line.amountMinor);
        }
        return;
      case 'TransactionAmended': {
        const { changes } = event;
        if (changes.accountId === undefined && changes.amountMinor === undefined && changes.counterAmountMinor === undefined) return;
        for (const line of this.lines(event.transactionId)) this.stale.add(line.accountId);
        if (changes.accountId) this.stale.add(changes.accountId);
        return;
      }
      default:
        return;
    }
  }
}

/**
 * Test-only: a wallet with many transactions, written straight through the engine (vault +
 * ledger: the same `decide` rules and projection `apply` as the app) with events appended in
 * large batches. Going through the contract one durable request at a time costs an fsync per
 * transaction (~15 min for 100k here); the list under test only needs the wallet to exist.
 *
 * One shortcut, and why: the funds rule asks the projection for the account's balance, a SUM over
 * every line of the account, so 100k commands cost O(n²) (over 10 minutes on a busy machine).
 * Every seeded line hits one account that nothing else changes, so the seed keeps that balance
 * running beside the projection and checks it against the projection's own SUM at the end.
 */
import { randomUUID } from 'node:crypto';
import { createVault, type VaultSession } from '../../../electron/vault';
import { asLedgerProjection, decide, ledgerProjectionFactory, Ledger, LedgerCommand, LedgerEvent, type EventSink, type LedgerProjection } from '../../../electron/ledger';
import { WalletIndex } from '../../../electron/wallet/wallet-index';

const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
const PAYEES = ['Starbucks', 'Hema Fresh', 'Didi', 'Meituan', 'Metro', 'JD.com', 'Taobao', 'China Mobile', 'Luckin', 'Pharmacy'];
const BATCH = 5_000;

/** The i-th seeded line; tests/e2e/transactions.spec.ts predicts counts from the same formula. */
export function seededTransaction(i: number) {
  const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  const cents = ((i * 37) % 50_000) + 1;
  return {
    requestId: `seed-${i}`,
    kind: i % 10 === 5 ? ('income' as const) : ('expense' as const),
    amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    currency: 'CNY',
    date: day,
    // Every 100th line is a Starbucks visit, so a search has exactly total/100 answers.
    payee: i % 100 === 0 ? 'Starbucks' : PAYEES[(i % 9) + 1]!,
    note: `seed #${i}`,
  };
}

/** Hands the ledger the seqs the vault will assign, and writes the events in batches. */
class BatchingSink implements EventSink {
  private pending: unknown[] = [];
  constructor(private readonly session: VaultSession) {}

  append(payloads: readonly unknown[]): { seq: number }[] {
    const base = this.session.head().seq + this.pending.length;
    this.pending.push(...payloads);
    return payloads.map((_, index) => ({ seq: base + index + 1 }));
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const written = this.session.append(this.pending);
    if (written.at(-1)?.seq !== this.session.head().seq) throw new Error('seed: seqs drifted');
    this.pending = [];
  }
}

/** The projection, except that one account's balance is the running figure the seed keeps. */
function withRunningBalance(projection: LedgerProjection, accountId: string, balance: { minor: number }): LedgerProjection {
  return new Proxy(projection, {
    get(target, property, receiver) {
      if (property === 'balance') return (id: string) => (id === accountId ? balance.minor : target.balance(id));
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * `transfer`: also a dollar account and one transfer into it (710 CNY as 100 USD) in the month
 * after the seeded lines, so a list shows a transfer row with both amounts and two month headers
 * (views-a11y screenshots).
 */
export async function seedWallet(dataDir: string, options: { name: string; password: string; transactions: number; transfer?: boolean }): Promise<void> {
  const index = new WalletIndex(dataDir);
  const id = index.newId();
  const { session } = await createVault(index.pathOf(id), { password: options.password, testOnlyKdf: TEST_KDF });
  const projection = asLedgerProjection(ledgerProjectionFactory.empty());
  const sink = new BatchingSink(session);
  const ledger = new Ledger({ sink, projection });
  const bank = ledger.execute({ type: 'openAccount', requestId: 'acct-bank', name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '100000000' }).id;

  const running = { minor: projection.balance(bank) };
  const state = withRunningBalance(projection, bank, running);
  for (let i = 0; i < options.transactions; i++) {
    const command = LedgerCommand.parse({ type: 'recordTransaction', accountId: bank, ...seededTransaction(i) });
    const now = new Date();
    const events = decide(state, command, { now, newId: randomUUID, today: now.toISOString().slice(0, 10) }).map((event) => LedgerEvent.parse(event));
    const seqs = sink.append(events);
    events.forEach((event, n) => {
      projection.apply(seqs[n]!.seq, event);
      if (event.type === 'TransactionRecorded') running.minor += event.amountMinor;
    });
    if ((i + 1) % BATCH === 0) sink.flush();
  }
  if (options.transfer) {
    // The first of the month after the last seeded line: the list opens on a month holding only the transfer, the next header in view.
    const last = new Date(`${seededTransaction(Math.max(0, options.transactions - 1)).date}T00:00:00Z`);
    const date = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    const usd = ledger.execute({ type: 'openAccount', requestId: 'acct-usd', name: 'Dollar card', kind: 'bank', currency: 'USD', openingBalance: '0', openedOn: '2015-01-01' }).id;
    ledger.execute({ type: 'recordTransfer', requestId: 'seed-transfer', fromAccountId: bank, toAccountId: usd, amount: '710', currency: 'CNY', toAmount: '100', date });
    running.minor -= 71_000;
  }
  sink.flush();
  if (projection.balance(bank) !== running.minor) throw new Error(`seed: running balance ${running.minor} ≠ projection ${projection.balance(bank)}`);
  session.saveSnapshot(projection, session.head().seq);
  session.lock();
  index.remember({ id, name: options.name, createdAt: new Date().toISOString() });
}

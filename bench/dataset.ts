/**
 * Builds a benchmark wallet: a real vault (production KDF parameters) filled with `events` events
 * produced by the real Ledger from the workload script. The ledger writes through a batching sink
 * so generation is fast (one durable transaction per few thousand events) while every event is
 * still validated, encrypted and chained exactly as in the app.
 */
import Database from 'better-sqlite3';
import { createVault, type KdfParams, type VaultSession } from '../electron/vault';
import { Ledger, ledgerProjectionFactory, type EventSink, type LedgerProjection } from '../electron/ledger';
import { RunningBalances } from './balances';
import { timedAsync } from './stats';
import { WalletScript } from './workload';

export const PASSWORD = 'correct horse battery staple 一钱包';
const FLUSH_EVERY = 2_000;

/** Hands out seqs at once and writes them to the vault in big batches; `flush` before reading the vault. */
export class BatchingSink implements EventSink {
  private pending: unknown[] = [];

  constructor(
    private readonly session: VaultSession,
    private readonly balances: RunningBalances | null,
    private written = session.head().seq,
  ) {}

  get seq(): number {
    return this.written + this.pending.length;
  }

  append(payloads: readonly unknown[]): { seq: number }[] {
    const first = this.seq + 1;
    this.balances?.observe(payloads);
    this.pending.push(...payloads);
    return payloads.map((_, index) => ({ seq: first + index }));
  }

  /** Appends everything pending in one durable transaction; returns how many events that was. */
  flush(): number {
    if (this.pending.length === 0) return 0;
    const count = this.pending.length;
    const seqs = this.session.append(this.pending);
    if (seqs[0]?.seq !== this.written + 1) throw new Error('bench: vault seqs out of step with the batching sink');
    this.written += count;
    this.pending = [];
    return count;
  }
}

export interface Wallet {
  path: string;
  session: VaultSession;
  /** The generator's projection (equal to what unlock rebuilds). */
  projection: LedgerProjection;
  events: number;
  refused: number;
  buildMs: number;
}

export interface BuildOptions {
  kdf: KdfParams;
  /** Called with the sink flushed, when the journal holds exactly this many events. */
  at?: Map<number, (session: VaultSession, projection: LedgerProjection) => void | Promise<void>>;
  seed?: number;
}

export async function buildWallet(path: string, events: number, options: BuildOptions): Promise<Wallet> {
  const run = await timedAsync(async () => {
    // The calibrated parameters are passed explicitly so every wallet uses the same ones (no re-calibration).
    const { session } = await createVault(path, { password: PASSWORD, testOnlyKdf: options.kdf });
    const projection = ledgerProjectionFactory.empty();
    const balances = new RunningBalances(projection);
    const sink = new BatchingSink(session, balances);
    const view = balances.view();
    const script = new WalletScript(view, events, options.seed ?? 42);
    const hooks = new Map(options.at);
    const ledger = new Ledger({ sink, projection: view, now: () => script.now(), today: () => script.today() });
    while (sink.seq < events) {
      const command = script.next();
      try {
        script.accept(command, ledger.execute(command));
      } catch (error) {
        script.refused(error);
      }
      const hook = hooks.get(sink.seq);
      hooks.delete(sink.seq);
      if (sink.seq % FLUSH_EVERY === 0 || hook || sink.seq === events) sink.flush();
      if (hook) await hook(session, projection);
    }
    sink.flush();
    balances.check();
    return { session, projection, refused: script.rejected };
  });
  return { path, ...run.value, events, buildMs: run.ms };
}

/** A consistent copy of a vault file while it is open (SQLite's online backup API, as copies in the app). */
export async function copyVaultFile(from: string, to: string): Promise<void> {
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

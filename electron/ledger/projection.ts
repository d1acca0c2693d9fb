/**
 * The ledger projection: every event folded into an in-memory SQLite database that the queries
 * read and the rules consult. It is a cache of the journal, never the truth: the vault snapshots
 * it with `serialize()` and rebuilds it by replay whenever a snapshot is missing, damaged or from
 * another schema version.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import { EVENT_SCHEMA_VERSION, LedgerEvent, type CategoryKind } from './events';
import type { AccountState, CategoryState, TransactionState } from './read-model';
import type { BatchInfo, ImportReadModel } from './decide-import';
import { applyEvent, type RequestResult } from './apply';
import { accountListOrder, DEFERRED_INDEXES, DIGEST_TABLES, PROJECTION_KIND, PROJECTION_SCHEMA_VERSION, REPLAY_DEFER_MIN, SCHEMA_SQL } from './schema';
import { Sql } from './sql';
import { toDecimalString } from '../../shared/money';
import { toAccount, toCategory, toTransaction, type AccountRow, type CategoryRow, type TransactionRow } from './rows';

/** The shape the vault drives (declared again here: the ledger does not depend on the vault). */
export interface Projection {
  apply(seq: number, payload: unknown): void;
  serialize(): Uint8Array;
  digest(): string;
  close(): void;
}

export interface ProjectionFactory {
  empty(): Projection;
  fromSnapshot(bytes: Uint8Array): Projection;
}

/** Rows hashed between two pauses of `digestSteps` (~20–30 ms of work at a time). */
const DIGEST_SLICE = 5_000;

export class LedgerProjection implements Projection, ImportReadModel {
  readonly sql: Sql;
  /** Mirrors meta.last_seq (which travels inside snapshots) so apply does not read it back each time. */
  private appliedSeq: number;
  private readonly applyOne: (event: LedgerEvent, seq: number) => void;

  constructor(private readonly db: Database.Database) {
    this.sql = new Sql(db);
    this.appliedSeq = Number(this.sql.get<{ value: string }>("SELECT value FROM meta WHERE key = 'last_seq'")?.value ?? 0);
    // One SQLite transaction per event: a failure leaves no half-applied event behind.
    this.applyOne = db.transaction((event: LedgerEvent, seq: number) => {
      applyEvent(this.sql, event);
      this.sql.run("UPDATE meta SET value = ? WHERE key = 'last_seq'", String(seq));
    });
  }

  /** Seq of the last event applied (0 for an empty ledger). */
  lastSeq(): number {
    return this.appliedSeq;
  }

  apply(seq: number, payload: unknown): void {
    // Exactly the next one: a gap means events this projection never saw (another writer, a lost
    // row), and a state built past a gap would show wrong balances and could become a snapshot.
    if (seq !== this.appliedSeq + 1) {
      throw new DomainError('integrity', 'errors.ledger_seq_not_next', { seq, expected: this.appliedSeq + 1 });
    }
    this.applyOne(parseEvent(payload, seq), seq);
    this.appliedSeq = seq;
  }

  /**
   * Replay's fast path (the vault hands over a slice of authenticated, decrypted events): one
   * SQLite transaction for the slice instead of one per event, and no schema parse of events of
   * this version and a known type — they were parsed by that same schema before they were
   * written (Ledger.execute), and the AEAD proves they are those bytes. Anything else (another
   * version, an unknown type) goes through the full parse and fails as `apply` would.
   */
  applyBatch(events: readonly { seq: number; payload: unknown }[]): void {
    this.applySlice(events);
    this.appliedSeq += events.length;
  }

  private readonly applySlice = (events: readonly { seq: number; payload: unknown }[]) =>
    this.db.transaction(() => {
      let expected = this.appliedSeq + 1;
      for (const { seq, payload } of events) {
        if (seq !== expected) throw new DomainError('integrity', 'errors.ledger_seq_not_next', { seq, expected });
        applyEvent(this.sql, trustedEvent(payload) ?? parseEvent(payload, seq));
        expected += 1;
      }
      if (events.length > 0) this.sql.run("UPDATE meta SET value = ? WHERE key = 'last_seq'", String(expected - 1));
    })();

  private deferred: { name: string; sql: string }[] = [];

  /**
   * A replay that builds most of the state: drop the read-side indexes apply never consults and
   * build each once at the end (a sort) instead of updating it row by row (half the replay time).
   */
  beginReplay(events: number): void {
    const rows = this.sql.get<{ n: number }>('SELECT count(*) AS n FROM transactions')?.n ?? 0;
    if (events < REPLAY_DEFER_MIN || events < rows || this.deferred.length > 0) return;
    const placeholders = DEFERRED_INDEXES.map(() => '?').join(', ');
    this.deferred = this.sql.all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (${placeholders})`, ...DEFERRED_INDEXES);
    for (const { name } of this.deferred) this.db.exec(`DROP INDEX ${name}`);
  }

  *endReplay(): Generator<void, void, void> {
    while (this.deferred.length > 0) {
      this.db.exec(this.deferred[0]!.sql);
      this.deferred.shift();
      if (this.deferred.length > 0) yield;
    }
  }

  serialize(): Uint8Array {
    const bytes = this.db.serialize();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** SHA-256 over every ledger row in a fixed order, independent of how the rows got there. */
  digest(): string {
    const steps = this.digestSteps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The digest with a pause every DIGEST_SLICE rows: at 100k lines one digest is a few hundred ms,
   * and verify takes two. Between pauses only this projection's own connection is read, and
   * nothing else writes to it while verify holds it.
   */
  *digestSteps(): Generator<void, string, void> {
    const hash = createHash('sha256');
    let rows = 0;
    for (const { table, columns, orderBy, where } of DIGEST_TABLES) {
      hash.update(`\u0000${table}\u0000`);
      const statement = this.sql.prepare(`SELECT ${columns} FROM ${table}${where ? ` WHERE ${where}` : ''} ORDER BY ${orderBy}`);
      for (const row of statement.raw(true).iterate()) {
        hash.update(`${JSON.stringify(row)}\n`);
        if (++rows % DIGEST_SLICE === 0) yield;
      }
    }
    return hash.digest('hex');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Balances that break their account's rule, for verify: below the floor (0, or −credit limit /
   * overdraft) and below where the account opened — commands never take a balance down past its
   * floor, so only an account that was opened in debt may sit under it, and never lower than that.
   * Accounts with live imported lines are exempt: a statement may take them there.
   */
  audit(): { messageKey: string; params: Record<string, string | number> }[] {
    const rows = this.sql.all<{ id: string; name: string; currency: string; balance: number; floor: number }>(
      `SELECT id, name, currency, balance, -credit_limit_minor AS floor FROM (
         SELECT a.id, a.name, a.currency, a.credit_limit_minor, a.opening_balance_minor,
           a.opening_balance_minor + COALESCE((SELECT SUM(amount_minor) FROM transactions t WHERE t.account_id = a.id AND t.voided = 0), 0) AS balance
         FROM accounts a) AS b
       WHERE balance < -credit_limit_minor AND balance < opening_balance_minor
         -- Imported statement rows are facts that skip the funds check (EVENTS.md "Import batches"):
         -- an account holding live imported lines may sit below its floor; the import preview warns.
         AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.account_id = b.id AND t.import_batch IS NOT NULL AND t.voided = 0)
       ORDER BY id`,
    );
    const broken = rows.map((row) => ({
      messageKey: 'errors.ledger_balance_breaks_rule',
      params: {
        account: row.name,
        balance: toDecimalString(row.balance, row.currency),
        floor: toDecimalString(row.floor, row.currency),
        currency: row.currency,
      },
    }));
    return [...this.runningBalanceProblems(), ...broken];
  }

  /** Accounts whose running balance (what the funds check reads) is not opening + SUM of live lines. */
  private runningBalanceProblems(): { messageKey: string; params: Record<string, string | number> }[] {
    const rows = this.sql.all<{ name: string; currency: string; running: number; summed: number }>(
      `SELECT name, currency, running, summed FROM (
         SELECT a.id, a.name, a.currency, a.balance_minor AS running,
           a.opening_balance_minor + COALESCE((SELECT SUM(amount_minor) FROM transactions t WHERE t.account_id = a.id AND t.voided = 0), 0) AS summed
         FROM accounts a)
       WHERE running <> summed ORDER BY id`,
    );
    return rows.map((row) => ({
      messageKey: 'errors.ledger_balance_running_differs',
      params: { account: row.name, running: toDecimalString(row.running, row.currency), sum: toDecimalString(row.summed, row.currency), currency: row.currency },
    }));
  }

  /** The result recorded for a client request, if any event of it has been applied. */
  requestResult(requestId: string): RequestResult | undefined {
    const row = this.sql.get<{ result: string }>('SELECT result FROM requests WHERE request_id = ?', requestId);
    return row ? (JSON.parse(row.result) as RequestResult) : undefined;
  }

  // ── LedgerReadModel ──────────────────────────────────────────────────────────────────────

  account(id: string): AccountState | undefined {
    const row = this.sql.get<AccountRow>('SELECT * FROM accounts WHERE id = ?', id);
    return row && toAccount(row);
  }

  openAccountByName(name: string): AccountState | undefined {
    const row = this.sql.get<AccountRow>('SELECT * FROM accounts WHERE closed = 0 AND lower(name) = lower(?) ORDER BY n LIMIT 1', name);
    return row && toAccount(row);
  }

  openAccountIds(): string[] {
    return this.sql.all<{ id: string }>(`SELECT a.id FROM accounts a WHERE a.closed = 0 ORDER BY ${accountListOrder('a')}`).map((row) => row.id);
  }

  /** The running balance (schema.ts): one row read, where a SUM over the account would cost milliseconds per command. */
  balance(accountId: string): number {
    return this.sql.get<{ balance: number }>('SELECT balance_minor AS balance FROM accounts WHERE id = ?', accountId)?.balance ?? 0;
  }

  reconciledBalance(accountId: string): number {
    return this.sql.get<{ balance: number }>(
      `SELECT a.opening_balance_minor + COALESCE((SELECT SUM(amount_minor) FROM transactions t
         WHERE t.account_id = a.id AND t.voided = 0 AND t.status = 'reconciled'), 0) AS balance
       FROM accounts a WHERE a.id = ?`,
      accountId,
    )?.balance ?? 0;
  }

  transaction(id: string): TransactionState | undefined {
    const row = this.sql.get<TransactionRow>('SELECT * FROM transactions WHERE id = ?', id);
    return row && toTransaction(row);
  }

  transferLegs(transferId: string): TransactionState[] {
    return this.sql
      .all<TransactionRow>('SELECT * FROM transactions WHERE transfer_id = ? ORDER BY amount_minor < 0 DESC, n', transferId)
      .map(toTransaction);
  }

  category(id: string): CategoryState | undefined {
    const row = this.sql.get<CategoryRow>('SELECT * FROM categories WHERE id = ?', id);
    return row && toCategory(row);
  }

  importBatch(batchId: string): BatchInfo | undefined {
    const row = this.sql.get<{ id: string; account_id: string; undone: number }>('SELECT id, account_id, undone FROM import_batches WHERE id = ?', batchId);
    return row && { id: row.id, accountId: row.account_id, undone: row.undone === 1 };
  }

  importBatchLines(batchId: string): { accountIds: string[]; reconciled: number } {
    const rows = this.sql.all<{ account_id: string; reconciled: number }>(
      "SELECT account_id, SUM(status = 'reconciled') AS reconciled FROM transactions WHERE import_batch = ? GROUP BY account_id ORDER BY account_id",
      batchId,
    );
    return { accountIds: rows.map((row) => row.account_id), reconciled: rows.reduce((sum, row) => sum + row.reconciled, 0) };
  }

  categoryChildren(parentId: string | null, kind: CategoryKind): CategoryState[] {
    return this.sql
      .all<CategoryRow>('SELECT * FROM categories WHERE parent_id IS ? AND kind = ? AND archived = 0 ORDER BY n', parentId, kind)
      .map(toCategory);
  }

  transactionIdsInCategory(categoryId: string): string[] {
    return this.sql.all<{ id: string }>('SELECT id FROM transactions WHERE category_id = ? ORDER BY n', categoryId).map((row) => row.id);
  }

  hasCategories(): boolean {
    return this.sql.get('SELECT 1 FROM categories WHERE archived = 0 LIMIT 1') !== undefined;
  }

  exchangeRate(currency: string, base: string): string | undefined {
    return this.sql.get<{ rate: string }>('SELECT rate FROM exchange_rates WHERE currency = ? AND base = ?', currency, base)?.rate;
  }
}

/** Event types this version folds (the schema's own list, so a new type is known once it is added there). */
const KNOWN_TYPES: ReadonlySet<string> = new Set(LedgerEvent.options.map((option) => option.shape.type.value));

/** The payload as an event without a schema parse, when it is of this version and a known type; else null. */
function trustedEvent(payload: unknown): LedgerEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { v, type } = payload as { v?: unknown; type?: unknown };
  return v === EVENT_SCHEMA_VERSION && typeof type === 'string' && KNOWN_TYPES.has(type) ? (payload as LedgerEvent) : null;
}

function parseEvent(payload: unknown, seq: number): LedgerEvent {
  const parsed = LedgerEvent.safeParse(payload);
  if (parsed.success) return parsed.data;
  const version = (payload as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && version > EVENT_SCHEMA_VERSION) {
    throw new DomainError('format_too_new', 'errors.ledger_event_too_new', { seq, version });
  }
  throw new DomainError('integrity', 'errors.ledger_event_invalid', { seq, detail: parsed.error.issues[0]?.message ?? '' });
}

function createEmpty(): LedgerProjection {
  const db = new Database(':memory:');
  db.exec(SCHEMA_SQL);
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  insert.run('kind', PROJECTION_KIND);
  insert.run('schema_version', String(PROJECTION_SCHEMA_VERSION));
  insert.run('last_seq', '0');
  return new LedgerProjection(db);
}

/** Opens a serialized projection; anything but this exact schema version is refused so the vault replays. */
function openSnapshot(bytes: Uint8Array): LedgerProjection {
  let db: Database.Database;
  try {
    db = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new DomainError('integrity', 'errors.ledger_snapshot_foreign', {});
  }
  try {
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((row) => [row.key, row.value]),
    );
    if (meta.get('kind') !== PROJECTION_KIND) throw new DomainError('integrity', 'errors.ledger_snapshot_foreign', {});
    const version = meta.get('schema_version');
    if (version !== String(PROJECTION_SCHEMA_VERSION)) {
      throw new DomainError('integrity', 'errors.ledger_snapshot_outdated', { version: version ?? '?', expected: PROJECTION_SCHEMA_VERSION });
    }
    return new LedgerProjection(db);
  } catch (error) {
    db.close();
    if (error instanceof DomainError) throw error;
    throw new DomainError('integrity', 'errors.ledger_snapshot_foreign', {});
  }
}

export const ledgerProjectionFactory = {
  empty: createEmpty,
  fromSnapshot: openSnapshot,
} satisfies ProjectionFactory;

/** The vault hands projections back typed as its own interface; this recovers the ledger's class. */
export function asLedgerProjection(projection: Projection): LedgerProjection {
  if (!(projection instanceof LedgerProjection)) throw new Error('not a ledger projection');
  return projection;
}

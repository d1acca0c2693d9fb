/**
 * The ledger service: validates a command, makes its events durable through the sink (the vault's
 * encrypted journal), then folds them into the projection. `execute` is synchronous from start to
 * finish, so on Node's single thread two callers can never interleave between the "seen this
 * request?" check and the write: a double click or a retry records once and gets the first result.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import { commandDigest } from './command-digest';
import { decide, LedgerCommand, type DecideContext } from './commands';
import { localDate } from './dates';
import { checkCommandText } from './rules';
import { LedgerEvent, type ImportedRow } from './events';
import type { LedgerProjection } from './projection';

/** Where events become durable; the vault session implements it. Returns one seq per payload, in order. */
export interface EventSink {
  append(payloads: readonly unknown[]): { seq: number }[];
  /** Same all-or-nothing durable commit, encryption done in slices between event-loop turns (big batches). */
  appendCooperatively?(payloads: readonly unknown[]): Promise<{ seq: number }[]>;
}

/** Lets IPC, timers and progress events through between two slices of a long batch. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Transaction lines a batch adds (an import chunk carries up to IMPORT_CHUNK_ROWS): sizes the fold's index pause. */
function linesAdded(events: readonly LedgerEvent[]): number {
  return events.reduce((lines, event) => lines + (event.type === 'TransactionsImported' ? event.rows.length : 0), 0);
}

/** What a batch's decision may be: its events at once, or a generator that yields between slices and returns them. */
export type BatchDecision = LedgerEvent[] | Generator<void, LedgerEvent[], void>;

/**
 * The checks of an imported row that the decision (decide-import.ts) does not make by
 * construction; a row that fails one sends its whole event through the full schema parse, which
 * then throws exactly as before. Everything else about each row — ids, the account's currency, a
 * checked booking date, single-line payee, free-text note, sign against kind, the transfer leg —
 * is built by the decision itself, so the schema is checked on the event with its first row only.
 */
function rowNeedsSchema(row: ImportedRow): boolean {
  const text = (value: unknown) => value === null || (typeof value === 'string' && value.length >= 1 && value.length <= 200);
  return !(
    Number.isSafeInteger(row.amountMinor) &&
    row.amountMinor !== 0 &&
    Number.isSafeInteger(row.line) &&
    row.line > 0 &&
    text(row.externalId) &&
    text(row.refundOf) &&
    (row.kind === 'transfer') === (row.transfer !== null) &&
    (row.kind === 'transfer' || (row.kind === 'expense' ? row.amountMinor < 0 : row.amountMinor > 0))
  );
}

/** A rule's check of an event about to be written: a failure here is our bug, caught before it is durable. */
function checkEvent(event: LedgerEvent): LedgerEvent {
  if (event.type !== 'TransactionsImported' || event.rows.length < 2 || event.rows.some(rowNeedsSchema)) return LedgerEvent.parse(event);
  const checked = LedgerEvent.parse({ ...event, rows: event.rows.slice(0, 1) });
  return { ...checked, rows: event.rows } as LedgerEvent;
}

/** Where a long batch is: checking its events, writing them, folding them into the projection. */
export type BatchProgress = (phase: 'check' | 'write' | 'apply', done: number, total: number) => void;

export interface CommandResult {
  requestId: string;
  /** The account, transaction, transfer, category or reconciliation the command created or changed. */
  id: string;
  eventIds: string[];
}

export interface LedgerDeps {
  sink: EventSink;
  projection: LedgerProjection;
  now?: () => Date;
  newId?: () => string;
  /** The user's calendar date; defaults to the local date of `now()`. */
  today?: (now: Date) => string;
}

export class Ledger {
  readonly projection: LedgerProjection;
  private readonly sink: EventSink;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly today: (now: Date) => string;
  /** Set when the journal accepted events the projection could not apply: the two now disagree. */
  private failure: unknown = null;
  /** Batches being decided, written or folded, by request id: a second call with the same id gets the first's answer. */
  private readonly batches = new Map<string, Promise<CommandResult & { replayed: boolean }>>();

  constructor(deps: LedgerDeps) {
    this.sink = deps.sink;
    this.projection = deps.projection;
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
    this.today = deps.today ?? localDate;
  }

  execute(input: unknown): CommandResult {
    if (this.failure) throw new DomainError('internal', 'errors.ledger_needs_reload', {});
    const parsed = LedgerCommand.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainError('invalid_input', 'errors.invalid_input', { detail: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() });
    }
    const command = parsed.data;
    checkCommandText(command);
    const digest = commandDigest(command);
    const seen = this.projection.requestResult(command.requestId);
    if (seen) {
      // Same id, other content: answering with the first result would hide that this command never ran.
      if (seen.commandDigest !== undefined && seen.commandDigest !== digest) {
        throw new DomainError('rejected', 'errors.request_id_reused', { requestId: command.requestId });
      }
      return { requestId: command.requestId, id: seen.id, eventIds: seen.eventIds };
    }

    const now = this.now();
    const ctx: DecideContext = { now, newId: this.newId, today: this.today(now) };
    // A rule's check of an event we are about to write: a failure here is our bug, caught before it is durable.
    const events = decide(this.projection, command, ctx).map((event) => LedgerEvent.parse({ ...event, commandDigest: digest }));
    const appended = this.sink.append(events);
    if (appended.length !== events.length) throw new Error('event sink returned the wrong number of seqs');
    try {
      events.forEach((event, index) => this.projection.apply(appended[index]!.seq, event));
    } catch (error) {
      this.failure = error;
      throw error;
    }
    const result = this.projection.requestResult(command.requestId);
    if (!result) throw new Error('applied events left no request result');
    return { requestId: command.requestId, id: result.id, eventIds: result.eventIds };
  }

  /**
   * A batch of many events (a statement import): decided like a command, checked and folded one
   * event per event-loop turn, and written in ONE durable commit (all events or none). `replayed`
   * tells a retried request (same id) apart from a new write. While the events are folded, reads of
   * the projection may see part of the batch; the caller announces the change when this resolves.
   */
  async executeBatch(
    requestId: string,
    decideEvents: (ctx: DecideContext) => BatchDecision,
    onProgress: BatchProgress = () => {},
  ): Promise<CommandResult & { replayed: boolean }> {
    const running = this.batches.get(requestId);
    if (running) return running.then((result) => ({ ...result, replayed: true }));
    const batch = this.runBatch(requestId, decideEvents, onProgress);
    this.batches.set(requestId, batch);
    try {
      return await batch;
    } finally {
      this.batches.delete(requestId);
    }
  }

  private async runBatch(
    requestId: string,
    decideEvents: (ctx: DecideContext) => BatchDecision,
    onProgress: BatchProgress,
  ): Promise<CommandResult & { replayed: boolean }> {
    if (this.failure) throw new DomainError('internal', 'errors.ledger_needs_reload', {});
    const seen = this.projection.requestResult(requestId);
    if (seen) return { requestId, id: seen.id, eventIds: seen.eventIds, replayed: true };
    const decided = await this.decideBatch(decideEvents);
    const events: LedgerEvent[] = [];
    for (const event of decided) {
      events.push(checkEvent(event));
      onProgress('check', events.length, decided.length);
      await nextTurn();
    }
    const startSeq = this.projection.lastSeq();
    const appended = this.sink.appendCooperatively ? await this.sink.appendCooperatively(events) : this.sink.append(events);
    if (appended.length !== events.length) throw new Error('event sink returned the wrong number of seqs');
    if (appended[0] && appended[0].seq !== startSeq + 1) {
      // Another writer got in between the decision and the commit: the projection no longer matches the journal.
      this.failure = new Error('journal moved during a batch');
      throw new DomainError('internal', 'errors.ledger_needs_reload', {});
    }
    onProgress('write', events.length, events.length);
    try {
      // Folded like a replay: applyBatch (one SQLite transaction per event, no second schema parse of
      // events just parsed above) and, when the batch brings at least as many lines as the wallet
      // holds, the read indexes paused and built once at the end (a sort instead of 100k random
      // inserts into each). One event (≤ IMPORT_CHUNK_ROWS lines) per event-loop turn.
      this.projection.beginReplay(linesAdded(events));
      for (let index = 0; index < events.length; index++) {
        this.projection.applyBatch([{ seq: appended[index]!.seq, payload: events[index] }]);
        onProgress('apply', index + 1, events.length);
        // Also after the last event: the first index rebuild is a task of its own, not added to it.
        await nextTurn();
      }
      for (const _ of this.projection.endReplay()) await nextTurn();
    } catch (error) {
      this.failure = error;
      throw error;
    }
    const result = this.projection.requestResult(requestId);
    if (!result) throw new Error('applied events left no request result');
    return { requestId, id: result.id, eventIds: result.eventIds, replayed: false };
  }

  /**
   * The batch's events, decided one slice per event-loop turn when the decision is a generator. If
   * something was recorded meanwhile, the decision is made again on the new state (twice at most).
   */
  private async decideBatch(decideEvents: (ctx: DecideContext) => BatchDecision): Promise<LedgerEvent[]> {
    for (let attempt = 0; ; attempt++) {
      const before = this.projection.lastSeq();
      const now = this.now();
      const decision = decideEvents({ now, newId: this.newId, today: this.today(now) });
      if (Array.isArray(decision)) return decision;
      let next = decision.next();
      while (!next.done) {
        await nextTurn();
        next = decision.next();
      }
      if (this.projection.lastSeq() === before) return next.value;
      if (attempt >= 2) throw new DomainError('wallet_busy', 'errors.import_batch.journal_moved', {});
    }
  }
}

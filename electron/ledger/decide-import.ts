/**
 * Import batches as events (EVENTS.md "Import batches"). Pure: state + planned rows → events, or a
 * DomainError before anything is written. Imported rows are facts from a statement, so the funds
 * and credit-limit checks that guard a new payment are NOT applied here (the import preview warns
 * instead); everything else a recorded line must satisfy still holds (usable account, its
 * currency, an existing category of the right kind, a booking date, single-line payee).
 */
import { DomainError } from '../../shared/errors';
import { isFreeText, isSingleLineText } from '../../shared/text-rules';
import { checkBookingDate } from './dates';
import { IMPORT_CHUNK_ROWS, LIMITS, type ImportedRow, type LedgerEvent } from './events';
import type { DecideContext } from './commands';
import type { LedgerReadModel } from './read-model';
import { cleanTags, envelope, requireCategory, usableAccount } from './rules';
import { orderedLineIds } from './ordered-ids';

/** One planned row to record (electron/import/plan.ts makes these). */
export interface ImportRowInput {
  accountId: string;
  /** Signed minor units in the account's currency; 0 is refused. */
  amountMinor: number;
  /** Neutral rows recorded as transfers name the other account. */
  counterAccountId?: string | null;
  date: string;
  payee: string;
  note: string;
  categoryId?: string | null;
  tags?: readonly string[];
  externalId: string | null;
  line: number;
  refundOf?: string | null;
}

export interface ImportBatchInput {
  requestId: string;
  batchId: string;
  accountId: string;
  format: 'csv' | 'ofx' | 'qif' | 'alipay' | 'wechat';
  fileName: string;
  encoding: string;
  rows: readonly ImportRowInput[];
}

export interface BatchInfo {
  id: string;
  accountId: string;
  undone: boolean;
}

/** What the batch rules read besides the ledger's usual read model. */
export interface ImportReadModel extends LedgerReadModel {
  importBatch(batchId: string): BatchInfo | undefined;
  /** Accounts holding any line of the batch, and how many of its lines are reconciled (live or not). */
  importBatchLines(batchId: string): { accountIds: string[]; reconciled: number };
}

const rowError = (line: number, messageKey: string, params: Record<string, string | number> = {}) =>
  new DomainError('invalid_input', messageKey, { line, ...params });

/** Rows decided between two event-loop turns (decideImportBatchSteps): ~10–30 ms at 100k rows on a loaded machine. */
export const DECIDE_SLICE_ROWS = 2_000;

export function decideImportBatch(state: ImportReadModel, input: ImportBatchInput, ctx: DecideContext): LedgerEvent[] {
  const steps = decideImportBatchSteps(state, input, ctx);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `decideImportBatch` as a generator that yields every DECIDE_SLICE_ROWS rows, so a 100k-row batch
 * is decided without holding the event loop (Ledger.executeBatch drives it and decides again if
 * the wallet changed meanwhile). Same events, same errors.
 */
export function* decideImportBatchSteps(state: ImportReadModel, input: ImportBatchInput, ctx: DecideContext): Generator<void, LedgerEvent[], void> {
  const account = usableAccount(state, input.accountId);
  if (state.importBatch(input.batchId)) throw new DomainError('already_exists', 'errors.import_batch.exists', { batchId: input.batchId });
  if (input.rows.length === 0) throw new DomainError('rejected', 'errors.import_batch.nothing_to_import', {});
  const checked = new Map<string, { id: string; currency: string }>([[account.id, account]]);
  const usable = (id: string) => {
    let found = checked.get(id);
    if (!found) {
      found = usableAccount(state, id);
      checked.set(id, found);
    }
    return found;
  };
  // Line and transfer ids in ascending order (ordered-ids.ts: the fold appends to the id index).
  const lineId = orderedLineIds(ctx);
  const decideRow = (row: ImportRowInput): ImportedRow => {
    const target = usable(row.accountId);
    if (!Number.isSafeInteger(row.amountMinor) || row.amountMinor === 0) throw rowError(row.line, 'errors.import_batch.amount_zero');
    let date: string;
    try {
      date = checkBookingDate(row.date);
    } catch {
      throw rowError(row.line, 'errors.import_batch.bad_date', { value: row.date });
    }
    const payee = row.payee.trim().slice(0, LIMITS.payee);
    if (!isSingleLineText(payee)) throw rowError(row.line, 'errors.import_batch.bad_text', { column: 'payee' });
    const note = row.note.slice(0, LIMITS.note);
    if (!isFreeText(note)) throw rowError(row.line, 'errors.import_batch.bad_text', { column: 'note' });
    const common = {
      transactionId: lineId(),
      accountId: target.id,
      amountMinor: row.amountMinor,
      currency: target.currency,
      date,
      payee,
      note,
      tags: cleanTags(row.tags).slice(0, LIMITS.tags),
      status: 'cleared' as const,
      externalId: row.externalId,
      line: row.line,
      refundOf: row.refundOf ?? null,
    };
    if (row.counterAccountId) {
      const counter = usable(row.counterAccountId);
      if (counter.id === target.id) throw rowError(row.line, 'errors.import_batch.transfer_same_account');
      if (counter.currency !== target.currency) throw rowError(row.line, 'errors.import_batch.transfer_currency', { currency: counter.currency });
      return {
        ...common,
        kind: 'transfer',
        categoryId: null,
        transfer: { transferId: lineId(), counterTransactionId: lineId(), counterAccountId: counter.id },
      };
    }
    const kind = row.amountMinor < 0 ? 'expense' : 'income';
    const categoryId = row.categoryId ?? null;
    if (categoryId !== null) requireCategory(state, categoryId, kind);
    return { ...common, kind, categoryId, transfer: null };
  };
  const rows: ImportedRow[] = [];
  for (const row of input.rows) {
    if (rows.length > 0 && rows.length % DECIDE_SLICE_ROWS === 0) yield;
    rows.push(decideRow(row));
  }
  const chunkCount = Math.ceil(rows.length / IMPORT_CHUNK_ROWS);
  const events: LedgerEvent[] = [
    envelope(ctx, input.requestId, {
      type: 'ImportBatchStarted',
      batchId: input.batchId,
      accountId: account.id,
      format: input.format,
      fileName: input.fileName.slice(0, LIMITS.payee),
      encoding: input.encoding.slice(0, 40),
      rowCount: rows.length,
      chunkCount,
    }),
  ];
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    events.push(
      envelope(ctx, input.requestId, {
        type: 'TransactionsImported',
        batchId: input.batchId,
        chunk,
        rows: rows.slice(chunk * IMPORT_CHUNK_ROWS, (chunk + 1) * IMPORT_CHUNK_ROWS),
      }),
    );
  }
  return events;
}

/** Undo (void every live line of the batch) or restore (bring back what the undo voided). */
export function decideBatchUndo(
  state: ImportReadModel,
  input: { requestId: string; batchId: string; undo: boolean; reason?: string },
  ctx: DecideContext,
): LedgerEvent {
  const batch = state.importBatch(input.batchId);
  if (!batch) throw new DomainError('not_found', 'errors.import_batch.not_found', { batchId: input.batchId });
  if (input.undo && batch.undone) throw new DomainError('rejected', 'errors.import_batch.already_undone', {});
  if (!input.undo && !batch.undone) throw new DomainError('rejected', 'errors.import_batch.not_undone', {});
  const lines = state.importBatchLines(input.batchId);
  // A reconciled line is locked: the statement it was matched against would no longer agree.
  if (lines.reconciled > 0) throw new DomainError('rejected', 'errors.import_batch.reconciled', { count: lines.reconciled });
  for (const id of lines.accountIds) usableAccount(state, id);
  return input.undo
    ? envelope(ctx, input.requestId, { type: 'ImportBatchUndone', batchId: batch.id, reason: input.reason ?? '' })
    : envelope(ctx, input.requestId, { type: 'ImportBatchRestored', batchId: batch.id });
}

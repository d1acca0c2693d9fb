/**
 * Folds the import-batch events (EVENTS.md "Import batches") into the projection. Set-based where
 * a batch is touched as a whole (undo, restore: one UPDATE each, never a loop over 100k rows in JS)
 * and multi-row INSERTs (50 lines per statement) plus one INSERT … SELECT for their history where rows arrive.
 */
import { DomainError } from '../../shared/errors';
import type { EventOf, ImportedRow } from './events';
import type { Sql } from './sql';

type ImportEvent = EventOf<'ImportBatchStarted' | 'TransactionsImported' | 'ImportBatchUndone' | 'ImportBatchRestored'>;

function broken(event: ImportEvent, what: string): DomainError {
  return new DomainError('integrity', 'errors.ledger_event_inconsistent', { event: event.type, detail: what });
}

export function applyImport(sql: Sql, event: ImportEvent): void {
  switch (event.type) {
    case 'ImportBatchStarted':
      if (!sql.get('SELECT 1 FROM accounts WHERE id = ?', event.accountId)) throw broken(event, 'unknown account');
      sql.run(
        `INSERT INTO import_batches (id, account_id, format, file_name, encoding, row_count, chunk_count, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        event.batchId,
        event.accountId,
        event.format,
        event.fileName,
        event.encoding,
        event.rowCount,
        event.chunkCount,
        event.at,
      );
      return;
    case 'TransactionsImported': {
      const batch = sql.get<{ chunks_seen: number; chunk_count: number }>('SELECT chunks_seen, chunk_count FROM import_batches WHERE id = ?', event.batchId);
      // Chunks arrive in order, right after their batch started: anything else is not a journal this code wrote.
      if (!batch || batch.chunks_seen !== event.chunk || event.chunk >= batch.chunk_count) throw broken(event, 'chunk out of order');
      const known = new Set<string>();
      const requireAccount = (id: string) => {
        if (known.has(id)) return;
        if (!sql.get('SELECT 1 FROM accounts WHERE id = ?', id)) throw broken(event, 'unknown account');
        known.add(id);
      };
      // Every line's values in one flat list, in recording order (a transfer's counter leg right
      // after its row), then written INSERT_GROUP lines per statement: one call into SQLite per group
      // instead of one per line (the fold of a 100k-row import was mostly these calls).
      const values: (string | number | null)[] = [];
      for (const row of event.rows) {
        requireAccount(row.accountId);
        pushLine(values, event, row, row.transactionId, row.accountId, row.amountMinor, row.externalId);
        if (row.transfer) {
          requireAccount(row.transfer.counterAccountId);
          pushLine(values, event, row, row.transfer.counterTransactionId, row.transfer.counterAccountId, -row.amountMinor, null);
        }
      }
      const before = sql.get<{ n: number | null }>('SELECT max(n) AS n FROM transactions')?.n ?? 0;
      const lines = values.length / LINE_COLUMNS;
      // The running balance's insert trigger is set aside for the chunk and each account's balance
      // moved once by the sum of its new live lines (a third of a 100k fold was the trigger's
      // per-line UPDATE). Inside the fold's transaction (LedgerProjection.applySlice): a failure rolls
      // the DROP back with the rows, and nothing reads between the DROP and the CREATE.
      const trigger = sql.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", BALANCE_TRIGGER)?.sql;
      if (trigger) sql.db.exec(`DROP TRIGGER ${BALANCE_TRIGGER}`);
      let done = 0;
      for (; done + INSERT_GROUP <= lines; done += INSERT_GROUP) {
        sql.run(insertLinesSql(INSERT_GROUP), ...values.slice(done * LINE_COLUMNS, (done + INSERT_GROUP) * LINE_COLUMNS));
      }
      for (; done < lines; done++) sql.run(insertLinesSql(1), ...values.slice(done * LINE_COLUMNS, (done + 1) * LINE_COLUMNS));
      if (trigger) {
        sql.run(
          `UPDATE accounts SET balance_minor = balance_minor + added.sum
           FROM (SELECT account_id, sum(amount_minor) AS sum FROM transactions WHERE n > ? AND voided = 0 GROUP BY account_id) AS added
           WHERE accounts.id = added.account_id`,
          before,
        );
        sql.db.exec(trigger);
      }
      // Their 'recorded' history rows, one per line in the same order; details as
      // {"importBatch":"<id>","line":<n>} (json_object writes it exactly as the per-line insert did).
      sql.run(
        `INSERT INTO transaction_history (transaction_id, event_id, at, action, details)
         SELECT id, ?, ?, 'recorded', json_object('importBatch', import_batch, 'line', import_line) FROM transactions WHERE n > ? ORDER BY n`,
        event.eventId,
        event.at,
        before,
      );
      sql.run('UPDATE import_batches SET chunks_seen = chunks_seen + 1 WHERE id = ?', event.batchId);
      return;
    }
    case 'ImportBatchUndone': {
      const batch = sql.get<{ undone: number }>('SELECT undone FROM import_batches WHERE id = ?', event.batchId);
      if (!batch || batch.undone) throw broken(event, 'unknown or undone batch');
      sql.run(
        `INSERT INTO transaction_history (transaction_id, event_id, at, action, details)
         SELECT id, ?, ?, 'voided', json_object('reason', ?, 'importBatch', ?) FROM transactions
         WHERE import_batch = ? AND voided = 0 ORDER BY n`,
        event.eventId,
        event.at,
        event.reason,
        event.batchId,
        event.batchId,
      );
      sql.run(
        'UPDATE transactions SET voided = 1, voided_at = ?, updated_at = ?, import_voided = 1 WHERE import_batch = ? AND voided = 0',
        event.at,
        event.at,
        event.batchId,
      );
      sql.run('UPDATE import_batches SET undone = 1, undone_at = ? WHERE id = ?', event.at, event.batchId);
      return;
    }
    case 'ImportBatchRestored': {
      const batch = sql.get<{ undone: number }>('SELECT undone FROM import_batches WHERE id = ?', event.batchId);
      if (!batch?.undone) throw broken(event, 'batch not undone');
      sql.run(
        `INSERT INTO transaction_history (transaction_id, event_id, at, action, details)
         SELECT id, ?, ?, 'restored', json_object('importBatch', ?) FROM transactions
         WHERE import_batch = ? AND import_voided = 1 ORDER BY n`,
        event.eventId,
        event.at,
        event.batchId,
        event.batchId,
      );
      sql.run(
        'UPDATE transactions SET voided = 0, voided_at = NULL, updated_at = ?, import_voided = 0 WHERE import_batch = ? AND import_voided = 1',
        event.at,
        event.batchId,
      );
      sql.run('UPDATE import_batches SET undone = 0, undone_at = NULL WHERE id = ?', event.batchId);
      return;
    }
  }
}

/** schema.ts: keeps accounts.balance_minor as lines are inserted one by one. */
const BALANCE_TRIGGER = 'tx_balance_inserted';
/** Columns of one imported line in `insertLinesSql`, in order. */
const LINE_COLUMNS = 17;
/** Lines per INSERT statement: 17 × 50 = 850 bound values, far under SQLite's limit (32,766). */
const INSERT_GROUP = 50;
const insertSqlByCount = new Map<number, string>();

function insertLinesSql(count: number): string {
  let text = insertSqlByCount.get(count);
  if (!text) {
    const one = `(${new Array(LINE_COLUMNS).fill('?').join(', ')})`;
    text = `INSERT INTO transactions (id, account_id, kind, amount_minor, currency, date, payee, category_id, tags, note, status, transfer_id,
       recorded_at, updated_at, import_batch, external_id, import_line)
     VALUES ${new Array(count).fill(one).join(', ')}`;
    insertSqlByCount.set(count, text);
  }
  return text;
}

function pushLine(
  values: (string | number | null)[],
  event: EventOf<'TransactionsImported'>,
  row: ImportedRow,
  id: string,
  accountId: string,
  amountMinor: number,
  externalId: string | null,
): void {
  values.push(
    id,
    accountId,
    row.kind,
    amountMinor,
    row.currency,
    row.date,
    row.payee,
    row.transfer ? null : row.categoryId,
    JSON.stringify(row.tags),
    row.note,
    row.status,
    row.transfer?.transferId ?? null,
    event.at,
    event.at,
    event.batchId,
    externalId,
    row.line,
  );
}

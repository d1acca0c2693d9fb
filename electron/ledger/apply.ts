/**
 * Folds one validated event into the projection's tables. Deterministic by construction: every
 * value written comes from the event or from rows earlier events wrote (no clock, no randomness),
 * so replaying the same journal always yields the same rows. A reference to something that does
 * not exist means the journal and this code disagree; that is an integrity error, never skipped.
 */
import { DomainError } from '../../shared/errors';
import type { EventOf, LedgerEvent } from './events';
import type { Sql } from './sql';
import type { TransactionRow } from './rows';
import { applyImport } from './apply-import';

function broken(event: LedgerEvent, what: string): DomainError {
  return new DomainError('integrity', 'errors.ledger_event_inconsistent', { event: event.type, detail: what });
}

/** The entity a request created or touched: what the command's caller gets back as `id`. */
function entityOf(event: LedgerEvent): string {
  switch (event.type) {
    case 'AccountOpened':
    case 'AccountUpdated':
    case 'AccountFrozen':
    case 'AccountUnfrozen':
    case 'AccountClosed':
      return event.accountId;
    case 'TransactionRecorded':
    case 'TransactionAmended':
    case 'TransactionVoided':
    case 'TransactionRestored':
    case 'TransactionStatusChanged':
      return event.transactionId;
    case 'TransferRecorded':
      return event.transferId;
    case 'CategoryDefined':
    case 'CategoryArchived':
    case 'BudgetSet':
      return event.categoryId;
    case 'ExchangeRateSet':
      return `${event.currency}/${event.base}`;
    case 'Reconciled':
      return event.reconciliationId;
    case 'ImportBatchStarted':
    case 'TransactionsImported':
    case 'ImportBatchUndone':
    case 'ImportBatchRestored':
      return event.batchId;
    case 'AlertRulesSet':
      return 'alert-settings';
    case 'AlertDismissed':
    case 'AlertMarkedUsual':
      return event.alertKey;
  }
}

export interface RequestResult {
  id: string;
  eventIds: string[];
  /** The command's digest, when its events carry one (see command-digest.ts). */
  commandDigest?: string;
}

export function applyEvent(sql: Sql, event: LedgerEvent): void {
  applyState(sql, event);
  recordRequest(sql, event);
}

/**
 * One statement per event: the first event of a request creates its result, later ones append
 * their ids. JSON is built by SQLite so the stored text is the same however the row came to be.
 */
function recordRequest(sql: Sql, event: LedgerEvent): void {
  // The digest only when the event has one, so results of older events stay byte-identical
  // (snapshots made before digests existed still agree with a replay).
  sql.run(
    `INSERT INTO requests (request_id, result) VALUES (?, CASE WHEN ? IS NULL
       THEN json_object('id', ?, 'eventIds', json_array(?))
       ELSE json_object('id', ?, 'eventIds', json_array(?), 'commandDigest', ?) END)
     ON CONFLICT (request_id) DO UPDATE SET result = json_insert(result, '$.eventIds[#]', ?)`,
    event.requestId,
    event.commandDigest ?? null,
    entityOf(event),
    event.eventId,
    entityOf(event),
    event.eventId,
    event.commandDigest ?? null,
    event.eventId,
  );
}

function history(sql: Sql, event: LedgerEvent, transactionId: string, action: string, details: object): void {
  sql.run(
    'INSERT INTO transaction_history (transaction_id, event_id, at, action, details) VALUES (?, ?, ?, ?, ?)',
    transactionId,
    event.eventId,
    event.at,
    action,
    JSON.stringify(details),
  );
}

function changedOne(event: LedgerEvent, changes: number, what: string): void {
  if (changes !== 1) throw broken(event, what);
}

function applyState(sql: Sql, event: LedgerEvent): void {
  switch (event.type) {
    case 'AccountOpened':
      sql.run(
        `INSERT INTO accounts (id, name, kind, currency, opening_balance_minor, credit_limit_minor, opened_on, opened_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        event.accountId,
        event.name,
        event.kind,
        event.currency,
        event.openingBalanceMinor,
        event.creditLimitMinor,
        event.openedOn,
        event.at,
      );
      return;
    case 'AccountUpdated':
      changedOne(
        event,
        sql.run(
          `UPDATE accounts SET name = COALESCE(?, name), credit_limit_minor = COALESCE(?, credit_limit_minor), kind = COALESCE(?, kind),
             note = COALESCE(?, note), position = COALESCE(?, position) WHERE id = ?`,
          event.name ?? null,
          event.creditLimitMinor ?? null,
          event.kind ?? null,
          event.note ?? null,
          event.position ?? null,
          event.accountId,
        ).changes,
        'unknown account',
      );
      return;
    case 'AccountFrozen':
    case 'AccountUnfrozen': {
      const frozen = event.type === 'AccountFrozen';
      const reason = event.type === 'AccountFrozen' ? event.reason : '';
      changedOne(event, sql.run('UPDATE accounts SET frozen = ?, frozen_reason = ?, frozen_at = ? WHERE id = ?', frozen ? 1 : 0, reason, frozen ? event.at : null, event.accountId).changes, 'unknown account');
      return;
    }
    case 'AccountClosed':
      changedOne(event, sql.run('UPDATE accounts SET closed = 1 WHERE id = ?', event.accountId).changes, 'unknown account');
      return;
    case 'TransactionRecorded':
      requireAccount(sql, event, event.accountId);
      insertLine(sql, event, {
        id: event.transactionId,
        accountId: event.accountId,
        kind: event.kind,
        amountMinor: event.amountMinor,
        currency: event.currency,
        categoryId: event.categoryId,
        transferId: null,
      });
      return;
    case 'TransferRecorded':
      requireAccount(sql, event, event.fromAccountId);
      requireAccount(sql, event, event.toAccountId);
      insertLine(sql, event, {
        id: event.fromTransactionId,
        accountId: event.fromAccountId,
        kind: 'transfer',
        amountMinor: -event.amountMinor,
        currency: event.currency,
        categoryId: null,
        transferId: event.transferId,
      });
      insertLine(sql, event, {
        id: event.toTransactionId,
        accountId: event.toAccountId,
        kind: 'transfer',
        amountMinor: event.toAmountMinor,
        currency: event.toCurrency,
        categoryId: null,
        transferId: event.transferId,
      });
      return;
    case 'TransactionAmended':
      applyAmendment(sql, event);
      return;
    case 'TransactionVoided':
    case 'TransactionRestored': {
      const voided = event.type === 'TransactionVoided';
      for (const line of linesOf(sql, event, event.transactionId)) {
        // import_voided = 0: a line voided or restored by hand is no longer the batch undo's to bring back.
        sql.run('UPDATE transactions SET voided = ?, voided_at = ?, updated_at = ?, import_voided = 0 WHERE id = ?', voided ? 1 : 0, voided ? event.at : null, event.at, line.id);
        history(sql, event, line.id, voided ? 'voided' : 'restored', voided && event.type === 'TransactionVoided' ? { reason: event.reason } : {});
      }
      return;
    }
    case 'TransactionStatusChanged':
      changedOne(event, sql.run('UPDATE transactions SET status = ?, updated_at = ? WHERE id = ?', event.status, event.at, event.transactionId).changes, 'unknown transaction');
      history(sql, event, event.transactionId, 'status', { status: event.status });
      return;
    case 'CategoryDefined':
      sql.run(
        `INSERT INTO categories (id, name, kind, parent_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id`,
        event.categoryId,
        event.name,
        event.kind,
        event.parentId,
      );
      return;
    case 'CategoryArchived':
      changedOne(event, sql.run('UPDATE categories SET archived = 1 WHERE id = ?', event.categoryId).changes, 'unknown category');
      return;
    case 'BudgetSet':
      sql.run(
        `INSERT INTO budgets (category_id, month, amount_minor, currency) VALUES (?, ?, ?, ?)
         ON CONFLICT (category_id, month) DO UPDATE SET amount_minor = excluded.amount_minor, currency = excluded.currency`,
        event.categoryId,
        event.month,
        event.amountMinor,
        event.currency,
      );
      return;
    case 'ExchangeRateSet':
      if (event.rate === null) sql.run('DELETE FROM exchange_rates WHERE currency = ? AND base = ?', event.currency, event.base);
      else {
        sql.run(
          'INSERT INTO exchange_rates (currency, base, rate) VALUES (?, ?, ?) ON CONFLICT (currency, base) DO UPDATE SET rate = excluded.rate',
          event.currency,
          event.base,
          event.rate,
        );
      }
      return;
    case 'Reconciled':
      requireAccount(sql, event, event.accountId);
      sql.run(
        `INSERT INTO reconciliations (id, account_id, statement_date, statement_balance_minor, cleared_count, at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        event.reconciliationId,
        event.accountId,
        event.statementDate,
        event.statementBalanceMinor,
        event.clearedTransactionIds.length,
        event.at,
      );
      for (const id of event.clearedTransactionIds) {
        changedOne(
          event,
          sql.run(
            "UPDATE transactions SET status = 'reconciled', reconciliation_id = ?, updated_at = ? WHERE id = ? AND account_id = ?",
            event.reconciliationId,
            event.at,
            id,
            event.accountId,
          ).changes,
          'unknown transaction',
        );
        history(sql, event, id, 'reconciled', { reconciliationId: event.reconciliationId, statementDate: event.statementDate });
      }
      return;
    case 'ImportBatchStarted':
    case 'TransactionsImported':
    case 'ImportBatchUndone':
    case 'ImportBatchRestored':
      applyImport(sql, event);
      return;
    case 'AlertRulesSet':
    case 'AlertDismissed':
    case 'AlertMarkedUsual': {
      // Kept as written, in journal order, for electron/security/alerts to fold; no balance or line changes.
      const { v: _v, eventId, requestId: _r, at: _a, commandDigest: _d, type, ...body } = event;
      sql.run('INSERT INTO alert_facts (event_id, type, body) VALUES (?, ?, ?)', eventId, type, JSON.stringify(body));
      return;
    }
  }
}

function requireAccount(sql: Sql, event: LedgerEvent, accountId: string): void {
  if (!sql.get('SELECT 1 FROM accounts WHERE id = ?', accountId)) throw broken(event, 'unknown account');
}

interface NewLine {
  id: string;
  accountId: string;
  kind: 'expense' | 'income' | 'transfer';
  amountMinor: number;
  currency: string;
  categoryId: string | null;
  transferId: string | null;
}

function insertLine(sql: Sql, event: EventOf<'TransactionRecorded' | 'TransferRecorded'>, line: NewLine): void {
  const tags = JSON.stringify(event.tags);
  sql.run(
    `INSERT INTO transactions (id, account_id, kind, amount_minor, currency, date, payee, category_id, tags, note, status, transfer_id, recorded_at, updated_at, adjustment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    line.id,
    line.accountId,
    line.kind,
    line.amountMinor,
    line.currency,
    event.date,
    event.payee,
    line.categoryId,
    tags,
    event.note,
    event.status,
    line.transferId,
    event.at,
    event.at,
    event.type === 'TransactionRecorded' && event.adjustment ? 1 : 0,
  );
  // The row itself holds what was recorded; amendments keep the old value beside the new one.
  history(sql, event, line.id, 'recorded', {});
}

/** The line, or both legs of its transfer (outgoing first). */
function linesOf(sql: Sql, event: LedgerEvent, transactionId: string): TransactionRow[] {
  const line = sql.get<TransactionRow>('SELECT * FROM transactions WHERE id = ?', transactionId);
  if (!line) throw broken(event, 'unknown transaction');
  if (!line.transfer_id) return [line];
  return sql.all<TransactionRow>('SELECT * FROM transactions WHERE transfer_id = ? ORDER BY amount_minor < 0 DESC, n', line.transfer_id);
}

function applyAmendment(sql: Sql, event: EventOf<'TransactionAmended'>): void {
  const { changes } = event;
  const shared = {
    ...(changes.date !== undefined ? { date: changes.date } : {}),
    ...(changes.payee !== undefined ? { payee: changes.payee } : {}),
    ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
  };
  for (const line of linesOf(sql, event, event.transactionId)) {
    const own = line.id === event.transactionId;
    const lineChanges: LineChanges = {
      ...(own && changes.accountId !== undefined ? { accountId: changes.accountId } : {}),
      ...(own && changes.amountMinor !== undefined ? { amountMinor: changes.amountMinor } : {}),
      ...(!own && changes.counterAmountMinor !== undefined ? { amountMinor: changes.counterAmountMinor } : {}),
      ...(own && changes.categoryId !== undefined ? { categoryId: changes.categoryId } : {}),
      ...shared,
    };
    if (lineChanges.accountId !== undefined) requireAccount(sql, event, lineChanges.accountId);
    sql.run(
      `UPDATE transactions SET
         account_id = COALESCE(?, account_id), amount_minor = COALESCE(?, amount_minor),
         category_id = CASE WHEN ? THEN ? ELSE category_id END,
         date = COALESCE(?, date), payee = COALESCE(?, payee), tags = COALESCE(?, tags), note = COALESCE(?, note),
         updated_at = ?
       WHERE id = ?`,
      lineChanges.accountId ?? null,
      lineChanges.amountMinor ?? null,
      'categoryId' in lineChanges ? 1 : 0,
      lineChanges.categoryId ?? null,
      lineChanges.date ?? null,
      lineChanges.payee ?? null,
      lineChanges.tags === undefined ? null : JSON.stringify(lineChanges.tags),
      lineChanges.note ?? null,
      event.at,
      line.id,
    );
    history(sql, event, line.id, 'amended', beforeAndAfter(line, lineChanges));
  }
}

type LineChanges = { accountId?: string; amountMinor?: number; categoryId?: string | null; date?: string; payee?: string; tags?: string[]; note?: string };

/** `{ field: { from, to } }` for each changed field: the history view shows both without walking the log. */
function beforeAndAfter(line: TransactionRow, changes: LineChanges): Record<string, { from: unknown; to: unknown }> {
  const before: Required<LineChanges> = {
    accountId: line.account_id,
    amountMinor: line.amount_minor,
    categoryId: line.category_id,
    date: line.date,
    payee: line.payee,
    tags: JSON.parse(line.tags) as string[],
    note: line.note,
  };
  const details: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(changes)) details[field] = { from: before[field as keyof LineChanges], to: value };
  return details;
}

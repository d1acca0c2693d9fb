/**
 * The projection's tables: a disposable read model rebuilt from the journal at any time. Bump
 * PROJECTION_SCHEMA_VERSION whenever a table, column, index or the meaning of a row changes:
 * snapshots of another version are then refused and the vault replays the journal instead.
 *
 * Balances are SUMs over transaction rows (the indexes below keep those sums, and the 100k-row
 * register and search, fast). The one cached figure is accounts.balance_minor, the running balance
 * the funds check reads on every command (a SUM over a 12k-line account costs milliseconds): the
 * triggers below keep it equal to opening + SUM(live lines) whatever statement changes a line (an
 * import chunk's fold sets the insert trigger aside and adds each account's sum itself: apply-import.ts), a
 * replay rebuilds it with the rows, and verify (LedgerProjection.audit) checks it against the SUM.
 */
export const PROJECTION_SCHEMA_VERSION = 3;
/** How account lists are ordered: the user's positions first, then accounts never placed, by opening order. */
export function accountListOrder(alias: string): string {
  return `${alias}.position IS NULL, ${alias}.position, ${alias}.n`;
}
/** Marks a serialized database as a OneWallet ledger projection (and not some other SQLite file). */
export const PROJECTION_KIND = 'onewallet-ledger-projection';

export const SCHEMA_SQL = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE accounts (
  n                     INTEGER PRIMARY KEY,           -- opening order, for stable listing
  id                    TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  kind                  TEXT NOT NULL,
  currency              TEXT NOT NULL,
  opening_balance_minor INTEGER NOT NULL,
  credit_limit_minor    INTEGER NOT NULL,
  opened_on             TEXT NOT NULL,
  frozen                INTEGER NOT NULL DEFAULT 0,
  frozen_reason         TEXT NOT NULL DEFAULT '',
  frozen_at             TEXT,                          -- instant of the freeze in force (alerts: was it frozen when a line was recorded?)
  closed                INTEGER NOT NULL DEFAULT 0,
  opened_at             TEXT NOT NULL,
  balance_minor         INTEGER NOT NULL DEFAULT 0,    -- running: opening + live lines, kept by the triggers below
  note                  TEXT NOT NULL DEFAULT '',
  position              INTEGER                        -- where the user put it in the lists; NULL: after the placed ones, by n
);
CREATE INDEX accounts_name ON accounts (name);

CREATE TABLE categories (
  n         INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  parent_id TEXT,
  archived  INTEGER NOT NULL DEFAULT 0                 -- merged or deleted: kept for the rows that name it
);
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE transactions (
  n                 INTEGER PRIMARY KEY,               -- recording order: breaks ties within a day
  id                TEXT NOT NULL UNIQUE,
  account_id        TEXT NOT NULL,
  kind              TEXT NOT NULL,                     -- expense | income | transfer
  amount_minor      INTEGER NOT NULL,                  -- signed, in the account's currency
  currency          TEXT NOT NULL,
  date              TEXT NOT NULL,                     -- YYYY-MM-DD
  payee             TEXT NOT NULL,
  category_id       TEXT,
  tags              TEXT NOT NULL,                     -- JSON array
  note              TEXT NOT NULL,
  status            TEXT NOT NULL,                     -- pending | cleared | reconciled
  voided            INTEGER NOT NULL DEFAULT 0,
  voided_at         TEXT,
  transfer_id       TEXT,
  reconciliation_id TEXT,
  recorded_at       TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  import_batch      TEXT,                              -- the import batch that recorded it (both legs of a transfer)
  external_id       TEXT,                              -- the statement's id for the row, on the imported account's line
  import_line       INTEGER,                           -- the row's line in the imported file
  import_voided     INTEGER NOT NULL DEFAULT 0,        -- 1 while voided by its batch's undo (ImportBatchRestored brings these back)
  adjustment        INTEGER NOT NULL DEFAULT 0         -- 1: a reconcile balance adjustment (TransactionRecorded.adjustment)
);
-- Covering index: a balance is SUM(amount_minor) over one account's live rows, read from the index alone.
CREATE INDEX tx_balance ON transactions (account_id, voided, amount_minor);
-- Register order; covering (voided, amount) so the sum of the lines above a page is read from the index alone.
CREATE INDEX tx_register ON transactions (account_id, date, n, voided, amount_minor);
CREATE INDEX tx_date ON transactions (date, n);
CREATE INDEX tx_amount ON transactions (amount_minor, n);
CREATE INDEX tx_payee ON transactions (payee, n);
CREATE INDEX tx_category ON transactions (category_id, date);
CREATE INDEX tx_transfer ON transactions (transfer_id) WHERE transfer_id IS NOT NULL;
CREATE INDEX tx_voided ON transactions (voided_at) WHERE voided = 1;
-- De-duplication by the statement's own id: "this id in this account" is one index probe.
CREATE INDEX tx_external ON transactions (account_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX tx_import_batch ON transactions (import_batch) WHERE import_batch IS NOT NULL;

-- The running balance. Triggers rather than code in apply: every path that writes a line (record,
-- amend, void, restore, import, import undo) keeps it, including ones added later.
CREATE TRIGGER account_balance_opened AFTER INSERT ON accounts BEGIN
  UPDATE accounts SET balance_minor = NEW.opening_balance_minor WHERE n = NEW.n;
END;
CREATE TRIGGER account_balance_opening AFTER UPDATE OF opening_balance_minor ON accounts BEGIN
  UPDATE accounts SET balance_minor = balance_minor - OLD.opening_balance_minor + NEW.opening_balance_minor WHERE n = NEW.n;
END;
CREATE TRIGGER tx_balance_inserted AFTER INSERT ON transactions WHEN NEW.voided = 0 BEGIN
  UPDATE accounts SET balance_minor = balance_minor + NEW.amount_minor WHERE id = NEW.account_id;
END;
CREATE TRIGGER tx_balance_deleted AFTER DELETE ON transactions WHEN OLD.voided = 0 BEGIN
  UPDATE accounts SET balance_minor = balance_minor - OLD.amount_minor WHERE id = OLD.account_id;
END;
CREATE TRIGGER tx_balance_updated AFTER UPDATE OF account_id, amount_minor, voided ON transactions
  WHEN OLD.voided = 0 OR NEW.voided = 0 BEGIN
  UPDATE accounts SET balance_minor = balance_minor - OLD.amount_minor WHERE id = OLD.account_id AND OLD.voided = 0;
  UPDATE accounts SET balance_minor = balance_minor + NEW.amount_minor WHERE id = NEW.account_id AND NEW.voided = 0;
END;

CREATE TABLE import_batches (
  n            INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  account_id   TEXT NOT NULL,
  format       TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  encoding     TEXT NOT NULL,
  row_count    INTEGER NOT NULL,
  chunk_count  INTEGER NOT NULL,
  chunks_seen  INTEGER NOT NULL DEFAULT 0,
  undone       INTEGER NOT NULL DEFAULT 0,
  at           TEXT NOT NULL,
  undone_at    TEXT
);

CREATE TABLE transaction_history (
  n              INTEGER PRIMARY KEY,
  transaction_id TEXT NOT NULL,
  event_id       TEXT NOT NULL,
  at             TEXT NOT NULL,
  action         TEXT NOT NULL,                        -- recorded | amended | voided | restored | status | reconciled
  details        TEXT NOT NULL                         -- JSON: what changed
);
CREATE INDEX history_tx ON transaction_history (transaction_id, n);

CREATE TABLE budgets (
  category_id  TEXT NOT NULL,
  month        TEXT NOT NULL,                          -- YYYY-MM, in effect until a later row
  amount_minor INTEGER NOT NULL,
  currency     TEXT NOT NULL,
  PRIMARY KEY (category_id, month)
);

-- The user's rates for net worth: one \`currency\` is worth \`rate\` of \`base\` (decimal text, never a float).
CREATE TABLE exchange_rates (
  currency TEXT NOT NULL,
  base     TEXT NOT NULL,
  rate     TEXT NOT NULL,
  PRIMARY KEY (currency, base)
);

CREATE TABLE reconciliations (
  n                       INTEGER PRIMARY KEY,
  id                      TEXT NOT NULL UNIQUE,
  account_id              TEXT NOT NULL,
  statement_date          TEXT NOT NULL,
  statement_balance_minor INTEGER NOT NULL,
  cleared_count           INTEGER NOT NULL,
  at                      TEXT NOT NULL
);
CREATE INDEX reconciliations_account ON reconciliations (account_id, n);

-- What the user told the anomaly alerts (AlertRulesSet / AlertDismissed / AlertMarkedUsual), in journal order.
CREATE TABLE alert_facts (
  n        INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  type     TEXT NOT NULL,
  body     TEXT NOT NULL                               -- JSON: the event without its envelope
);

-- Idempotency: the result of each client request, derived from its events so it survives a replay.
CREATE TABLE requests (
  request_id TEXT PRIMARY KEY,
  result     TEXT NOT NULL
);
`;

/**
 * Indexes only the reads use (registers, lists, search, balances), never `apply`: a long replay
 * drops them and builds each once at the end (LedgerProjection.beginReplay). An index an event's
 * fold looks rows up by must NOT be listed here, or that replay turns quadratic.
 */
export const DEFERRED_INDEXES: readonly string[] = ['tx_balance', 'tx_register', 'tx_date', 'tx_amount', 'tx_payee', 'tx_category', 'tx_voided', 'history_tx'];
/** Below this many events, updating the indexes as rows arrive is cheaper than rebuilding them. */
export const REPLAY_DEFER_MIN = 2_000;

/** Tables and the order their rows take in the digest (each by a unique, build-independent key). */
export const DIGEST_TABLES: readonly { table: string; columns: string; orderBy: string; where?: string }[] = [
  // The last applied seq is bookkeeping, not ledger state: two devices holding the same facts agree.
  { table: 'meta', columns: 'key, value', orderBy: 'key', where: "key <> 'last_seq'" },
  {
    table: 'accounts',
    columns: 'id, name, kind, currency, opening_balance_minor, credit_limit_minor, opened_on, frozen, frozen_reason, frozen_at, closed, opened_at, note, position',
    orderBy: 'id',
  },
  { table: 'categories', columns: 'id, name, kind, parent_id, archived', orderBy: 'id' },
  {
    table: 'transactions',
    columns:
      'id, account_id, kind, amount_minor, currency, date, payee, category_id, tags, note, status, voided, voided_at, transfer_id, reconciliation_id, recorded_at, updated_at, import_batch, external_id, import_line, import_voided, adjustment',
    orderBy: 'id',
  },
  {
    table: 'import_batches',
    columns: 'id, account_id, format, file_name, encoding, row_count, chunk_count, chunks_seen, undone, at, undone_at',
    orderBy: 'id',
  },
  { table: 'transaction_history', columns: 'transaction_id, event_id, at, action, details', orderBy: 'transaction_id, n' },
  { table: 'budgets', columns: 'category_id, month, amount_minor, currency', orderBy: 'category_id, month' },
  { table: 'exchange_rates', columns: 'currency, base, rate', orderBy: 'currency, base' },
  {
    table: 'reconciliations',
    columns: 'id, account_id, statement_date, statement_balance_minor, cleared_count, at',
    orderBy: 'id',
  },
  { table: 'requests', columns: 'request_id, result', orderBy: 'request_id' },
  // Journal order is the meaning here (a later AlertRulesSet replaces an earlier one), and replay keeps it.
  { table: 'alert_facts', columns: 'event_id, type, body', orderBy: 'n' },
];

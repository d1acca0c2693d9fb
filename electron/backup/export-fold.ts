/**
 * Transactions as rows for export, folded from the events (pure). The export reads the journal,
 * not the projection, so it works on a backup as well as on the open wallet and needs nothing but
 * the events; the fold follows the ledger's rules (amendments per leg, voids on both legs).
 */
import { asMergeEvent, type MergeEvent } from './merge-entities';

export interface ExportRow {
  transactionId: string;
  transferId: string | null;
  date: string;
  accountId: string;
  accountName: string;
  kind: 'expense' | 'income' | 'transfer';
  /** Signed integer minor units. */
  amountMinor: number;
  currency: string;
  payee: string;
  category: string;
  tags: string[];
  note: string;
  status: string;
  voided: boolean;
  /** A reconcile balance adjustment (TransactionRecorded.adjustment): the CSV names it in the category column. */
  adjustment?: boolean;
}

export function foldTransactions(payloads: Iterable<unknown>): ExportRow[] {
  const accounts = new Map<string, string>();
  const categories = new Map<string, string>();
  const rows = new Map<string, ExportRow & { categoryId: string | null; importBatch?: string; importVoided?: boolean }>();
  const legsOf = (id: string) => {
    const row = rows.get(id);
    if (!row?.transferId) return row ? [row] : [];
    return [...rows.values()].filter((other) => other.transferId === row.transferId);
  };
  for (const payload of payloads) {
    const event = asMergeEvent(payload);
    if (event) fold(event);
  }

  function fold(e: MergeEvent): void {
    const s = (value: unknown) => (typeof value === 'string' ? value : '');
    const details = { date: s(e.date), payee: s(e.payee), tags: Array.isArray(e.tags) ? e.tags.map(String) : [], note: s(e.note), status: s(e.status), voided: false };
    switch (e.type) {
      case 'AccountOpened':
      case 'AccountUpdated':
        if (typeof e.name === 'string') accounts.set(s(e.accountId), e.name);
        return;
      case 'CategoryDefined':
        categories.set(s(e.categoryId), s(e.name));
        return;
      case 'TransactionRecorded':
        rows.set(s(e.transactionId), { ...details, transactionId: s(e.transactionId), transferId: null, accountId: s(e.accountId), accountName: '', kind: e.kind === 'income' ? 'income' : 'expense', amountMinor: Number(e.amountMinor), currency: s(e.currency), category: '', categoryId: typeof e.categoryId === 'string' ? e.categoryId : null, ...(e.adjustment === true ? { adjustment: true } : {}) });
        return;
      case 'TransferRecorded': {
        const base = { ...details, transferId: s(e.transferId), accountName: '', kind: 'transfer' as const, category: '', categoryId: null };
        rows.set(s(e.fromTransactionId), { ...base, transactionId: s(e.fromTransactionId), accountId: s(e.fromAccountId), amountMinor: -Number(e.amountMinor), currency: s(e.currency) });
        rows.set(s(e.toTransactionId), { ...base, transactionId: s(e.toTransactionId), accountId: s(e.toAccountId), amountMinor: Number(e.toAmountMinor), currency: s(e.toCurrency) });
        return;
      }
      case 'TransactionAmended': {
        const c = (e.changes ?? {}) as Record<string, unknown>;
        for (const row of legsOf(s(e.transactionId))) {
          const own = row.transactionId === e.transactionId;
          if (own && typeof c.accountId === 'string') row.accountId = c.accountId;
          if (own && typeof c.amountMinor === 'number') row.amountMinor = c.amountMinor;
          if (!own && typeof c.counterAmountMinor === 'number') row.amountMinor = c.counterAmountMinor;
          if (own && c.categoryId !== undefined) row.categoryId = typeof c.categoryId === 'string' ? c.categoryId : null;
          if (typeof c.date === 'string') row.date = c.date;
          if (typeof c.payee === 'string') row.payee = c.payee;
          if (Array.isArray(c.tags)) row.tags = c.tags.map(String);
          if (typeof c.note === 'string') row.note = c.note;
        }
        return;
      }
      case 'TransactionVoided':
      case 'TransactionRestored':
        for (const row of legsOf(s(e.transactionId))) [row.voided, row.importVoided] = [e.type === 'TransactionVoided', false];
        return;
      case 'TransactionStatusChanged':
        for (const row of legsOf(s(e.transactionId)).filter((r) => r.transactionId === e.transactionId)) row.status = s(e.status);
        return;
      case 'TransactionsImported':
        for (const r of Array.isArray(e.rows) ? (e.rows as Record<string, unknown>[]) : []) {
          const row = { date: s(r.date), payee: s(r.payee), tags: Array.isArray(r.tags) ? r.tags.map(String) : [], note: s(r.note), status: s(r.status), voided: false, accountName: '', category: '', importBatch: s(e.batchId) };
          const transfer = r.transfer as { transferId?: unknown; counterTransactionId?: unknown; counterAccountId?: unknown } | null;
          const amount = Number(r.amountMinor);
          if (transfer) {
            const legs = { ...row, transferId: s(transfer.transferId), kind: 'transfer' as const, categoryId: null, currency: s(r.currency) };
            rows.set(s(r.transactionId), { ...legs, transactionId: s(r.transactionId), accountId: s(r.accountId), amountMinor: amount });
            rows.set(s(transfer.counterTransactionId), { ...legs, transactionId: s(transfer.counterTransactionId), accountId: s(transfer.counterAccountId), amountMinor: -amount });
          } else {
            rows.set(s(r.transactionId), { ...row, transactionId: s(r.transactionId), transferId: null, accountId: s(r.accountId), kind: r.kind === 'income' ? 'income' : 'expense', amountMinor: amount, currency: s(r.currency), categoryId: typeof r.categoryId === 'string' ? r.categoryId : null });
          }
        }
        return;
      case 'ImportBatchUndone':
      case 'ImportBatchRestored': {
        const undo = e.type === 'ImportBatchUndone';
        for (const row of rows.values()) {
          if (row.importBatch !== e.batchId) continue;
          if (undo && !row.voided) [row.voided, row.importVoided] = [true, true];
          else if (!undo && row.importVoided) [row.voided, row.importVoided] = [false, false];
        }
        return;
      }
      case 'Reconciled':
        for (const id of Array.isArray(e.clearedTransactionIds) ? e.clearedTransactionIds : []) {
          const row = rows.get(String(id));
          if (row) row.status = 'reconciled';
        }
        return;
    }
  }

  return [...rows.values()]
    .map(({ categoryId, importBatch: _batch, importVoided: _undone, ...row }) => ({ ...row, accountName: accounts.get(row.accountId) ?? '', category: categoryId ? (categories.get(categoryId) ?? '') : '' }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The anomaly rules: pure functions over the ledger's history. One pass in booking order keeps,
 * per payee, category and account, what came before each transaction, and every transaction the
 * caller asks about (`isCandidate`) is judged only against its past. Alerts are computed, never
 * stored: the same history and the same memory always give the same alerts, so a restore or a
 * replay cannot make one appear twice or vanish.
 *
 * Rules judge money going out (expenses and the outgoing leg of a transfer; transfers between
 * one's own accounts only count for the frozen / long-unused account rule). They never block
 * anything: they run after the record is durable.
 */
import { toDecimalString } from '../../../shared/money';
import type { AlertRule, AlertSettings, AlertView } from '../../../shared/security-centre';
import type { AlertMemory } from './memory';
import { unusualLimit } from './robust-stats';

export interface HistoryRow {
  id: string;
  accountId: string;
  kind: 'expense' | 'income' | 'transfer';
  /** Signed minor units: a payment is negative. */
  amountMinor: number;
  currency: string;
  /** Booking date, YYYY-MM-DD. */
  date: string;
  payee: string;
  categoryId: string | null;
  /** UTC instant the record was written. */
  recordedAt: string;
  /** The import that brought it, when it came from one. */
  importBatchId: string | null;
}

export interface AccountFacts {
  name: string;
  /** The instant the freeze in force began; null when the account is not frozen. */
  frozenSince: string | null;
  /** The calendar date the account was added to the wallet (not the bank's opening date, which may be years back). */
  addedOn: string;
}

export interface AlertInput<R extends HistoryRow = HistoryRow> {
  /** Live (not voided) transactions in booking order (date, then recording order). */
  history: readonly R[];
  accounts: ReadonlyMap<string, AccountFacts>;
  categoryNames: ReadonlyMap<string, string>;
  memory: AlertMemory;
  isCandidate: (row: R) => boolean;
}

const DAY_MS = 86_400_000;
/** How long a wallet's history must be before a payee can be called new. */
export const NEW_PAYEE_MIN_HISTORY_DAYS = 30;
/**
 * A category mixes payees of very different sizes (metro rides and taxis are both transport), so
 * its history only judges sums worth a warning: at least this share of the large-payment threshold.
 */
export const CATEGORY_MIN_SHARE_OF_LARGE = 0.1;
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Payees compare without case and surrounding space: "Starbucks " and "starbucks" are one payee. */
export const payeeKey = (payee: string): string => payee.trim().toLowerCase();

interface Finding {
  rule: AlertRule;
  condition: string;
  /** A "not unusual" mark on the condition covers amounts up to it; conditions of rules without an amount are covered whole. */
  amountSensitive: boolean;
  messageKey: string;
  params: Record<string, string | number>;
}

/** What one pass knows about the past of the transaction being judged. */
class Past {
  readonly payees = new Set<string>();
  readonly lastActivity = new Map<string, string>();
  readonly outflowsByPayee = new Map<string, number[]>();
  readonly outflowsByCategory = new Map<string, number[]>();
  readonly samePayment = new Map<string, HistoryRow[]>();
  firstDate: string | null = null;

  add(row: HistoryRow): void {
    this.firstDate ??= row.date;
    const payee = payeeKey(row.payee);
    if (payee) this.payees.add(payee);
    this.lastActivity.set(row.accountId, row.date);
    if (!isPayment(row)) return;
    const amount = -row.amountMinor;
    if (payee) push(this.outflowsByPayee, `${payee}|${row.currency}`, amount);
    if (row.categoryId) push(this.outflowsByCategory, `${row.categoryId}|${row.currency}`, amount);
    if (payee) push(this.samePayment, samePaymentKey(row), row);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const isOutflow = (row: HistoryRow) => row.amountMinor < 0;
const isPayment = (row: HistoryRow) => row.kind === 'expense' && row.amountMinor < 0;
const samePaymentKey = (row: HistoryRow) => `${payeeKey(row.payee)}|${row.amountMinor}|${row.currency}`;
const subjectOf = (row: HistoryRow) => (payeeKey(row.payee) ? `payee:${payeeKey(row.payee)}` : `account:${row.accountId}`);

function money(minor: number, currency: string): string {
  return toDecimalString(Math.abs(minor), currency);
}

function largeAmount(row: HistoryRow, settings: AlertSettings): Finding | null {
  const threshold = settings.largeAmount.thresholds[row.currency];
  if (!settings.largeAmount.enabled || threshold === undefined || -row.amountMinor < threshold) return null;
  return {
    rule: 'largeAmount',
    condition: `largeAmount|${subjectOf(row)}|${row.currency}`,
    amountSensitive: true,
    messageKey: 'security.alerts.reason.largeAmount',
    params: { amount: money(row.amountMinor, row.currency), currency: row.currency, threshold: money(threshold, row.currency), payee: row.payee || '—' },
  };
}

function unusualAmount(row: HistoryRow, past: Past, settings: AlertSettings, categoryNames: ReadonlyMap<string, string>): Finding | null {
  const { enabled, k, minHistory } = settings.unusualAmount;
  if (!enabled) return null;
  const amount = -row.amountMinor;
  const payee = payeeKey(row.payee);
  const subjects: { condition: string; values: number[] | undefined; name: string; messageKey: string }[] = [
    { condition: `unusualAmount|payee:${payee}|${row.currency}`, values: payee ? past.outflowsByPayee.get(`${payee}|${row.currency}`) : undefined, name: row.payee.trim(), messageKey: 'security.alerts.reason.unusualPayee' },
    {
      condition: `unusualAmount|category:${row.categoryId}|${row.currency}`,
      values: row.categoryId ? past.outflowsByCategory.get(`${row.categoryId}|${row.currency}`) : undefined,
      name: (row.categoryId && categoryNames.get(row.categoryId)) || '',
      messageKey: 'security.alerts.reason.unusualCategory',
    },
  ];
  const largeThreshold = settings.largeAmount.thresholds[row.currency];
  const worthCategoryWarning = largeThreshold !== undefined && amount >= largeThreshold * CATEGORY_MIN_SHARE_OF_LARGE;
  // The payee's own history says more than its category's; the category speaks when the payee has too little.
  for (const [index, subject] of subjects.entries()) {
    if (!subject.values || subject.values.length < minHistory) continue;
    if (index === 1 && !worthCategoryWarning) return null;
    const { median, limit } = unusualLimit(subject.values, k);
    if (amount <= limit) return null;
    return {
      rule: 'unusualAmount',
      condition: subject.condition,
      amountSensitive: true,
      messageKey: subject.messageKey,
      params: {
        amount: money(amount, row.currency),
        currency: row.currency,
        subject: subject.name,
        count: subject.values.length,
        median: money(Math.round(median), row.currency),
        limit: money(limit, row.currency),
        times: (amount / median).toFixed(1),
      },
    };
  }
  return null;
}

function doubleCharge(row: HistoryRow, past: Past, settings: AlertSettings): Finding | null {
  if (!settings.doubleCharge.enabled || !payeeKey(row.payee)) return null;
  const windowMs = settings.doubleCharge.windowMinutes * 60_000;
  const recordedAt = Date.parse(row.recordedAt);
  const earlier = (past.samePayment.get(samePaymentKey(row)) ?? []).findLast(
    (other) =>
      other.id !== row.id &&
      ((Math.abs(recordedAt - Date.parse(other.recordedAt)) <= windowMs && daysBetween(other.date, row.date) <= 1) ||
        (row.importBatchId !== null && other.importBatchId !== null && other.date === row.date)),
  );
  if (!earlier) return null;
  const fromImport = row.importBatchId !== null && earlier.importBatchId !== null && earlier.date === row.date;
  return {
    rule: 'doubleCharge',
    condition: `doubleCharge|${samePaymentKey(row)}`,
    amountSensitive: false,
    messageKey: fromImport ? 'security.alerts.reason.doubleChargeImport' : 'security.alerts.reason.doubleCharge',
    params: {
      amount: money(row.amountMinor, row.currency),
      currency: row.currency,
      payee: row.payee.trim(),
      minutes: settings.doubleCharge.windowMinutes,
      date: row.date,
      firstId: earlier.id,
    },
  };
}

function dormantAccount(row: HistoryRow, past: Past, settings: AlertSettings, accounts: ReadonlyMap<string, AccountFacts>): Finding | null {
  const account = accounts.get(row.accountId);
  if (!settings.dormantAccount.enabled || !account) return null;
  const base = { rule: 'dormantAccount' as const, condition: `dormantAccount|account:${row.accountId}`, amountSensitive: false };
  const params = { amount: money(row.amountMinor, row.currency), currency: row.currency, account: account.name };
  if (account.frozenSince !== null && row.recordedAt >= account.frozenSince) return { ...base, messageKey: 'security.alerts.reason.frozenAccount', params };
  const since = past.lastActivity.get(row.accountId) ?? account.addedOn;
  const idle = daysBetween(since, row.date);
  if (idle < settings.dormantAccount.idleDays) return null;
  return { ...base, messageKey: 'security.alerts.reason.dormantAccount', params: { ...params, days: idle, since } };
}

function newPayee(row: HistoryRow, past: Past, settings: AlertSettings): Finding | null {
  const threshold = settings.newPayee.thresholds[row.currency];
  const payee = payeeKey(row.payee);
  if (!settings.newPayee.enabled || threshold === undefined || !payee || past.payees.has(payee) || -row.amountMinor < threshold) return null;
  // A wallet younger than a month has not met the regular payees yet: its first rent is not a stranger.
  if (!past.firstDate || daysBetween(past.firstDate, row.date) < NEW_PAYEE_MIN_HISTORY_DAYS) return null;
  return {
    rule: 'newPayee',
    condition: `newPayee|payee:${payee}`,
    amountSensitive: true,
    messageKey: 'security.alerts.reason.newPayee',
    params: { amount: money(row.amountMinor, row.currency), currency: row.currency, payee: row.payee.trim(), threshold: money(threshold, row.currency) },
  };
}

function findings(row: HistoryRow, past: Past, input: Pick<AlertInput, 'memory' | 'accounts' | 'categoryNames'>): Finding[] {
  const { settings } = input.memory;
  if (!isOutflow(row)) return [];
  const found = [dormantAccount(row, past, settings, input.accounts)];
  if (row.kind === 'expense') {
    found.push(largeAmount(row, settings), unusualAmount(row, past, settings, input.categoryNames), doubleCharge(row, past, settings), newPayee(row, past, settings));
  }
  return found.filter((finding): finding is Finding => finding !== null);
}

/** Alerts for the candidate transactions, newest first; dismissed, allowlisted and suppressed ones left out. */
export function evaluateAlerts<R extends HistoryRow>(input: AlertInput<R>): AlertView[] {
  const { memory } = input;
  const past = new Past();
  /** condition → booking date it last fired on (suppression). */
  const lastFired = new Map<string, string>();
  const alerts: AlertView[] = [];
  for (const row of input.history) {
    if (input.isCandidate(row)) {
      for (const finding of findings(row, past, input)) {
        const usual = memory.usual.get(finding.condition);
        if (usual !== undefined && (!finding.amountSensitive || -row.amountMinor <= usual)) continue;
        const quiet = memory.quietUntil.get(finding.condition);
        if (quiet && row.date <= quiet) continue;
        const last = lastFired.get(finding.condition);
        if (last && daysBetween(last, row.date) < memory.settings.suppressDays) continue;
        lastFired.set(finding.condition, row.date);
        const key = `${finding.rule}:${row.id}`;
        if (memory.dismissed.has(key)) continue;
        alerts.push({
          key,
          rule: finding.rule,
          condition: finding.condition,
          transactionId: row.id,
          accountId: row.accountId,
          date: row.date,
          payee: row.payee,
          amountMinor: row.amountMinor,
          currency: row.currency,
          messageKey: finding.messageKey,
          params: finding.params,
        });
      }
    }
    past.add(row);
  }
  return alerts.reverse();
}

/**
 * Wire shapes of the security centre's anomaly alerts and checkup (contract methods `alerts/*`
 * and `checkup/*`). They live with the contract in shared/ so the engine, the renderer and the
 * journal's alert events (electron/ledger/events.ts) agree on one definition.
 *
 * Amounts are integer minor units of their currency, as everywhere in the ledger.
 */
import { z } from 'zod';

export const ALERT_RULES = ['largeAmount', 'unusualAmount', 'doubleCharge', 'dormantAccount', 'newPayee'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

const Currency = z.string().regex(/^[A-Z]{3}$/);
/** Per currency, in that currency's minor units: only currencies listed here are checked by the rule. */
const Thresholds = z.record(Currency, z.int().positive()).refine((value) => Object.keys(value).length <= 50, 'too many currencies');

export const AlertSettings = z.strictObject({
  largeAmount: z.strictObject({ enabled: z.boolean(), thresholds: Thresholds }),
  unusualAmount: z.strictObject({
    enabled: z.boolean(),
    /** How many robust deviations (1.4826 × MAD) above the median count as "far above". */
    k: z.number().min(2).max(50),
    /** Past payments of the payee (or category) needed before the rule judges it. */
    minHistory: z.int().min(3).max(100),
  }),
  doubleCharge: z.strictObject({ enabled: z.boolean(), windowMinutes: z.int().min(1).max(24 * 60) }),
  dormantAccount: z.strictObject({ enabled: z.boolean(), idleDays: z.int().min(7).max(3650) }),
  newPayee: z.strictObject({ enabled: z.boolean(), thresholds: Thresholds }),
  /** After a condition fired, the same condition stays quiet for this many days. */
  suppressDays: z.int().min(0).max(365),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  largeAmount: { enabled: true, thresholds: { CNY: 500_000, USD: 100_000, EUR: 100_000, GBP: 100_000, HKD: 800_000, JPY: 150_000 } },
  unusualAmount: { enabled: true, k: 6, minHistory: 10 },
  doubleCharge: { enabled: true, windowMinutes: 10 },
  dormantAccount: { enabled: true, idleDays: 180 },
  newPayee: { enabled: true, thresholds: { CNY: 200_000, USD: 30_000, EUR: 30_000, GBP: 30_000, HKD: 250_000, JPY: 50_000 } },
  suppressDays: 7,
};

export const AlertView = z.object({
  /** One alert = one rule on one transaction: `rule:transactionId`. */
  key: z.string(),
  rule: z.enum(ALERT_RULES),
  /** What the alert is about (payee, category, account…): suppression and "not unusual" work on it. */
  condition: z.string(),
  transactionId: z.string(),
  accountId: z.string(),
  date: z.string(),
  payee: z.string(),
  amountMinor: z.int(),
  currency: z.string(),
  /** Why it fired, in plain words: a translation key and its values (amounts as decimal text). */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertList = z.object({ alerts: z.array(AlertView), settings: AlertSettings });
export type AlertList = z.infer<typeof AlertList>;

// ── Security checkup (electron/security/checkup) ──────────────────────────────────────────────
export const CHECKUP_ITEMS = [
  'passwordStrength',
  'recoveryKey',
  'recentBackup',
  'secondLocation',
  'autoLock',
  'keyFile',
  'appUpToDate',
  'integrityCheck',
  'alertsOn',
] as const;
export type CheckupItemId = (typeof CHECKUP_ITEMS)[number];

/**
 * What a fix button does: `run*` acts at once (the engine runs it through its own method), the
 * others open the place where the user decides (a password or a folder is never chosen for them).
 */
export const CHECKUP_FIXES = ['runVerify', 'runBackup', 'runUpdateCheck', 'openSettings', 'openBackup', 'openAlerts', 'openUpdate'] as const;
export const CheckupFix = z.enum(CHECKUP_FIXES);
export type CheckupFix = z.infer<typeof CheckupFix>;

export const CheckupItem = z.object({
  id: z.enum(CHECKUP_ITEMS),
  /** ok: done; warn: partly or going stale; bad: missing; unknown: this run cannot tell (it does not count in the score). */
  status: z.enum(['ok', 'warn', 'bad', 'unknown']),
  /** How much the item weighs in the score (all weights add up to 100). */
  weight: z.int(),
  /** The state in plain words: `security.checkup.items.<id>.<status>` with these values. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  fix: CheckupFix.nullable(),
});
export type CheckupItem = z.infer<typeof CheckupItem>;

export const CheckupReport = z.object({
  /** 0–100 over the items that could be judged. */
  score: z.int().min(0).max(100),
  items: z.array(CheckupItem),
  /** The score when the user last looked (null: never): a drop since then is worth a reminder. */
  previousScore: z.int().nullable(),
  reviewedAt: z.string().nullable(),
  /** Show the checkup again: the score dropped since the last review, or that review is a month old. */
  reminder: z.boolean(),
});
export type CheckupReport = z.infer<typeof CheckupReport>;

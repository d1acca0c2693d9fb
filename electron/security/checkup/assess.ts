/**
 * The security checkup as a pure function: facts gathered by the capability → a score and one
 * item per habit, each with its state and the fix that helps. What each item means and why it
 * matters is in the translations (security.checkup.items.*).
 */
import { CHECKUP_ITEMS, type CheckupFix, type CheckupItem, type CheckupItemId } from '../../../shared/security-centre';

export interface CheckupFacts {
  /** zxcvbn score 0–4 of the password used at the last unlock / change in this session; null: not known. */
  passwordScore: number | null;
  /** A regenerated recovery key waits to be typed back (the old one still works). */
  recoveryKeyPending: boolean;
  lastVerifiedBackupAt: string | null;
  secondaryDir: string | null;
  secondaryHasVerifiedBackup: boolean;
  /** Idle minutes before auto-lock; null: never; undefined: the setting could not be read. */
  autoLockMinutes: number | null | undefined;
  keyFile: boolean;
  update: { state: string; currentVersion: string; available: string | null; lastCheckAt: string | null };
  lastVerify: { at: string; ok: boolean } | null;
  alertRulesOn: number;
  alertRulesTotal: number;
}

export const WEIGHTS: Record<CheckupItemId, number> = {
  passwordStrength: 20,
  recoveryKey: 15,
  recentBackup: 15,
  secondLocation: 10,
  autoLock: 10,
  keyFile: 5,
  appUpToDate: 10,
  integrityCheck: 10,
  alertsOn: 5,
};

const FIXES: Record<CheckupItemId, CheckupFix> = {
  passwordStrength: 'openSettings',
  recoveryKey: 'openSettings',
  recentBackup: 'runBackup',
  secondLocation: 'openBackup',
  autoLock: 'openSettings',
  keyFile: 'openSettings',
  appUpToDate: 'runUpdateCheck',
  integrityCheck: 'runVerify',
  alertsOn: 'openAlerts',
};

const DAY_MS = 86_400_000;
export const BACKUP_FRESH_DAYS = 7;
export const BACKUP_STALE_DAYS = 30;
export const VERIFY_FRESH_DAYS = 30;
/** Auto-lock after longer than this still counts as on, but could be better. */
export const AUTO_LOCK_LONG_MINUTES = 30;

type Judged = Pick<CheckupItem, 'status' | 'params'>;
const ageDays = (at: string, now: Date) => (now.getTime() - Date.parse(at)) / DAY_MS;
const day = (at: string) => at.slice(0, 10);

function judge(id: CheckupItemId, facts: CheckupFacts, now: Date): Judged {
  switch (id) {
    case 'passwordStrength':
      if (facts.passwordScore === null) return { status: 'unknown', params: {} };
      return { status: facts.passwordScore >= 3 ? 'ok' : facts.passwordScore === 2 ? 'warn' : 'bad', params: { score: facts.passwordScore } };
    case 'recoveryKey':
      return { status: facts.recoveryKeyPending ? 'bad' : 'ok', params: {} };
    case 'recentBackup': {
      const at = facts.lastVerifiedBackupAt;
      if (!at || ageDays(at, now) > BACKUP_STALE_DAYS) return { status: 'bad', params: {} };
      return { status: ageDays(at, now) <= BACKUP_FRESH_DAYS ? 'ok' : 'warn', params: { date: day(at) } };
    }
    case 'secondLocation':
      if (!facts.secondaryDir) return { status: 'bad', params: {} };
      return { status: facts.secondaryHasVerifiedBackup ? 'ok' : 'warn', params: { dir: facts.secondaryDir } };
    case 'autoLock':
      if (facts.autoLockMinutes === undefined) return { status: 'unknown', params: {} };
      if (facts.autoLockMinutes === null) return { status: 'bad', params: {} };
      return { status: facts.autoLockMinutes > AUTO_LOCK_LONG_MINUTES ? 'warn' : 'ok', params: { minutes: facts.autoLockMinutes } };
    case 'keyFile':
      return { status: facts.keyFile ? 'ok' : 'warn', params: {} };
    case 'appUpToDate': {
      const { state, currentVersion, available } = facts.update;
      const params = { version: currentVersion, available: available ?? '' };
      if (state === 'up-to-date') return { status: 'ok', params };
      if (available) return { status: 'bad', params };
      if (state === 'error') return { status: 'warn', params };
      return { status: 'unknown', params };
    }
    case 'integrityCheck': {
      const last = facts.lastVerify;
      if (!last || !last.ok) return { status: 'bad', params: last ? { date: day(last.at) } : {} };
      return { status: ageDays(last.at, now) <= VERIFY_FRESH_DAYS ? 'ok' : 'warn', params: { date: day(last.at) } };
    }
    case 'alertsOn': {
      const params = { on: facts.alertRulesOn, total: facts.alertRulesTotal };
      return { status: facts.alertRulesOn === facts.alertRulesTotal ? 'ok' : facts.alertRulesOn === 0 ? 'bad' : 'warn', params };
    }
  }
}

const VALUE = { ok: 1, warn: 0.5, bad: 0 } as const;

export function assessCheckup(facts: CheckupFacts, now: Date): { score: number; items: CheckupItem[] } {
  const items = CHECKUP_ITEMS.map((id): CheckupItem => {
    const judged = judge(id, facts, now);
    return { id, weight: WEIGHTS[id], ...judged, fix: judged.status === 'ok' ? null : FIXES[id] };
  });
  // Items this run cannot judge count neither for nor against.
  const known = items.filter((item) => item.status !== 'unknown');
  const total = known.reduce((sum, item) => sum + item.weight, 0);
  const earned = known.reduce((sum, item) => sum + item.weight * VALUE[item.status as keyof typeof VALUE], 0);
  return { score: total === 0 ? 0 : Math.round((100 * earned) / total), items };
}

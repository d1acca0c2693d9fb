/**
 * What the user told the alert rules, folded from the journal's alert events (electron/ledger/EVENTS.md):
 * the rule settings, dismissed alerts (with an optional quiet period for their condition) and
 * "not unusual" marks (an allowlist entry for the condition up to the amount marked).
 */
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/security-centre';

export interface AlertMemory {
  settings: AlertSettings;
  dismissed: ReadonlySet<string>;
  /** condition → the last calendar date (inclusive) on which it stays quiet. */
  quietUntil: ReadonlyMap<string, string>;
  /** condition → the largest amount (minor units, positive) the user called usual. */
  usual: ReadonlyMap<string, number>;
}

export type AlertFact =
  | { type: 'AlertRulesSet'; settings: AlertSettings }
  | { type: 'AlertDismissed'; alertKey: string; condition: string; quietUntil: string | null }
  | { type: 'AlertMarkedUsual'; alertKey: string; condition: string; amountMinor: number };

export const EMPTY_MEMORY: AlertMemory = { settings: DEFAULT_ALERT_SETTINGS, dismissed: new Set(), quietUntil: new Map(), usual: new Map() };

/** Pure fold, in journal order: a later settings event replaces the earlier one; marks only grow. */
export function foldAlertFacts(facts: Iterable<AlertFact>): AlertMemory {
  let settings = DEFAULT_ALERT_SETTINGS;
  const dismissed = new Set<string>();
  const quietUntil = new Map<string, string>();
  const usual = new Map<string, number>();
  for (const fact of facts) {
    switch (fact.type) {
      case 'AlertRulesSet':
        settings = fact.settings;
        break;
      case 'AlertDismissed': {
        dismissed.add(fact.alertKey);
        const known = quietUntil.get(fact.condition);
        if (fact.quietUntil && (!known || known < fact.quietUntil)) quietUntil.set(fact.condition, fact.quietUntil);
        break;
      }
      case 'AlertMarkedUsual':
        dismissed.add(fact.alertKey);
        usual.set(fact.condition, Math.max(usual.get(fact.condition) ?? 0, Math.abs(fact.amountMinor)));
        break;
    }
  }
  return { settings, dismissed, quietUntil, usual };
}

/**
 * `alerts/*`: anomaly alerts on the open wallet's lines. Alerts are computed from the ledger's
 * history (rules.ts) and what the user told them (memory.ts, kept as journal events so they are
 * encrypted and backed up). New lines are judged after they are durable — the engine hears
 * `ledger/changed` once a command, an import or a merge committed — so an alert never blocks or
 * delays a record; new alerts go out as `alerts/fired` (the shell turns them into OS notifications).
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/errors';
import type { AlertSettings, AlertView } from '../../../shared/security-centre';
import type { Capability, EngineDeps } from '../../capability';
import { EVENT_SCHEMA_VERSION, LedgerEvent } from '../../ledger/events';
import { asLedgerProjection, type LedgerProjection } from '../../ledger/projection';
import { localDate } from '../../ledger/dates';
import type { OpenWallet, WalletService } from '../../wallet/wallet-service';
import { lastLine, readHistory, readHistoryFor, readMemory } from './history';
import type { AlertFact } from './memory';
import { addDays, evaluateAlerts } from './rules';

/** The list covers lines booked in this many days up to today. */
export const LIST_DAYS = 90;

export interface AlertsCapability extends Capability {
  /** Whether any rule is switched on (the checkup asks). */
  enabledRules(): number;
}

export function init(deps: EngineDeps, wallets: WalletService): AlertsCapability {
  /** Per open session: lines up to this recording order have been judged already. */
  let judged: { open: OpenWallet; upToN: number } | null = null;

  const projectionOf = (open: OpenWallet): LedgerProjection => asLedgerProjection(open.projection);

  /** `sinceN`: only lines recorded after it can be candidates, so only their keys' past is read (history.ts). */
  function alertsOf(open: OpenWallet, isCandidate: (row: { n: number; date: string }) => boolean, sinceN?: number): AlertView[] {
    const projection = projectionOf(open);
    const history = sinceN === undefined ? readHistory(projection) : readHistoryFor(projection, sinceN);
    return evaluateAlerts({ history: history.rows, accounts: history.accounts, categoryNames: history.categoryNames, memory: readMemory(projection), isCandidate });
  }

  function list(open: OpenWallet): AlertView[] {
    const from = addDays(localDate(new Date()), -LIST_DAYS);
    return alertsOf(open, (row) => row.date >= from);
  }

  /** Lines recorded since the last look; the first look of a session only sets the mark (old lines are the list's business). */
  function judgeNewLines(): void {
    const open = wallets.current();
    if (!open) return;
    const upToN = lastLine(projectionOf(open));
    if (judged?.open !== open) {
      judged = { open, upToN };
      return;
    }
    if (upToN <= judged.upToN) return;
    const since = judged.upToN;
    judged.upToN = upToN;
    const from = addDays(localDate(new Date()), -LIST_DAYS);
    const fired = alertsOf(open, (row) => row.n > since && row.date >= from, since);
    if (fired.length > 0) deps.bus.emit('alerts/fired', { alerts: fired });
  }

  const unsubscribe = deps.bus.subscribe((name) => {
    if (name === 'wallet/changed') {
      // Unlock (or another wallet): remember where its lines end now.
      const open = wallets.current();
      if (open && judged?.open !== open) judged = { open, upToN: lastLine(projectionOf(open)) };
      if (!open) judged = null;
    }
    if (name !== 'ledger/changed') return;
    // After the command's reply: queued behind it, never inside it, so nothing a rule does can fail a record.
    setImmediate(() => {
      wallets.withOpen(() => judgeNewLines()).catch((error: unknown) => {
        if (!(error instanceof DomainError && error.code === 'wallet_locked')) deps.log.error('alerts: judging new lines failed', error);
      });
    });
  });

  /** Appends one alert fact to the journal (durable, encrypted) and folds it into the projection. */
  function remember(open: OpenWallet, fact: AlertFact): void {
    const event = LedgerEvent.parse({ v: EVENT_SCHEMA_VERSION, eventId: randomUUID(), requestId: randomUUID(), at: new Date().toISOString(), ...fact });
    const [appended] = open.vault.append([event]);
    if (!appended) throw new Error('event sink returned no seq');
    projectionOf(open).apply(appended.seq, event);
    wallets.noteAppended();
    deps.bus.emit('alerts/changed', { count: list(open).length });
  }

  function find(open: OpenWallet, alertKey: string): AlertView {
    const alert = list(open).find((candidate) => candidate.key === alertKey);
    if (!alert) throw new DomainError('rejected', 'errors.alerts.unknown_alert', {});
    return alert;
  }

  function settingsOf(open: OpenWallet): AlertSettings {
    return readMemory(projectionOf(open)).settings;
  }

  return {
    enabledRules: () => {
      const open = wallets.current();
      if (!open) return 0;
      const settings = settingsOf(open);
      return [settings.largeAmount, settings.unusualAmount, settings.doubleCharge, settings.dormantAccount, settings.newPayee].filter((rule) => rule.enabled).length;
    },
    handlers: {
      'alerts/list': () => wallets.withOpen((open) => ({ alerts: list(open), settings: settingsOf(open) })),
      'alerts/dismiss': ({ alertKey, quietDays }) =>
        wallets.withOpen((open) => {
          const alert = find(open, alertKey);
          remember(open, { type: 'AlertDismissed', alertKey, condition: alert.condition, quietUntil: quietDays ? addDays(localDate(new Date()), quietDays) : null });
          return { ok: true as const };
        }),
      'alerts/markUsual': ({ alertKey }) =>
        wallets.withOpen((open) => {
          const alert = find(open, alertKey);
          remember(open, { type: 'AlertMarkedUsual', alertKey, condition: alert.condition, amountMinor: Math.abs(alert.amountMinor) });
          return { ok: true as const };
        }),
      'alerts/settings': () => wallets.withOpen((open) => settingsOf(open)),
      'alerts/updateSettings': (settings) =>
        wallets.withOpen((open) => {
          remember(open, { type: 'AlertRulesSet', settings });
          return settingsOf(open);
        }),
    },
    dispose: () => {
      unsubscribe();
    },
  };
}

/**
 * `checkup/*`: the security checkup. It gathers facts from the other capabilities through their
 * own handlers (backup overview, update status, wallet status — the same answers the views get),
 * from the alert rules, and from what it observed itself:
 *
 * - the password's strength: zxcvbn's score 0–4 of the password given to unlock, create, recover or
 *   change, computed in the engine at that moment and kept in memory only. Never the password,
 *   never written anywhere; after a restart it is "unknown" until the next unlock. (The engine
 *   cannot judge a password it no longer has, and the renderer could report any score it liked.)
 * - a regenerated recovery key not yet confirmed;
 * - the last integrity check (`wallet/verify`) and its result, in store.ts.
 */
import type { CheckupReport } from '../../../shared/security-centre';
import { passwordScore } from '../../../shared/password-strength';
import type { Capability, EngineDeps } from '../../capability';
import type { CallContext, Handlers } from '../../router/router';
import type { WalletService } from '../../wallet/wallet-service';
import { assessCheckup, type CheckupFacts } from './assess';
import { CheckupStore } from './store';

/** A reviewed checkup is suggested again after this long even if nothing got worse. */
export const REVIEW_EVERY_DAYS = 30;

export interface CheckupSources {
  wallets: WalletService;
  /** The engine's composed handlers (read when a checkup runs, after every capability registered). */
  handlers: () => Handlers;
  alertRules: () => { on: number; total: number };
}

export interface CheckupCapability extends Capability {
  /** Wraps the wallet handlers whose inputs or results the checkup notes (see the top). */
  observe(handlers: Handlers): Handlers;
}

export function init(deps: EngineDeps, sources: CheckupSources): CheckupCapability {
  const store = new CheckupStore(deps.dataDir);
  /** Per wallet id, this process only. */
  const strength = new Map<string, number>();
  const pendingRecovery = new Set<string>();
  const openId = () => sources.wallets.requireOpen().id;

  async function facts(context: CallContext): Promise<CheckupFacts> {
    const handlers = sources.handlers();
    const id = openId();
    const [backups, update, status, autoLock] = await Promise.all([
      handlers['backup/overview']({}, context),
      handlers['update/status']({}, context),
      handlers['wallet/status']({}, context),
      // Auto-lock settings are the security capability's (electron/security/settings); unreadable counts as unknown.
      Promise.resolve(handlers['security/autoLockSettings']({}, context)).catch(() => undefined),
    ]);
    const secondaryDir = backups.settings.secondaryDir;
    const alerts = sources.alertRules();
    return {
      passwordScore: strength.get(id) ?? null,
      recoveryKeyPending: pendingRecovery.has(id),
      lastVerifiedBackupAt: backups.lastGood?.createdAt || null,
      secondaryDir,
      secondaryHasVerifiedBackup: secondaryDir !== null && backups.backups.some((entry) => entry.mine && entry.status === 'verified' && entry.dir === secondaryDir),
      autoLockMinutes: autoLock === undefined ? undefined : autoLock.idleMinutes,
      keyFile: status.wallets.find((wallet) => wallet.id === id)?.hasKeyFile ?? false,
      update: { state: update.state, currentVersion: update.currentVersion, available: update.release?.version ?? null, lastCheckAt: update.lastCheckAt },
      lastVerify: store.of(id).lastVerify,
      alertRulesOn: alerts.on,
      alertRulesTotal: alerts.total,
    };
  }

  async function report(context: CallContext): Promise<CheckupReport> {
    const now = new Date();
    const { score, items } = assessCheckup(await facts(context), now);
    const review = store.of(openId()).review;
    const reminder = !review || score < review.score || now.getTime() - Date.parse(review.at) > REVIEW_EVERY_DAYS * 86_400_000;
    return { score, items, previousScore: review?.score ?? null, reviewedAt: review?.at ?? null, reminder };
  }

  function observe(handlers: Handlers): Handlers {
    const noteStrength = (walletId: string, password: string) => strength.set(walletId, passwordScore(password));
    return {
      ...handlers,
      'wallet/create': async (input, context) => {
        const created = await handlers['wallet/create'](input, context);
        noteStrength(created.walletId, input.password);
        return created;
      },
      'wallet/unlock': async (input, context) => {
        const outcome = await handlers['wallet/unlock'](input, context);
        noteStrength(input.walletId, input.password);
        return outcome;
      },
      'wallet/recover': async (input, context) => {
        const outcome = await handlers['wallet/recover'](input, context);
        noteStrength(input.walletId, input.newPassword);
        pendingRecovery.delete(input.walletId);
        return outcome;
      },
      'wallet/changePassword': async (input, context) => {
        const done = await handlers['wallet/changePassword'](input, context);
        noteStrength(openId(), input.newPassword);
        return done;
      },
      'wallet/regenerateRecoveryKey': async (input, context) => {
        const key = await handlers['wallet/regenerateRecoveryKey'](input, context);
        pendingRecovery.add(openId());
        return key;
      },
      'wallet/confirmRecoveryKey': async (input, context) => {
        const done = await handlers['wallet/confirmRecoveryKey'](input, context);
        pendingRecovery.delete(openId());
        return done;
      },
      'wallet/verify': async (input, context) => {
        const id = openId();
        const result = await handlers['wallet/verify'](input, context);
        store.update(id, { lastVerify: { at: new Date().toISOString(), ok: result.ok } });
        return result;
      },
    };
  }

  return {
    observe,
    handlers: {
      'checkup/run': (_input, context) => report(context),
      'checkup/review': async (_input, context) => {
        const current = await report(context);
        store.update(openId(), { review: { at: new Date().toISOString(), score: current.score } });
        return report(context);
      },
      'checkup/fix': async ({ fix }, context) => {
        const handlers = sources.handlers();
        if (fix === 'runVerify') await handlers['wallet/verify']({}, context);
        if (fix === 'runBackup') await handlers['backup/create']({}, context);
        if (fix === 'runUpdateCheck') await handlers['update/check']({}, context);
        return report(context);
      },
    },
  };
}

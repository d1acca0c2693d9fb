/**
 * `security/*`: the security log (read, filtered, summed up), the panic lock, unfreezing with
 * proof and auto-lock. The log is written through WalletService.recordSecurityEvent by every
 * capability (security-log.ts); this folder reads it and adds the actions of the security centre.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AutoLockSettings } from '../../shared/contract';
import type { Capability, EngineDeps } from '../capability';
import { AutoLockSettingsStore } from '../app/settings-store';
import { Ledger, queries } from '../ledger';
import { asLedgerProjection } from '../ledger/projection';
import type { OpenWallet, WalletService } from '../wallet/wallet-service';
import { AutoLockTimer, type AutoLockClock } from './auto-lock';
import { queryLog, summarizeLog } from './log-query';

export interface SecurityOptions {
  /**
   * Test-only: idle time in milliseconds instead of the setting's minutes (the e2e uses 5 s) and an
   * injectable clock. The shell, `npm run web` and the CLI never pass these (the contract's minimum
   * is one minute).
   */
  testOnly?: { idleMs?: number; clock?: AutoLockClock };
}

export interface SecurityCapability extends Capability {
  autoLock: AutoLockTimer;
  /** The shell's powerMonitor and window events: lock when the matching switch is on. */
  systemEvent(event: 'suspend' | 'lock-screen' | 'minimize' | 'resume'): void;
  panicLock(freezeAll: boolean): { frozen: number };
}

const decodeKeyFile = (base64: string | undefined) => (base64 ? new Uint8Array(Buffer.from(base64, 'base64')) : undefined);

export function init(deps: EngineDeps, wallets: WalletService, options: SecurityOptions = {}): SecurityCapability {
  const settings = new AutoLockSettingsStore(deps.dataDir);
  const entries = () => wallets.securityLog.entries(wallets.requireOpen().vault);
  const ledgerOf = (open: OpenWallet) => new Ledger({ sink: open.vault, projection: asLedgerProjection(open.projection) });

  const autoLock = new AutoLockTimer({
    clock: options.testOnly?.clock ?? { wall: () => Date.now(), monotonic: () => performance.now() },
    idleMs: () => {
      const minutes = settings.get().idleMinutes;
      if (minutes === null) return null;
      return options.testOnly?.idleMs ?? minutes * 60_000;
    },
    isUnlocked: () => wallets.current() !== null,
    lock: (reason) => wallets.lockNow(reason),
    setTimer: (run, ms) => setTimeout(run, ms).unref(),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  autoLock.start();
  // The idle time starts at each unlock.
  const unsubscribe = deps.bus.subscribe((name, payload) => {
    if (name === 'wallet/changed' && (payload as { unlocked: unknown }).unlocked) autoLock.activity();
  });

  /** Freezes every open, unfrozen account in one go (synchronous appends: nothing can come between). */
  function freezeAllNow(open: OpenWallet): number {
    const ledger = ledgerOf(open);
    const targets = queries.listAccounts(ledger.projection).filter((account) => !account.frozen && !account.closed);
    const batch = randomUUID();
    for (const account of targets) {
      ledger.execute({ type: 'freezeAccount', requestId: `panic-${batch}-${account.id}`, accountId: account.id, reason: 'panic' });
    }
    if (targets.length > 0) {
      wallets.noteAppended();
      deps.bus.emit('ledger/changed', { seq: open.vault.head().seq });
    }
    wallets.recordSecurityEvent('all_frozen', { accounts: targets.length });
    return targets.length;
  }

  /**
   * Locks NOW, not after the running job: a verify or backup stops at its next slice once the
   * session is closed (vault/cooperative.ts), and requests queued behind it get wallet_locked.
   */
  function panicLock(freezeAll: boolean): { frozen: number } {
    const open = wallets.current();
    let frozen = 0;
    if (open && freezeAll) {
      try {
        frozen = freezeAllNow(open);
      } catch (error) {
        // Locking matters more than freezing: lock anyway, and say what failed in the app log.
        deps.log.error('panic: freezing accounts failed', error);
      }
    }
    wallets.lockNow('panic');
    return { frozen };
  }

  function systemEvent(event: 'suspend' | 'lock-screen' | 'minimize' | 'resume'): void {
    const current = settings.get();
    if (event === 'suspend' && current.onSuspend) wallets.lockNow('suspend');
    else if (event === 'lock-screen' && current.onScreenLock) wallets.lockNow('screen');
    else if (event === 'minimize' && current.onMinimize) wallets.lockNow('minimize');
    else if (event === 'resume') autoLock.check();
  }

  return {
    autoLock,
    systemEvent,
    panicLock,
    handlers: {
      'security/log': (query) => queryLog(entries(), query),
      'security/logSummary': ({ since }) => summarizeLog(entries(), since),
      'security/panicLock': ({ freezeAll }) => panicLock(freezeAll),
      'security/unfreezeAccount': ({ requestId, accountId, password, keyFile }) =>
        wallets.withOpen(async (open) => {
          try {
            await open.vault.confirmSecret(password, decodeKeyFile(keyFile));
          } catch (error) {
            if ((error as { code?: unknown }).code === 'auth_failed') wallets.recordSecurityEvent('auth_failed', { action: 'unfreeze_account' });
            throw error;
          }
          const before = open.vault.head().seq;
          const result = ledgerOf(open).execute({ type: 'unfreezeAccount', requestId, accountId });
          const after = open.vault.head().seq;
          if (after !== before) {
            wallets.noteAppended();
            deps.bus.emit('ledger/changed', { seq: after });
            wallets.recordSecurityEvent('account_unfrozen', { accountId });
          }
          return { requestId: result.requestId, ids: [result.id], replayed: after === before };
        }),
      'security/autoLockSettings': (): AutoLockSettings => settings.get(),
      'security/updateAutoLock': (patch) => {
        const next = settings.update(patch);
        autoLock.start();
        return next;
      },
      'security/activity': () => {
        autoLock.activity();
        return { ok: true as const };
      },
    },
    dispose: () => {
      unsubscribe();
      autoLock.stop();
    },
  };
}

/**
 * `update/*`: the update policy behind the contract. The shell (Electron or the browser host)
 * supplies the UpdateSource; this wires the policy to the backup engine (a verified backup of
 * the open wallet before "ready"), to the event bus, and to unlock (a backup that could not be
 * made while the wallet was locked is made at the next unlock).
 */
import { DomainError } from '../../shared/errors';
import type { Capability, EngineDeps } from '../capability';
import type { BackupTrigger } from '../backup';
import type { WalletService } from '../wallet/wallet-service';
import { UpdatePolicy, type BackupOutcome } from './policy';
import { UpdateStore } from './settings-store';
import type { UpdateSource } from './source';

export interface UpdateWiring {
  source: UpdateSource | null;
  /** Delay of the first automatic check after start (default 10 s). */
  startDelayMs?: number;
}

export interface UpdateCapability extends Capability {
  policy: UpdatePolicy;
}

type BackupNow = (trigger: BackupTrigger) => Promise<{ file: string; verified: boolean }>;

export function init(deps: EngineDeps, wallets: WalletService, backupNow: BackupNow, wiring: UpdateWiring = { source: null }): UpdateCapability {
  const store = new UpdateStore(deps.dataDir);

  async function backupBeforeInstall(): Promise<BackupOutcome> {
    if (!wallets.current()) return { status: 'deferred' };
    const written = await backupNow('update');
    if (!written.verified) throw new DomainError('io_error', 'errors.update.backup_unverified');
    return { status: 'verified', file: written.file };
  }

  const policy = new UpdatePolicy({
    source: wiring.source,
    currentVersion: deps.platform.appVersion,
    store,
    log: deps.log,
    backup: backupBeforeInstall,
    onChange: (status) => deps.bus.emit('update/changed', status),
    startDelayMs: wiring.startDelayMs ?? 10_000,
  });

  // The backup an update installed over a locked wallet still owes: made right after unlock.
  let owedBackup: Promise<void> | null = null;
  const unsubscribe = deps.bus.subscribe((name, payload) => {
    if (name !== 'wallet/changed' || !(payload as { unlocked: unknown }).unlocked) return;
    if (!store.get().backupAtNextUnlock || owedBackup) return;
    owedBackup = backupNow('update')
      .then((written) => {
        if (written.verified) store.update({ backupAtNextUnlock: false });
      })
      .catch((error) => deps.log.warn('backup owed by an update failed', error instanceof Error ? error.message : error))
      .finally(() => (owedBackup = null));
  });

  policy.start();
  return {
    policy,
    handlers: {
      'update/status': () => policy.status(),
      'update/check': () => policy.check(true),
      'update/download': () => policy.download(),
      'update/cancel': () => policy.cancel(),
      'update/skip': () => policy.skip(),
      'update/remindLater': () => policy.remindLater(),
      'update/retryBackup': () => policy.retryBackup(),
      'update/install': async ({ when, withoutBackup }) => {
        const status = await policy.install(when, withoutBackup ?? false);
        if (!status.error) wallets.recordSecurityEvent('update_installed', { version: status.release?.version ?? null, when, withBackup: !(withoutBackup ?? false) });
        return status;
      },
      'update/updateSettings': (patch) => policy.updateSettings(patch),
      'update/dismissWhatsNew': () => policy.dismissWhatsNew(),
    },
    dispose: async () => {
      unsubscribe();
      await policy.beforeQuit();
      await owedBackup;
    },
  };
}

/** Wallet lifecycle: `wallet/*` — create, unlock, recover, lock, and the keyslot changes. */
import type { Capability, EngineDeps } from '../capability';
import type { KdfParams, ProjectionFactory } from '../vault';
import { AppBackoffStore } from './backoff-store';
import { WalletIndex } from './wallet-index';
import { WalletService } from './wallet-service';
import { isDomainError } from '../../shared/errors';

const decodeKeyFile = (base64: string | undefined | null) => (base64 ? new Uint8Array(Buffer.from(base64, 'base64')) : undefined);

export interface WalletCapability extends Capability {
  service: WalletService;
}

export function init(deps: EngineDeps, options: { projections: ProjectionFactory; testOnlyKdf?: KdfParams }): WalletCapability {
  const service = new WalletService({
    index: new WalletIndex(deps.dataDir),
    bus: deps.bus,
    log: deps.log,
    projections: options.projections,
    testOnlyKdf: options.testOnlyKdf,
    backoff: new AppBackoffStore(deps.dataDir),
  });
  const ok = { ok: true } as const;
  /**
   * A sensitive change proves the password again; a wrong one is logged as `auth_failed` (not as a
   * failed unlock: the person at the keyboard already has the wallet open).
   */
  const proving = async <T>(action: string, job: () => Promise<T>): Promise<T> => {
    try {
      return await job();
    } catch (error) {
      if (isDomainError(error) && error.code === 'auth_failed') service.recordSecurityEvent('auth_failed', { action });
      throw error;
    }
  };

  return {
    service,
    handlers: {
      'wallet/status': () => service.status(),
      'wallet/create': ({ name, password, keyFile }) => service.create(name, password, decodeKeyFile(keyFile)),
      'wallet/unlock': ({ walletId, password, keyFile }) => service.unlock(walletId, password, decodeKeyFile(keyFile)),
      'wallet/recover': ({ walletId, recoveryKey, newPassword }) => service.recover(walletId, recoveryKey, newPassword),
      // Everything below waits its turn behind a running verify/backup (wallet-service.ts, the rule at the top).
      'wallet/lock': async () => (await service.lock('user'), ok),
      'wallet/changePassword': ({ oldPassword, newPassword, keyFile }) =>
        service.withOpen(async (open) => {
          await proving('change_password', () => open.vault.changePassword(oldPassword, newPassword, decodeKeyFile(keyFile)));
          service.recordSecurityEvent('password_changed');
          return ok;
        }),
      'wallet/setKeyFile': ({ password, currentKeyFile, keyFile }) =>
        service.withOpen(async (open) => {
          await proving('set_key_file', () => open.vault.setKeyFile(password, decodeKeyFile(keyFile) ?? null, decodeKeyFile(currentKeyFile)));
          service.recordSecurityEvent('key_file_changed', { required: keyFile !== null });
          return ok;
        }),
      'wallet/regenerateRecoveryKey': ({ password, keyFile }) =>
        service.withOpen(async (open) => ({
          recoveryKey: await proving('regenerate_recovery_key', () => open.vault.regenerateRecoveryKey(password, decodeKeyFile(keyFile))),
        })),
      // Cooperative: the walk yields to the event loop every SLICE events and reports task/progress.
      'wallet/confirmRecoveryKey': ({ recoveryKey }) =>
        service.withOpen((open) => {
          open.vault.confirmRecoveryKey(recoveryKey);
          service.recordSecurityEvent('recovery_key_changed');
          return ok;
        }),
      'wallet/saveAsNew': ({ name }) => service.saveAsNew(name),
      'wallet/verify': () => service.withOpen((open) => open.vault.verify(options.projections, service.progress('verify'))),
    },
    dispose: () => service.lock('quit'),
  };
}

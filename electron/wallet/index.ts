/** Wallet lifecycle: `wallet/*` — create, unlock, recover, lock, and the keyslot changes. */
import type { Capability, EngineDeps } from '../capability';
import type { KdfParams, ProjectionFactory } from '../vault';
import { WalletIndex } from './wallet-index';
import { WalletService } from './wallet-service';

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
  });
  const ok = { ok: true } as const;

  return {
    service,
    handlers: {
      'wallet/status': () => service.status(),
      'wallet/create': ({ name, password, keyFile }) => service.create(name, password, decodeKeyFile(keyFile)),
      'wallet/unlock': ({ walletId, password, keyFile }) => service.unlock(walletId, password, decodeKeyFile(keyFile)),
      'wallet/recover': ({ walletId, recoveryKey, newPassword }) => service.recover(walletId, recoveryKey, newPassword),
      'wallet/lock': () => (service.lock('user'), ok),
      'wallet/changePassword': async ({ oldPassword, newPassword, keyFile }) => {
        await service.requireOpen().vault.changePassword(oldPassword, newPassword, decodeKeyFile(keyFile));
        return ok;
      },
      'wallet/setKeyFile': async ({ password, currentKeyFile, keyFile }) => {
        await service.requireOpen().vault.setKeyFile(password, decodeKeyFile(keyFile) ?? null, decodeKeyFile(currentKeyFile));
        return ok;
      },
      'wallet/regenerateRecoveryKey': async ({ password, keyFile }) => ({
        recoveryKey: await service.requireOpen().vault.regenerateRecoveryKey(password, decodeKeyFile(keyFile)),
      }),
      'wallet/verify': () => service.requireOpen().vault.verify(options.projections),
    },
    dispose: () => service.lock('quit'),
  };
}

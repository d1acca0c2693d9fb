/** App information and preferences: `app/*` and `settings/*`. */
import { pickLanguage } from '../../shared/i18n';
import type { Capability, EngineDeps } from '../capability';
import { SettingsStore } from './settings-store';

export function init(deps: EngineDeps): Capability {
  const settings = new SettingsStore(deps.dataDir);
  return {
    handlers: {
      'app/info': () => ({
        name: 'OneWallet',
        version: deps.platform.appVersion,
        mode: deps.platform.mode,
        platform: deps.platform.platform,
        systemLanguage: pickLanguage([deps.platform.systemLocale]),
        dataDir: deps.dataDir,
      }),
      'settings/get': () => settings.get(),
      'settings/update': (patch) => {
        const next = settings.update(patch);
        deps.bus.emit('settings/changed', next);
        return next;
      },
    },
  };
}

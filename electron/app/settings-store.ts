/** App preferences (language, theme): not secret, kept beside the wallets as plain JSON. */
import { join } from 'node:path';
import { AutoLockSettings, Settings } from '../../shared/contract';
import { JsonSettingsFile } from '../support/json-settings';

export class SettingsStore extends JsonSettingsFile<Settings> {
  constructor(dataDir: string) {
    super(join(dataDir, 'settings.json'), Settings, { language: null, theme: 'system' });
  }
}

/** Auto-lock switches (security centre): not secret, kept beside the other preferences. */
export class AutoLockSettingsStore extends JsonSettingsFile<AutoLockSettings> {
  constructor(dataDir: string) {
    super(join(dataDir, 'auto-lock.json'), AutoLockSettings, { idleMinutes: 5, onSuspend: true, onScreenLock: true, onMinimize: false });
  }
}

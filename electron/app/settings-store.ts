/** App preferences (language, theme): not secret, kept beside the wallets as plain JSON. */
import { join } from 'node:path';
import { Settings } from '../../shared/contract';
import { JsonSettingsFile } from '../support/json-settings';

export class SettingsStore extends JsonSettingsFile<Settings> {
  constructor(dataDir: string) {
    super(join(dataDir, 'settings.json'), Settings, { language: null, theme: 'system' });
  }
}

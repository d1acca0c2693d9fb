/** App preferences (language, theme): not secret, kept beside the wallets as plain JSON. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Settings } from '../../shared/contract';
import { writeFileAtomic } from '../support/atomic-file';

const DEFAULTS: Settings = { language: null, theme: 'system' };

export class SettingsStore {
  private readonly file: string;
  private current: Settings;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
    this.current = this.read();
  }

  private read(): Settings {
    if (!existsSync(this.file)) return { ...DEFAULTS };
    try {
      // A damaged preferences file is not worth refusing to start over: fall back to defaults.
      return Settings.parse({ ...DEFAULTS, ...JSON.parse(readFileSync(this.file, 'utf8')) });
    } catch {
      return { ...DEFAULTS };
    }
  }

  get(): Settings {
    return { ...this.current };
  }

  update(patch: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.current, ...patch });
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.current = next;
    return this.get();
  }
}

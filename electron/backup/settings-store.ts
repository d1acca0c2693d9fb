/** Where and how often backups are written: plain JSON beside the wallets (no secrets in it). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../support/atomic-file';
import { DEFAULT_SCHEDULE } from './scheduler';

export const BackupSettings = z.object({
  primaryDir: z.string().min(1),
  secondaryDir: z.string().min(1).nullable(),
  intervalHours: z.number().int().min(0).max(24 * 30),
  onQuit: z.boolean(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export class BackupSettingsStore {
  private readonly file: string;
  private current: BackupSettings;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'backup-settings.json');
    const defaults: BackupSettings = { primaryDir: join(dataDir, 'backups'), secondaryDir: null, ...DEFAULT_SCHEDULE };
    this.current = defaults;
    if (existsSync(this.file)) {
      try {
        this.current = BackupSettings.parse({ ...defaults, ...JSON.parse(readFileSync(this.file, 'utf8')) });
      } catch {
        // Unreadable preferences fall back to defaults; backups themselves are untouched.
      }
    }
  }

  get(): BackupSettings {
    return { ...this.current };
  }

  update(patch: Partial<BackupSettings>): BackupSettings {
    const next = BackupSettings.parse({ ...this.current, ...patch });
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.current = next;
    return this.get();
  }
}

/** Where and how often backups are written: plain JSON beside the wallets (no secrets in it). */
import { join } from 'node:path';
import { z } from 'zod';
import { JsonSettingsFile } from '../support/json-settings';
import { DEFAULT_RETENTION } from './retention';
import { DEFAULT_SCHEDULE } from './scheduler';

export const BackupSettings = z.object({
  primaryDir: z.string().min(1),
  secondaryDir: z.string().min(1).nullable(),
  intervalHours: z.number().int().min(0).max(24 * 30),
  onQuit: z.boolean(),
  retention: z.object({
    today: z.number().int().min(1),
    days: z.number().int().min(0),
    weeks: z.number().int().min(0),
    months: z.number().int().min(0),
  }),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export class BackupSettingsStore extends JsonSettingsFile<BackupSettings> {
  constructor(dataDir: string) {
    super(join(dataDir, 'backup-settings.json'), BackupSettings, { primaryDir: join(dataDir, 'backups'), secondaryDir: null, ...DEFAULT_SCHEDULE, retention: DEFAULT_RETENTION });
  }
}

/**
 * What the update policy remembers across restarts (`update.json` in the data folder): the
 * user's choices, the skipped version, the last check, a random rollout position, the version
 * that ran last (for "what's new") and whether a pre-install backup still has to be made.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { UpdateChannel } from '../../shared/contract';
import { JsonSettingsFile } from '../support/json-settings';

const UpdateRecord = z.object({
  channel: UpdateChannel,
  autoCheck: z.boolean(),
  autoDownload: z.boolean(),
  intervalHours: z.number().int().min(1).max(168),
  skippedVersion: z.string().nullable(),
  /** Epoch ms until which "remind me later" keeps the banner hidden for automatic checks. */
  remindAfter: z.number().nullable(),
  lastCheckAt: z.string().nullable(),
  /** 0–99.99…: this installation's place in a staged rollout (percentage below which it gets the update). */
  rolloutPosition: z.number().min(0).max(100),
  lastRunVersion: z.string().nullable(),
  /** Notes of the version being installed, shown once by that version's first start. */
  installingNotes: z.object({ version: z.string(), notes: z.string() }).nullable(),
  whatsNew: z.object({ version: z.string(), notes: z.string() }).nullable(),
  /** An update was installed while the wallet was locked: back it up at the next unlock. */
  backupAtNextUnlock: z.boolean(),
});
export type UpdateRecord = z.infer<typeof UpdateRecord>;

export const DEFAULT_INTERVAL_HOURS = 6;

export class UpdateStore extends JsonSettingsFile<UpdateRecord> {
  constructor(dataDir: string) {
    super(join(dataDir, 'update.json'), UpdateRecord, {
      channel: 'stable',
      autoCheck: true,
      autoDownload: false,
      intervalHours: DEFAULT_INTERVAL_HOURS,
      skippedVersion: null,
      remindAfter: null,
      lastCheckAt: null,
      rolloutPosition: randomInt(0, 10_000) / 100,
      lastRunVersion: null,
      installingNotes: null,
      whatsNew: null,
      backupAtNextUnlock: false,
    });
  }
}

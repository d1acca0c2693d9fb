/**
 * Failed unlocks by vault id, kept in the app's data folder beside the wallets. The vault keeps the
 * same record inside each file, but copying a file (restoring a backup as a new wallet) would give
 * fresh guesses per copy: the secret being guessed is the same, so the backoff follows it here.
 * The larger of both records applies (vault/backoff.ts). Written atomically, 0600.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuthState, BackoffStore } from '../vault';
import { writeFileAtomic } from '../support/atomic-file';

const Records = z.record(z.string(), z.object({ failures: z.number().int().min(0), times: z.array(z.string()), nextAllowedAt: z.string().nullable() }));

export class AppBackoffStore implements BackoffStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'unlock-backoff.json');
  }

  private read(): Record<string, AuthState> {
    if (!existsSync(this.file)) return {};
    try {
      return Records.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged record only loses the shared count; each file still keeps its own.
      return {};
    }
  }

  get(vaultId: string): AuthState | undefined {
    return this.read()[vaultId];
  }

  set(vaultId: string, state: AuthState): void {
    const records = this.read();
    if (state.failures === 0 && !state.nextAllowedAt) delete records[vaultId];
    else records[vaultId] = state;
    writeFileAtomic(this.file, JSON.stringify(records, null, 2));
  }
}

/**
 * What the checkup remembers between runs, per wallet, in `security-checkup.json` beside the
 * wallets: when the integrity check last ran and whether it passed, and the score the user last
 * reviewed. Not secret (no amounts, no names, no keys — like the public unlock backoff state), so
 * it lives outside the encrypted vault and is readable before unlock; a damaged file only means
 * "never checked".
 */
import { join } from 'node:path';
import { z } from 'zod';
import { JsonSettingsFile } from '../../support/json-settings';

const Instant = z.string().max(40);
const WalletCheckup = z.object({
  lastVerify: z.object({ at: Instant, ok: z.boolean() }).nullable().default(null),
  review: z.object({ at: Instant, score: z.int().min(0).max(100) }).nullable().default(null),
});
export type WalletCheckup = z.infer<typeof WalletCheckup>;
const CheckupFile = z.object({ wallets: z.record(z.string().max(64), WalletCheckup) });

export class CheckupStore {
  private readonly file: JsonSettingsFile<z.infer<typeof CheckupFile>>;

  constructor(dataDir: string) {
    this.file = new JsonSettingsFile(join(dataDir, 'security-checkup.json'), CheckupFile, { wallets: {} });
  }

  of(walletId: string): WalletCheckup {
    return this.file.get().wallets[walletId] ?? { lastVerify: null, review: null };
  }

  update(walletId: string, patch: Partial<WalletCheckup>): void {
    const wallets = this.file.get().wallets;
    this.file.update({ wallets: { ...wallets, [walletId]: { ...this.of(walletId), ...patch } } });
  }
}

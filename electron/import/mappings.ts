/**
 * CSV mappings remembered per account (column mapping, delimiter, skip lines, date format: the
 * parser's CsvMapping). Plain JSON beside the wallets, keyed by wallet and account: header names
 * and options only, never a row of a statement. Exported and imported as JSON by the wizard and
 * `onewallet import --mapping FILE`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { JsonSettingsFile } from '../support/json-settings';

const Stored = z.object({ mappings: z.record(z.string(), z.record(z.string(), z.unknown())) });
type Stored = z.infer<typeof Stored>;

export class MappingStore extends JsonSettingsFile<Stored> {
  constructor(dataDir: string) {
    super(join(dataDir, 'import-mappings.json'), Stored, { mappings: {} });
  }

  private static key(walletId: string, accountId: string): string {
    return `${walletId}/${accountId}`;
  }

  mappingFor(walletId: string, accountId: string): Record<string, unknown> | null {
    return this.get().mappings[MappingStore.key(walletId, accountId)] ?? null;
  }

  save(walletId: string, accountId: string, mapping: Record<string, unknown>): void {
    this.update({ mappings: { ...this.get().mappings, [MappingStore.key(walletId, accountId)]: mapping } });
  }

  /** Every mapping of one wallet, by account id. */
  ofWallet(walletId: string): Record<string, Record<string, unknown>> {
    const prefix = `${walletId}/`;
    return Object.fromEntries(Object.entries(this.get().mappings).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
  }
}

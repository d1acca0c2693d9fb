/**
 * CSV mappings and category maps (statement category text → wallet category id, any format)
 * remembered per account (column mapping, delimiter, skip lines, date format: the
 * parser's CsvMapping). Plain JSON beside the wallets, keyed by wallet and account: header names
 * and options only, never a row of a statement. Exported and imported as JSON by the wizard and
 * `onewallet import --mapping FILE`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { CategoryMap } from '../../shared/import-views';
import { JsonSettingsFile } from '../support/json-settings';

const Stored = z.object({
  mappings: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** Added with QIF/statement categories; a file written before has none (the default). */
  categories: z.record(z.string(), CategoryMap),
});
type Stored = z.infer<typeof Stored>;

export class MappingStore extends JsonSettingsFile<Stored> {
  constructor(dataDir: string) {
    super(join(dataDir, 'import-mappings.json'), Stored, { mappings: {}, categories: {} });
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

  /** The category map remembered for an account ({} when none). */
  categoriesFor(walletId: string, accountId: string): CategoryMap {
    return this.get().categories[MappingStore.key(walletId, accountId)] ?? {};
  }

  /** Remembers the category choices of an import (merged over what the account had). */
  saveCategories(walletId: string, accountId: string, categories: CategoryMap): void {
    if (Object.keys(categories).length === 0) return;
    const key = MappingStore.key(walletId, accountId);
    this.update({ categories: { ...this.get().categories, [key]: { ...this.get().categories[key], ...categories } } });
  }

  /** Every mapping of one wallet, by account id. */
  ofWallet(walletId: string): Record<string, Record<string, unknown>> {
    const prefix = `${walletId}/`;
    return Object.fromEntries(Object.entries(this.get().mappings).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
  }
}

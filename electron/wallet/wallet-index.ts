/**
 * Which wallet files exist in the data folder and what the user called them. Names are not
 * secret (they are like file names); everything inside a wallet is.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../support/atomic-file';

const WALLET_EXTENSION = '.onewallet';
const IndexFile = z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() }));
export type WalletEntry = z.infer<typeof IndexFile>[number];

export class WalletIndex {
  readonly dir: string;
  private readonly indexFile: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'wallets');
    this.indexFile = join(this.dir, 'wallets.json');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  pathOf(id: string): string {
    return join(this.dir, `${id}${WALLET_EXTENSION}`);
  }

  private readIndex(): WalletEntry[] {
    if (!existsSync(this.indexFile)) return [];
    try {
      return IndexFile.parse(JSON.parse(readFileSync(this.indexFile, 'utf8')));
    } catch {
      return []; // names are cosmetic; the wallet files themselves are listed below regardless
    }
  }

  /** Every wallet file on disk, named from the index where it has an entry. */
  list(): WalletEntry[] {
    const named = new Map(this.readIndex().map((entry) => [entry.id, entry]));
    return readdirSync(this.dir)
      .filter((file) => file.endsWith(WALLET_EXTENSION))
      .map((file) => file.slice(0, -WALLET_EXTENSION.length))
      .map((id) => named.get(id) ?? { id, name: id, createdAt: '' })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  newId(): string {
    return `wallet-${randomBytes(5).toString('hex')}`;
  }

  remember(entry: WalletEntry): void {
    const entries = this.readIndex().filter((existing) => existing.id !== entry.id);
    writeFileAtomic(this.indexFile, JSON.stringify([...entries, entry], null, 2));
  }
}

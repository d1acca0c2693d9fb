/**
 * `import/*`: statement import for the open wallet. Files arrive as a path or as uploaded bytes;
 * previews are kept here (the newest few) until they are committed. Commits, undos and restores
 * are queued wallet jobs (wallet-service.ts), so they never interleave with a command, a backup
 * or a lock, and they report `task/progress` (kind 'import') while the batch is checked, written
 * and folded.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DomainError } from '../../shared/errors';
import type { ImportSource } from '../../shared/import-views';
import type { Capability, EngineDeps } from '../capability';
import { Ledger, asLedgerProjection, type LedgerProjection } from '../ledger';
import type { Handlers } from '../router/router';
import { fileError } from '../support/os-errors';
import type { OpenWallet, WalletService } from '../wallet/wallet-service';
import { MappingStore } from './mappings';
import { csvMappingSchema } from './parse/csv';
import { MAX_STATEMENT_BYTES } from './statement';
import * as service from './service';

/** Previews kept for a commit; older ones are dropped (a 100k-row plan is tens of MB). */
const KEPT_PLANS = 3;
const DEFAULT_ROWS = 200;

export function readSource(source: ImportSource): { fileName: string; bytes: Uint8Array } {
  if ('base64' in source) return { fileName: source.fileName, bytes: new Uint8Array(Buffer.from(source.base64, 'base64')) };
  const path = resolve(source.path);
  try {
    if (statSync(path).size > MAX_STATEMENT_BYTES) throw new DomainError('invalid_input', 'errors.import.too_large', { max: MAX_STATEMENT_BYTES, line: 0 });
    return { fileName: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    throw fileError(error, path);
  }
}

export function init(deps: EngineDeps, wallets: WalletService): Capability {
  const mappings = new MappingStore(deps.dataDir);
  let bound: { open: OpenWallet; wallet: service.ImportWallet } | null = null;
  let plans: { walletId: string; stored: service.StoredPlan }[] = [];

  function wallet(): service.ImportWallet & { open: OpenWallet } {
    const open = wallets.requireOpen();
    if (bound?.open !== open) {
      const projection = asLedgerProjection(open.projection);
      bound = { open, wallet: { projection, ledger: new Ledger({ sink: open.vault, projection }) } };
      plans = [];
    }
    return { ...bound.wallet, open };
  }
  const projection = (): LedgerProjection => wallet().projection;

  function plan(planId: string): service.StoredPlan {
    const { open } = wallet();
    const found = plans.find((entry) => entry.stored.id === planId && entry.walletId === open.id);
    if (!found) throw new DomainError('not_found', 'errors.import_batch.plan_gone', {});
    return found.stored;
  }

  /** A queued wallet job that announces what it wrote. */
  function write<T>(job: (w: service.ImportWallet & { open: OpenWallet }) => Promise<T>): Promise<T> {
    return wallets.withOpen(async () => {
      const w = wallet();
      const before = w.open.vault.head().seq;
      const result = await job(w);
      const after = w.open.vault.head().seq;
      if (after !== before) {
        wallets.noteAppended();
        deps.bus.emit('ledger/changed', { seq: after });
      }
      return result;
    });
  }

  const progress = () => {
    const taskId = randomUUID();
    return (phase: string, done: number, total: number) => deps.bus.emit('task/progress', { taskId, kind: 'import', phase, done, total });
  };

  const handlers: Partial<Handlers> = {
    'import/detect': async ({ source, accountId, format, encoding, mapping, dateOrder }) => {
      const { fileName, bytes } = readSource(source);
      const w = wallet();
      const saved = accountId ? mappings.mappingFor(w.open.id, accountId) : null;
      return service.detect(w.projection, bytes, fileName, accountId, { format, encoding, mapping, dateOrder }, saved);
    },
    'import/preview': async ({ source, limit, categories, ...choices }) => {
      const { fileName, bytes } = readSource(source);
      const w = wallet();
      // The account's remembered category map, under this preview's own choices.
      const remembered = { ...mappings.categoriesFor(w.open.id, choices.accountId), ...categories };
      const stored = await service.preview(w.projection, bytes, fileName, { ...choices, categories: remembered });
      plans = [...plans.filter((entry) => entry.walletId === w.open.id).slice(-(KEPT_PLANS - 1)), { walletId: w.open.id, stored }];
      return service.previewView(stored, limit ?? DEFAULT_ROWS);
    },
    'import/rows': ({ planId, offset, limit, status }) => {
      const rows = plan(planId).plan.rows.filter((row) => status === undefined || row.status === status);
      return { total: rows.length, rows: rows.slice(offset, offset + limit).map(service.rowView) };
    },
    'import/totals': ({ planId, include }) => service.retotal(plan(planId), include, projection()),
    'import/commit': ({ planId, include, requestId }) => {
      const stored = plan(planId);
      const report = progress();
      return write(async (w) => {
        const result = await service.commit(w, stored, include, requestId, report);
        plans = plans.filter((entry) => entry.stored.id !== planId);
        // The category choices an import was made with are offered again for this account next time.
        if (result.batchId !== null && stored.choices.categories) {
          try {
            mappings.saveCategories(w.open.id, stored.choices.accountId, stored.choices.categories);
          } catch {
            // A preference only: the import is recorded either way, and the next preview matches again.
          }
        }
        // A replayed request wrote nothing new, so it leaves no second entry in the security log.
        if (result.batchId !== null && !result.replayed) wallets.recordSecurityEvent('import', { batchId: result.batchId, rows: result.imported });
        return result;
      });
    },
    'import/history': () => ({ batches: service.history(projection()) }),
    'import/undo': ({ batchId, requestId }) =>
      write(async (w) => {
        const before = w.open.vault.head().seq;
        const undone = await service.undo(w, batchId, requestId, true);
        if (w.open.vault.head().seq !== before) wallets.recordSecurityEvent('import_undone', { batchId: undone.batchId });
        return { batchId: undone.batchId };
      }),
    'import/restore': ({ batchId, requestId }) => write(async (w) => ({ batchId: (await service.undo(w, batchId, requestId, false)).batchId })),
    'import/saveMapping': ({ accountId, mapping }) => {
      const w = wallet();
      if (!w.projection.account(accountId)) throw new DomainError('not_found', 'errors.account_not_found', { accountId });
      const checked = csvMappingSchema.safeParse(mapping);
      if (!checked.success) throw new DomainError('invalid_input', 'errors.import.mapping_invalid', { line: 0, column: String(checked.error.issues[0]?.path[0] ?? '') });
      mappings.save(w.open.id, accountId, checked.data);
      return { ok: true as const };
    },
    'import/mappings': () => ({ mappings: mappings.ofWallet(wallet().open.id) as Record<string, Record<string, string | number | boolean>> }),
  };
  return { handlers };
}

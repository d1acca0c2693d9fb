/**
 * The wizard's "Export as JSON": the file `onewallet import FILE --mapping FILE` reads. It holds the
 * CSV mapping, and beside it what the preview matched or the person chose: the statement categories
 * (wallet category ids, null for "leave uncategorized") and the QIF `[Account]` transfer accounts, so
 * the same statement imported from the command line lands exactly as it did in the wizard.
 */
import type { ImportPreview } from '../../../../shared/import-views';
import type { Choices, Mapping } from './use-import';

export function mappingFile(mapping: Mapping, choices: Pick<Choices, 'categories' | 'transferAccounts'>, preview: Pick<ImportPreview, 'categories' | 'transferAccounts'> | null): string {
  // What the preview matched (remembered or by name), then what was changed in it: the person's choice wins.
  const categories: Record<string, string | null> = {
    ...Object.fromEntries((preview?.categories ?? []).map((c) => [c.text, c.categoryId])),
    ...choices.categories,
  };
  const transferAccounts: Record<string, string> = {
    ...Object.fromEntries((preview?.transferAccounts ?? []).flatMap((a) => (a.accountId === null ? [] : [[a.name, a.accountId]]))),
    ...choices.transferAccounts,
  };
  const file = {
    ...mapping,
    ...(Object.keys(categories).length > 0 ? { categories } : {}),
    ...(Object.keys(transferAccounts).length > 0 ? { transferAccounts } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

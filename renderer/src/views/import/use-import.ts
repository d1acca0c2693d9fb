/**
 * The wizard's state: the chosen file and account, the detection (format, encoding, mapping, the
 * first rows as parsed), the preview plan and the user's choices, the commit with its progress,
 * and the last batch (for "undo this import"). Every call goes through the contract client.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DetectResult, ImportCommitResult, ImportPreview, ImportSource } from '../../../../shared/import-views';
import { MAX_UPLOAD_BYTES } from '../../../../shared/import-views';
import { unwrap, useApi } from '../../lib/api-context';
import { readFileAsBase64 } from '../../lib/files';
import { newRequestId } from '../../lib/money';

export type Mapping = NonNullable<DetectResult['mapping']>;
export type Neutral = { mode: 'omit' } | { mode: 'transfer'; accountId: string };

export interface Choices {
  accountId: string | null;
  format: 'auto' | DetectResult['format'];
  encoding: string | null;
  mapping: Mapping | null;
  neutral: Neutral;
  /** Which of the statement's accounts to import (an OFX file may hold several); null: the first. */
  statementAccount: number | null;
  /** Statement category text → wallet category id (null: uncategorized), as changed in the preview. */
  categories: Record<string, string | null>;
  /** QIF `[Account]` name → wallet account id, as chosen in the preview. */
  transferAccounts: Record<string, string>;
}

export class FileTooLarge extends Error {}

export function useImportWizard() {
  const api = useApi();
  const [source, setSource] = useState<Extract<ImportSource, { base64: string }> | null>(null);
  const [choices, setChoices] = useState<Choices>({
    accountId: null,
    format: 'auto',
    encoding: null,
    mapping: null,
    neutral: { mode: 'omit' },
    statementAccount: null,
    categories: {},
    transferAccounts: {},
  });
  const [detected, setDetected] = useState<DetectResult | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [include, setInclude] = useState<number[]>([]);
  const [totals, setTotals] = useState<Pick<ImportPreview, 'totals' | 'balances' | 'warnings'> | null>(null);
  const [committed, setCommitted] = useState<ImportCommitResult | null>(null);
  const [busy, setBusy] = useState<'detect' | 'preview' | 'commit' | 'undo' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const parseChoices = useCallback(
    () => ({
      ...(choices.format !== 'auto' ? { format: choices.format } : {}),
      ...(choices.encoding ? { encoding: choices.encoding } : {}),
      ...(choices.mapping && detected?.format === 'csv' ? { mapping: choices.mapping } : {}),
    }),
    [choices.format, choices.encoding, choices.mapping, detected?.format],
  );

  async function chooseFile(file: File): Promise<void> {
    if (file.size > MAX_UPLOAD_BYTES) throw new FileTooLarge();
    setSource({ fileName: file.name, base64: await readFileAsBase64(file) });
    setChoices((current) => ({ ...current, format: 'auto', encoding: null, mapping: null, statementAccount: null, categories: {}, transferAccounts: {} }));
    setPreview(null);
    setCommitted(null);
  }

  // Detect again whenever the file, the account or an override changes: the sample shows the rows as parsed now.
  useEffect(() => {
    if (!source) return;
    let current = true;
    setBusy('detect');
    setError(null);
    unwrap(api.import.detect({ source, accountId: choices.accountId, ...parseChoices() }))
      .then((result) => {
        if (!current) return;
        setDetected(result);
        if (result.mapping && !choices.mapping) setChoices((c) => ({ ...c, mapping: result.mapping }));
      }, (failure: unknown) => current && setError(failure))
      .finally(() => current && setBusy(null));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- choices.mapping is read only to seed it once
  }, [api, source, choices.accountId, parseChoices]);

  /** Plans the import with the current choices (or these, when a preview's mapping was just changed). */
  async function makePreview(next: Choices = choices): Promise<void> {
    if (!source || !next.accountId) return;
    setBusy('preview');
    setError(null);
    try {
      const several = (detected?.statementAccounts.length ?? 0) > 1;
      const statementAccount = several ? { statementAccount: next.statementAccount ?? 0 } : {};
      const mapped = {
        ...(Object.keys(next.categories).length > 0 ? { categories: next.categories } : {}),
        ...(Object.keys(next.transferAccounts).length > 0 ? { transferAccounts: next.transferAccounts } : {}),
      };
      const result = await unwrap(api.import.preview({ source, accountId: next.accountId, ...parseChoices(), ...statementAccount, neutral: next.neutral, ...mapped, limit: 1000 }));
      setPreview(result);
      setInclude([]);
      setTotals(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  /** A statement category's wallet category (null: uncategorized), changed in the preview: planned again. */
  async function chooseCategory(text: string, categoryId: string | null): Promise<void> {
    const next = { ...choices, categories: { ...choices.categories, [text]: categoryId } };
    setChoices(next);
    await makePreview(next);
  }

  /** The wallet account of a QIF `[Account]` name, chosen in the preview: planned again. */
  async function chooseTransferAccount(name: string, accountId: string): Promise<void> {
    const next = { ...choices, transferAccounts: { ...choices.transferAccounts, [name]: accountId } };
    setChoices(next);
    await makePreview(next);
  }

  async function toggleInclude(index: number, on: boolean): Promise<void> {
    if (!preview) return;
    const next = on ? [...include, index] : include.filter((i) => i !== index);
    setInclude(next);
    setTotals(await unwrap(api.import.totals({ planId: preview.planId, include: next })));
  }

  async function commit(): Promise<void> {
    if (!preview) return;
    setBusy('commit');
    setError(null);
    try {
      setCommitted(await unwrap(api.import.commit({ planId: preview.planId, include, requestId: newRequestId() })));
      setPreview(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function undo(batchId: string, restore = false): Promise<void> {
    setBusy('undo');
    setError(null);
    try {
      const input = { batchId, requestId: newRequestId() };
      await unwrap(restore ? api.import.restore(input) : api.import.undo(input));
      if (!restore && committed?.batchId === batchId) setCommitted({ ...committed, batchId: null });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function saveMapping(): Promise<void> {
    if (!choices.accountId || !choices.mapping) return;
    try {
      await unwrap(api.import.saveMapping({ accountId: choices.accountId, mapping: choices.mapping }));
    } catch (failure) {
      setError(failure);
    }
  }

  return {
    source,
    choices,
    setChoices,
    detected,
    preview,
    include,
    totals,
    committed,
    busy,
    error,
    chooseFile,
    makePreview,
    chooseCategory,
    chooseTransferAccount,
    toggleInclude,
    commit,
    undo,
    saveMapping,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;

/**
 * The OK button of a dialog that runs one call: busy while it runs, the translated error shown in
 * the dialog when it fails (the dialog stays open), nothing left over when it succeeds.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './api-context';

export function useDialogAction(): { busy: boolean; error: string | null; setError(error: string | null): void; run(work: () => Promise<void>): Promise<void> } {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

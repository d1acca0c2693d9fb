/**
 * Payee with suggestions from the ledger's history (`ledger/payees`: most used first). Picking one
 * hands its last kind, account and category to the dialog, which fills the fields the user has
 * not set yet.
 */
import { useEffect, useState } from 'react';
import { AutoComplete } from 'antd';
import type { PayeeSuggestion } from '../../../shared/daily-use-views';
import { useApi } from '../lib/api-context';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  onPick(suggestion: PayeeSuggestion): void;
}

/** Long enough to skip a query per keystroke of a fast typist, short enough to feel immediate. */
const QUERY_DELAY_MS = 120;

export function PayeeInput({ id, value, onChange, onPick }: Props) {
  const api = useApi();
  const [suggestions, setSuggestions] = useState<PayeeSuggestion[]>([]);
  const text = value ?? '';

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void api.ledger.payees({ text: text.trim(), limit: 8 }).then((result) => {
        if (current && result.ok) setSuggestions(result.value.payees.filter((s) => s.payee !== text));
      });
    }, QUERY_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, text]);

  return (
    // The marker lets Enter save from here while no suggestion list is open (LedgerDialogFrame).
    <div data-enter-saves>
      <AutoComplete
        id={id}
        value={value}
        onChange={(next: string) => onChange?.(next)}
        onSelect={(payee: string) => {
          const picked = suggestions.find((s) => s.payee === payee);
          if (picked) onPick(picked);
        }}
        options={suggestions.map((s) => ({ value: s.payee, label: s.payee }))}
        maxLength={200}
        style={{ width: '100%' }}
      />
    </div>
  );
}

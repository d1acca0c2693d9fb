/**
 * The amount field of the record dialogs: takes what people type (３８。５, ¥38.5, 1,234, spaces)
 * and, when the field is left, shows it as the exact decimal the engine will get (38.50). What
 * cannot be read is shown in red under the field right away, with the engine's own wording.
 */
import { useCallback, type Ref } from 'react';
import { Input, type InputProps, type InputRef } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { readTypedAmount } from '../../../shared/typed-amount';
import { useFocusOnOpen } from '../lib/use-focus-on-open';

interface Props extends Omit<InputProps, 'onChange' | 'value'> {
  value?: string;
  onChange?: (value: string) => void;
  currency: string;
  ref?: Ref<InputRef>;
}

export function AmountInput({ value, onChange, currency, onBlur, ref, ...rest }: Props) {
  return (
    <Input
      {...rest}
      ref={ref}
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(event) => onChange?.(event.target.value)}
      onBlur={(event) => {
        const read = value && currency ? readTypedAmount(value, currency) : null;
        if (read?.ok && read.text !== value) onChange?.(read.text);
        onBlur?.(event);
      }}
      // Always a suffix: antd rebuilds the input (dropping focus and the keys in flight) when one
      // appears or goes, as it would when the account, and so the currency, is chosen after typing began.
      suffix={currency || <span />}
    />
  );
}

/** Form rule: the typed text must read as an amount of `currency` (empty is left to `required`). */
export function typedAmountRule(currency: string | undefined, t: TFunction): Rule {
  return {
    validator: (_, value: string | undefined) => {
      if (!value?.trim() || !currency) return Promise.resolve();
      const read = readTypedAmount(value, currency);
      return read.ok ? Promise.resolve() : Promise.reject(new Error(t(read.messageKey, read.params)));
    },
  };
}

/** What to send: the exact decimal text, or the trimmed input when it cannot be read (the engine then explains). */
export function amountToSend(value: string, currency: string | undefined): string {
  const read = currency ? readTypedAmount(value, currency) : null;
  return read?.ok ? read.text : value.trim();
}

/** The amount field's ref and a focus() for it; focuses it once `active` (the dialog is open and editable). */
export function useAmountFocus(active: boolean) {
  const { ref, focusOnOpen } = useFocusOnOpen(active);
  /** Puts the caret in the amount, its text selected so typing replaces it (save-and-add, explicit). */
  const focus = useCallback((): boolean => {
    const field = ref.current;
    if (!field?.input) return false;
    if (document.activeElement !== field.input) field.focus({ cursor: 'all' });
    return true;
  }, [ref]);
  return { ref, focus, focusOnOpen };
}

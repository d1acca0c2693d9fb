/**
 * The amount field of the record dialogs: takes what people type (３８。５, ¥38.5, 1,234, spaces)
 * and, when the field is left, shows it as the exact decimal the engine will get (38.50). What
 * cannot be read is shown in red under the field right away, with the engine's own wording.
 */
import { useCallback, useEffect, useRef, type Ref } from 'react';
import { Input, type InputProps, type InputRef } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { readTypedAmount } from '../../../shared/typed-amount';

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
  const ref = useRef<InputRef>(null);
  /** Puts the caret in the amount, its text selected so typing replaces it (save-and-add, explicit). */
  const focus = useCallback((): boolean => {
    const field = ref.current;
    if (!field?.input) return false;
    if (document.activeElement !== field.input) field.focus({ cursor: 'all' });
    return true;
  }, []);
  /**
   * The automatic focus when the dialog opens. On a loaded machine the open animation ends after the
   * person has begun: typing in the amount, or already moved on to the payee. Taking the caret back
   * then would select what they typed or put the payee's letters into the amount, so once the caret
   * is in any field of this dialog, it stays where the person put it.
   */
  const focusOnOpen = useCallback((): boolean => {
    const field = ref.current;
    if (!field?.input) return false;
    const active = document.activeElement;
    const dialog = field.input.closest('[role="dialog"]');
    if (active && dialog?.contains(active) && active.matches('input, textarea, [contenteditable="true"]')) return true;
    field.focus({ cursor: 'all' });
    return true;
  }, []);
  useEffect(() => {
    if (!active) return;
    // From the next frame on (after the modal's own focus handling), until the field is mounted:
    // on a slow machine the form can render a few frames after the dialog says it is ready.
    let frame = 0;
    let frames = 0;
    const attempt = () => {
      if (!focusOnOpen() && ++frames < 120) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [active, focusOnOpen]);
  return { ref, focus, focusOnOpen };
}

/**
 * What stored text may contain, decided once for the UI, the CLI and the engine:
 * - names (accounts, categories, wallets, payees, tags) are one line: no control characters at all;
 * - free text (notes, reasons) may hold line breaks and tabs, nothing else below U+0020.
 * And how any stored text is shown on a terminal: control characters (ANSI escapes above all,
 * which could rewrite what the user sees) are made visible instead of being obeyed.
 */

/** C0 controls, DEL and C1 controls: nothing a name needs and what terminals interpret. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** The same, minus tab, line feed and carriage return, which notes may keep. */
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** Bidirectional overrides and isolates can make a terminal or a list show text in another order. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

export function isSingleLineText(value: string): boolean {
  return !CONTROL.test(value) && !BIDI_CONTROL.test(value);
}

export function isFreeText(value: string): boolean {
  return !CONTROL_EXCEPT_LINE_BREAKS.test(value) && !BIDI_CONTROL.test(value);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/**
 * Text safe to print on a terminal: every control or bidi character becomes a visible escape
 * (`\e`, `\n`, `\u009b`…), so stored text can never move the cursor, change colours or hide lines.
 */
export function terminalSafe(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (c) => ESCAPES[c] ?? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

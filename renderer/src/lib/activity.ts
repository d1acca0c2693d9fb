/**
 * Tells the engine the user is here (auto-lock's idle timer, electron/security/auto-lock.ts): input
 * in the window sends `security/activity`, at most once per PING_EVERY_MS — the first input at
 * once, the last one of a burst when the interval is over — so typing costs no more than one
 * message a second.
 */
import { useEffect } from 'react';
import type { OneWalletApi } from '../../../shared/contract';

/** Well under the shortest idle time (1 min in the app; the e2e's test-only 5 s). */
export const PING_EVERY_MS = 1_000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useActivityPings(api: OneWalletApi): void {
  useEffect(() => {
    let last = 0;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      last = Date.now();
      void api.security.activity({});
    };
    const onInput = () => {
      const wait = last + PING_EVERY_MS - Date.now();
      if (wait <= 0) send();
      else trailing ??= setTimeout(() => {
        trailing = null;
        send();
      }, wait);
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      if (trailing) clearTimeout(trailing);
    };
  }, [api]);
}

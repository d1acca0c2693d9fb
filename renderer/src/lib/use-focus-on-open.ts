/**
 * Puts the caret in a dialog's first field when the dialog opens, with or without the open
 * animation. antd's `autoFocus` alone depends on the animation: with motion off (the system's
 * "reduce motion"), the field mounts before the dialog's focus trap settles and the dialog takes the
 * focus back onto its own frame, so typing went nowhere.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { InputRef } from 'antd';

/** Tries for this many frames: on a slow machine the form can render a few frames after the dialog says it is ready. */
const MAX_FRAMES = 120;

export function useFocusOnOpen(active: boolean) {
  const ref = useRef<InputRef>(null);
  /**
   * Focuses the field unless the person is already typing in this dialog. On a loaded machine the
   * open animation can end after they have begun: taking the caret back then would select what they
   * typed or put the next field's letters into this one. Returns false while the field is not mounted.
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
    // From the next frame on, after the dialog's own focus handling.
    let frame = 0;
    let frames = 0;
    const attempt = () => {
      if (!focusOnOpen() && ++frames < MAX_FRAMES) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [active, focusOnOpen]);
  return { ref, focusOnOpen };
}

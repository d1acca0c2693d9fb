/**
 * The renderer's crash capture: window.onerror, unhandledrejection and React error boundaries
 * all end in `reportRendererCrash`, which sends the error with the last breadcrumbs (route
 * changes, dialogs opened, command *types*) to the engine — the engine owns the one scrubber.
 * Errors from before the engine connection are queued and sent once it is there.
 */
import type { Breadcrumb } from '../../../shared/crash';
import type { OneWalletApi } from '../../../shared/contract';

const MAX_CRUMBS = 30;
const crumbs: Breadcrumb[] = [];
let api: OneWalletApi | null = null;
type Pending = Parameters<OneWalletApi['crash']['reportRenderer']>[0];
const queue: Pending[] = [];
const listeners = new Set<() => void>();

export function breadcrumb(kind: Breadcrumb['kind'], what: string): void {
  crumbs.push({ at: new Date().toISOString(), kind, what: what.slice(0, 120) });
  if (crumbs.length > MAX_CRUMBS) crumbs.shift();
}

/** Told after a renderer report reached the engine (the crash view refreshes). */
export function onRendererReport(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function send(input: Pending): void {
  if (!api) {
    if (queue.length < 20) queue.push(input);
    return;
  }
  void api.crash.reportRenderer(input).then(() => listeners.forEach((l) => l()), () => {});
}

export function setCrashApi(next: OneWalletApi | null): void {
  api = next;
  if (api) for (const pending of queue.splice(0)) send(pending);
}

const chromeVersion = () => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null;

export function reportRendererCrash(
  kind: Pending['kind'],
  error: unknown,
  extra: { componentStack?: string; test?: boolean } = {},
): void {
  const e = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'Non-error value thrown');
  send({
    kind,
    name: (e.name || 'Error').slice(0, 200),
    message: e.message.slice(0, 4000),
    stack: (e.stack ?? '').slice(0, 16000),
    componentStack: extra.componentStack?.slice(0, 16000),
    test: extra.test ?? e.message.includes(TEST_CRASH_MARK),
    breadcrumbs: [...crumbs],
    chrome: chromeVersion(),
  });
}

/** Marks errors raised by Settings → Diagnostics, so their reports say "test". */
export const TEST_CRASH_MARK = 'Crash reporter test';

let installed = false;
/** window.onerror and unhandledrejection, plus a breadcrumb for every route change. */
export function installWindowCapture(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('error', (event) => reportRendererCrash('rendererError', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportRendererCrash('rendererRejection', event.reason));
  window.addEventListener('hashchange', () => breadcrumb('route', window.location.hash.replace(/^#\/?/, '') || 'dashboard'));
  breadcrumb('lifecycle', 'renderer started');
}

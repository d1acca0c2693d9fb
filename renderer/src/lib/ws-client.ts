/**
 * Browser-mode transport: the same `OneWalletApi` as the preload, over a WebSocket to the
 * engine host on 127.0.0.1. The token comes from the link the host printed; it is moved from
 * the address bar into this tab's session storage so it does not linger in history.
 *
 * A connection that was working and drops (the host restarted, a sleep/resume) is re-opened a few
 * times with growing pauses before the page says the engine is unreachable. Calls in flight when
 * it dropped fail with a transport error; commands carry request ids, so retrying them is safe.
 */
import {
  buildApi,
  WS_PATH,
  type EventName,
  type Failure,
  type OneWalletApi,
  type Result,
  type WsServerMessage,
} from '../../../shared/contract';

const TOKEN_KEY = 'onewallet.token';
const REQUEST_TIMEOUT_MS = 120_000;
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/** `lost`: the engine answered once and stopped answering (it was closed); `closed`: it never let us in. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'lost' | 'no-token';

const transportFailure: Failure = { ok: false, code: 'internal', messageKey: 'errors.transport', params: {} };

export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function connectWebSocket(token: string, onState: (state: ConnectionState) => void): OneWalletApi {
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const url = `ws://${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
  let socket: WebSocket;
  /** Resolves to the open socket, or null once the engine is given up on. */
  let ready: Promise<WebSocket | null>;

  function open(attempt: number, wasOpen: boolean): void {
    onState('connecting');
    socket = new WebSocket(url);
    const current = socket;
    ready = new Promise((resolve) => {
      current.addEventListener('open', () => {
        onState('open');
        resolve(current);
        attempt = 0;
        wasOpen = true;
      });
      current.addEventListener('close', () => {
        for (const settle of pending.values()) settle(transportFailure);
        pending.clear();
        // Only a connection that once worked is retried: a wrong token fails the same way each time.
        const delay = RECONNECT_DELAYS_MS[attempt];
        if (wasOpen && delay !== undefined) {
          setTimeout(() => open(attempt + 1, wasOpen), delay);
        } else {
          onState(wasOpen ? 'lost' : 'closed');
          resolve(null);
        }
      });
    });
    current.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as WsServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    });
  }
  open(0, false);

  return buildApi(
    async (method, input) => {
      const live = await ready;
      if (!live || live.readyState !== WebSocket.OPEN) return transportFailure;
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(transportFailure);
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        live.send(JSON.stringify({ id, method, input }));
      });
    },
    (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  );
}

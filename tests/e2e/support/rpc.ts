/** Contract calls from inside a test page, used to set up state the test is not about. */
import type { Page } from '@playwright/test';

/**
 * Calls one contract method over a second WebSocket from inside the page (same origin, same
 * token), exactly as the transactions view would; used here only to record transactions.
 */
export async function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await rpcResult(page, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.messageKey}`);
  return result.value as T;
}

export async function rpcResult(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; messageKey?: string }> {
  return page.evaluate(
    ({ method, input }) =>
      new Promise<{ ok: boolean; value?: unknown; messageKey?: string }>((resolve, reject) => {
        const token = sessionStorage.getItem('onewallet.token') ?? '';
        const socket = new WebSocket(`ws://${location.host}/rpc?token=${encodeURIComponent(token)}`);
        socket.onerror = () => reject(new Error('socket error'));
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, method, input }));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; result?: { ok: boolean } };
          if (message.type === 'result' && message.id === 1) {
            socket.close();
            resolve(message.result as { ok: boolean });
          }
        };
      }),
    { method, input },
  );
}

/** Many commands over one socket, in order: seeding a long register quickly. */
export async function rpcBatch(page: Page, method: string, inputs: unknown[]): Promise<number> {
  return page.evaluate(
    ({ method, inputs }) =>
      new Promise<number>((resolve, reject) => {
        const token = sessionStorage.getItem('onewallet.token') ?? '';
        const socket = new WebSocket(`ws://${location.host}/rpc?token=${encodeURIComponent(token)}`);
        let ok = 0;
        let answered = 0;
        socket.onerror = () => reject(new Error('socket error'));
        socket.onopen = () => inputs.forEach((input, index) => socket.send(JSON.stringify({ id: index + 1, method, input })));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; result?: { ok: boolean } };
          if (message.type !== 'result') return;
          if (message.result?.ok) ok += 1;
          if (++answered === inputs.length) {
            socket.close();
            resolve(ok);
          }
        };
      }),
    { method, inputs },
  );
}


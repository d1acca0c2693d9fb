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

export interface Call {
  method: string;
  input: Record<string, unknown>;
}
export type WireResult = { ok: true; value: { ids?: string[] } & Record<string, unknown> } | { ok: false; code: string; messageKey: string };

/**
 * Sends contract requests over a fresh WebSocket from the page, authenticated with the session
 * token the app keeps in sessionStorage: the same wire the app itself uses, nothing more.
 */
export async function rpcCalls(page: Page, calls: Call[]): Promise<WireResult[]> {
  return page.evaluate(async (batch) => {
    const token = sessionStorage.getItem('onewallet.token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/rpc?token=${encodeURIComponent(token)}`);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const results: unknown[] = new Array(batch.length);
    let done = 0;
    await new Promise<void>((resolve) => {
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { type: string; id: number; result: unknown };
        if (message.type !== 'result') return;
        results[message.id] = message.result;
        if (++done === batch.length) resolve();
      };
      batch.forEach((call, id) => ws.send(JSON.stringify({ id, method: call.method, input: call.input })));
    });
    ws.close();
    return results;
  }, calls) as Promise<WireResult[]>;
}


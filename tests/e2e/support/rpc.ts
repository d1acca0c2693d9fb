/** Contract calls from the page in e2e tests, for setting up what a spec does not test through the UI. */
import type { Page } from '@playwright/test';

export interface Call {
  method: string;
  input: Record<string, unknown>;
}
export type WireResult = { ok: true; value: { ids?: string[] } & Record<string, unknown> } | { ok: false; code: string; messageKey: string };

/**
 * Sends contract requests over a fresh WebSocket from the page, authenticated with the session
 * token the app keeps in sessionStorage: the same wire the app itself uses, nothing more.
 */
export async function rpc(page: Page, calls: Call[]): Promise<WireResult[]> {
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


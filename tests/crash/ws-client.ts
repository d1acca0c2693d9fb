/** A contract client over a running host's WebSocket, as the renderer's ws-client talks to it (tests only). */
import WebSocket from 'ws';
import type { RunningHost } from '../e2e/support/host';

export interface WsClient {
  call(method: string, input?: unknown): Promise<any>;
  /** The value of a call that must succeed. */
  ok(method: string, input?: unknown): Promise<any>;
  close(): void;
}

export async function connect(running: RunningHost): Promise<WsClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${running.port}/rpc?token=${running.token}`, { headers: { origin: running.origin } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const pending = new Map<number, (result: any) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.type === 'result') pending.get(message.id)?.(message.result);
  });
  const call = (method: string, input: unknown = {}) =>
    new Promise<any>((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, input }));
    });
  const ok = async (method: string, input: unknown = {}) => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.messageKey}`);
    return result.value;
  };
  return { call, ok, close: () => ws.close() };
}

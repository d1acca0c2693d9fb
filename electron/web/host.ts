/**
 * Browser mode: the same engine and router as the app, reached over a WebSocket on 127.0.0.1.
 * Guards: a random per-run token (compared in constant time), and Host/Origin checks so a web
 * page open in the user's browser cannot reach the engine through DNS rebinding.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  TRANSPORT_MAX_PAYLOAD_BYTES,
  WS_PATH,
  WsRequest,
  type WsServerMessage,
} from '../../shared/contract';
import type { Engine } from '../engine';
import type { EventBus } from '../router/event-bus';
import { failure } from '../router/router';
import { contentSecurityPolicy, serveStatic } from './static-files';

export interface WebHostOptions {
  engine: Engine;
  bus: EventBus;
  staticDir: string;
  port?: number;
  /** Injected for tests that need a known token; production generates one per run. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function tokensMatch(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer((request, response) => {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const csp = contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`);
    serveStatic(options.staticDir, path, response, csp, request.headers['accept-encoding']);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: TRANSPORT_MAX_PAYLOAD_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const reject = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== WS_PATH) return reject('404 Not Found');
    if (!allowedHosts().has(request.headers.host ?? '')) return reject('421 Misdirected Request');
    if (!allowedOrigins().has(request.headers.origin ?? '')) return reject('403 Forbidden');
    if (!tokensMatch(token, url.searchParams.get('token'))) return reject('401 Unauthorized');
    wss.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  function send(ws: WebSocket, message: WsServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  function attach(ws: WebSocket): void {
    const unsubscribe = options.bus.subscribe((name, payload) => send(ws, { type: 'event', name, payload }));
    ws.on('close', unsubscribe);
    // ws reports a protocol violation (oversized, invalid UTF-8, bad opcode, unmasked frame) as an
    // 'error' on the socket and closes it itself; without a listener Node would throw it and end
    // the host for every other client. Only this connection is dropped.
    ws.on('error', () => ws.terminate());
    ws.on('message', async (data, isBinary) => {
      let request: WsRequest;
      try {
        if (isBinary) throw new Error('binary');
        request = WsRequest.parse(JSON.parse(data.toString('utf8')));
      } catch {
        // Without a valid id there is nobody to answer; a broken client gets closed.
        ws.close(1007, 'malformed request');
        return;
      }
      const result = await options.engine.router
        .call(request.method, request.input, { transport: 'websocket' })
        .catch(() => failure('internal', 'errors.internal'));
      send(ws, { type: 'result', id: request.id, result });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

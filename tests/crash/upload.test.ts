/**
 * Sending is consent-gated and goes only to the build's endpoint: a loopback server counts every
 * request. Without consent or without an endpoint nothing is sent; with consent exactly that one
 * report is; a failing endpoint is a clear error and nothing is queued.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import type { SupportSettings } from '../../electron/crash/upload';
import { EventBus } from '../../electron/router/event-bus';
import { TEST_KDF } from '../engine/support';

let dir: string;
let server: Server;
let endpoint: string;
let status = 204;
const requests: { method: string; body: string }[] = [];
const engines: Engine[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-crash-upload-'));
  requests.length = 0;
  status = 204;
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', body });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`;
});
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.dispose();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function engineWith(support: SupportSettings) {
  const engine = await startEngine(
    { dataDir: dir, bus: new EventBus(), log: { info() {}, warn() {}, error() {} }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF }, support },
  );
  engines.push(engine);
  return (method: MethodName, input: unknown = {}) => engine.router.call(method, input, { transport: 'test' }) as Promise<any>;
}

const rendererError = (message: string) => ({ kind: 'rendererError', name: 'Error', message, stack: '', test: true, breadcrumbs: [], chrome: null });

it('nothing is sent without consent; with consent exactly that report, once', async () => {
  const call = await engineWith({ endpoint, email: null, site: null });
  expect((await call('crash/support')).value).toEqual({ email: null, site: null, uploadEndpoint: true });
  const first = (await call('crash/reportRenderer', rendererError('first'))).value.id;
  const second = (await call('crash/reportRenderer', rendererError('second'))).value.id;
  for (const consent of [undefined, false, 'yes']) {
    expect(await call('crash/send', { id: first, consent })).toMatchObject({ ok: false, code: 'invalid_input' });
  }
  expect(requests).toHaveLength(0);

  expect(await call('crash/send', { id: second, consent: true })).toMatchObject({ ok: true });
  expect(requests).toHaveLength(1);
  expect(requests[0]!.method).toBe('POST');
  expect(JSON.parse(requests[0]!.body).report).toEqual((await call('crash/get', { id: second })).value);

  status = 500;
  expect(await call('crash/send', { id: first, consent: true })).toMatchObject({ ok: false, code: 'io_error', messageKey: 'errors.crash.send_failed', params: { status: 500 } });
  expect(requests).toHaveLength(2); // the one refused attempt; nothing retried behind the user's back
  status = 204;
  expect(await call('crash/reportProblem', { description: 'It froze', contact: 'me@example.com', diagnostics: false, send: true })).toMatchObject({ ok: true, value: { sent: true, path: null } });
  expect(JSON.parse(requests[2]!.body)).toMatchObject({ problem: { description: 'It froze', contact: 'me@example.com' }, reports: [], diagnostics: null });
});

it('a build without an endpoint sends nothing and says so', async () => {
  const call = await engineWith({ endpoint: null, email: 'help@example.test', site: null });
  expect((await call('crash/support')).value.uploadEndpoint).toBe(false);
  const id = (await call('crash/reportRenderer', rendererError('x'))).value.id;
  expect(await call('crash/send', { id, consent: true })).toMatchObject({ ok: false, code: 'rejected', messageKey: 'errors.crash.no_endpoint' });
  expect(await call('crash/reportProblem', { description: 'x', contact: null, diagnostics: true, send: true })).toMatchObject({ ok: false, messageKey: 'errors.crash.no_endpoint' });
  expect(requests).toHaveLength(0);
});

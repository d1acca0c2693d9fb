/**
 * Browser mode attacked from outside: malformed URLs and bad WebSocket frames must get an answer
 * (or a closed socket) while the host keeps serving everyone else. Runs the real built test host.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PATH } from '../../shared/contract';
import { startHost, type RunningHost } from '../e2e/support/host';

let host: RunningHost;

beforeAll(async () => {
  host = await startHost();
});
afterAll(async () => {
  await host?.stop();
});

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Any HTTP answer (500 "renderer not built" included when only build:node ran) proves the host is alive. */
async function expectServing(): Promise<void> {
  expect([200, 500]).toContain(await get('/'));
}

describe('malformed URLs', () => {
  it.each(['/%ff', '/%', '/%E0%A4%A', '/assets/%c0%af..%c0%afetc'])('GET %s answers 400 and the host keeps serving', async (path) => {
    expect(await get(path)).toBe(400);
    await expectServing();
  });
});

/** Opens a real WebSocket handshake on a raw TCP socket, so we can then send frames no library would. */
async function upgradedSocket(): Promise<Socket> {
  const socket = connect(host.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const key = randomBytes(16).toString('base64');
  socket.write(
    [
      `GET ${WS_PATH}?token=${host.token} HTTP/1.1`,
      `Host: 127.0.0.1:${host.port}`,
      `Origin: http://127.0.0.1:${host.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  await new Promise<void>((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
  });
  return socket;
}

/** One frame header + optional mask; the payload length field is whatever we claim. */
function frame(opcode: number, payload: Buffer, options: { masked?: boolean; claimedLength?: number } = {}): Buffer {
  const masked = options.masked ?? true;
  const length = options.claimedLength ?? payload.length;
  const parts: Buffer[] = [];
  if (length < 126) parts.push(Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | length]));
  else if (length < 65536) {
    const b = Buffer.alloc(4);
    b[0] = 0x80 | opcode;
    b[1] = (masked ? 0x80 : 0) | 126;
    b.writeUInt16BE(length, 2);
    parts.push(b);
  } else {
    const b = Buffer.alloc(10);
    b[0] = 0x80 | opcode;
    b[1] = (masked ? 0x80 : 0) | 127;
    b.writeBigUInt64BE(BigInt(length), 2);
    parts.push(b);
  }
  if (masked) {
    const mask = randomBytes(4);
    parts.push(mask, Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0))));
  } else parts.push(payload);
  return Buffer.concat(parts);
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.on('error', () => undefined);
    socket.once('close', () => resolve());
    socket.resume();
  });
}

describe('bad WebSocket frames', () => {
  const cases: Array<[string, () => Buffer]> = [
    ['a 50 MB frame', () => frame(0x1, Buffer.alloc(0), { claimedLength: 50 * 1024 * 1024 })],
    ['invalid UTF-8 in a text frame', () => frame(0x1, Buffer.from([0xff, 0xfe, 0xfd]))],
    ['an unknown opcode', () => frame(0x3, Buffer.from('x'))],
    ['an unmasked client frame', () => frame(0x1, Buffer.from('{}'), { masked: false })],
  ];
  it.each(cases)('%s closes that socket and the host keeps serving', async (_name, make) => {
    const socket = await upgradedSocket();
    socket.write(make());
    await closed(socket);
    await expectServing();
    // A fresh, well-behaved connection still upgrades.
    const again = await upgradedSocket();
    again.destroy();
  });
});

describe('resolveStaticPath (also used by the app:// protocol)', () => {
  const root = '/srv/renderer';
  it('answers 400 for escapes that are not UTF-8 and for NUL, 403 for climbing out', async () => {
    const { resolveStaticPath } = await import('../../electron/web/static-files');
    expect(resolveStaticPath(root, '/%ff')).toEqual({ status: 400 });
    expect(resolveStaticPath(root, '/a%00b')).toEqual({ status: 400 });
    expect(resolveStaticPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toEqual({ file: '/srv/renderer/etc/passwd' });
    expect(resolveStaticPath(root, '..')).toEqual({ status: 403 });
    expect(resolveStaticPath(root, '/assets/app.js')).toEqual({ file: '/srv/renderer/assets/app.js' });
    expect(resolveStaticPath(root, '/')).toEqual({ file: '/srv/renderer/index.html' });
  });
});

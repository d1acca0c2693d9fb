/**
 * Browser mode serves the renderer compressed and cacheable (electron/web/static-files.ts): brotli
 * or gzip as the client accepts, the exact bytes back after decoding, Vary and Content-Encoding
 * set, hashed assets cached for good and the page revalidated. Real files, real HTTP on loopback.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickEncoding, serveStatic } from '../../electron/web/static-files';
import { tempDir } from '../vault/support/helpers';

let tmp: ReturnType<typeof tempDir>;
let server: Server;
let port = 0;
const script = `export const words = ${JSON.stringify(Array.from({ length: 4000 }, (_, i) => `word${i % 97}`))};\n`;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  tmp = tempDir('ow-static-');
  mkdirSync(tmp.file('assets'));
  writeFileSync(tmp.file('index.html'), '<!doctype html><title>OneWallet</title>'.repeat(50));
  writeFileSync(tmp.file('assets/index-BGaxJ1Mb.js'), script);
  writeFileSync(tmp.file('assets/logo-Zx8_9kQa.png'), png);
  server = createServer((req, res) => serveStatic(tmp.dir, new URL(req.url ?? '/', 'http://x').pathname, res, "default-src 'self'", req.headers['accept-encoding']));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  tmp.cleanup();
});

function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  it('brotli when accepted: smaller, and exactly the file once decoded', async () => {
    const res = await get('/assets/index-BGaxJ1Mb.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('gzip when brotli is not accepted', async () => {
    const res = await get('/index.html', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toContain('<title>OneWallet</title>');
  });

  it('as is when nothing (or only refused encodings) is accepted, and for images', async () => {
    const plain = await get('/assets/index-BGaxJ1Mb.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(script);
    expect((await get('/assets/index-BGaxJ1Mb.js', 'br;q=0, gzip;q=0')).headers['content-encoding']).toBeUndefined();
    const image = await get('/assets/logo-Zx8_9kQa.png', 'br, gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
  });

  it('reads q-values', () => {
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});

describe('caching and headers', () => {
  it('hashed assets are immutable, the page revalidates, the CSP stays', async () => {
    const asset = await get('/assets/index-BGaxJ1Mb.js', 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/', 'br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBe("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // An unknown path is the page (client-side routes), never cached for good.
    expect((await get('/transactions', 'br')).headers['cache-control']).toBe('no-cache');
  });
});

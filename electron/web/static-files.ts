/**
 * Serves the built renderer with the same strict CSP the Electron window gets, compressed (brotli,
 * else gzip, per Accept-Encoding) and cached by the browser where that is safe: the hashed files
 * under assets/ never change under their name, index.html always revalidates.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** antd injects runtime styles, hence 'unsafe-inline' for styles only; scripts stay strict. */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The file a URL path names under `root`, or the HTTP status to answer instead: 400 for a path
 * that is not valid percent-encoded UTF-8 (decodeURIComponent throws on it, and a throw here
 * would take the whole host down), 403 for one that climbs out of `root`. Shared by browser mode
 * and the app:// protocol.
 */
export function resolveStaticPath(root: string, urlPath: string): { file: string } | { status: 400 | 403 } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return { status: 403 };
  return { file };
}

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);
/** Vite's content-hashed output: `assets/name-<hash>.ext`. */
const HASHED_ASSET = /(^|[/\\])assets[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.\w+$/;

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts (q=0 refuses one); brotli first, it is smaller. */
export function pickEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return wants('br') ? 'br' : wants('gzip') ? 'gzip' : 'identity';
}

/** Compressed bodies, made once per file version (path + size + mtime) and kept for the host's life. */
const compressed = new Map<string, Buffer>();

function body(file: string, encoding: ContentEncoding): Buffer {
  const stats = statSync(file);
  const key = `${encoding}|${file}|${stats.size}|${stats.mtimeMs}`;
  let bytes = compressed.get(key);
  if (!bytes) {
    const raw = readFileSync(file);
    if (encoding === 'identity') return raw;
    // Quality 5: close to the best ratio for JS at a fraction of quality 11's time (first request only).
    bytes = encoding === 'br' ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gzipSync(raw, { level: 6 });
    compressed.set(key, bytes);
  }
  return bytes;
}

export function serveStatic(root: string, urlPath: string, response: ServerResponse, csp: string, acceptEncoding?: string): void {
  const resolved = resolveStaticPath(root, urlPath);
  if ('status' in resolved) {
    response.writeHead(resolved.status, { 'content-type': 'text/plain' }).end(resolved.status === 400 ? 'Bad request' : 'Forbidden');
    return;
  }
  let file = resolved.file;
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end('The renderer is not built: run `npm run build`.');
    return;
  }
  const compressible = COMPRESSIBLE.has(extname(file));
  const encoding = compressible ? pickEncoding(acceptEncoding) : 'identity';
  const bytes = body(file, encoding);
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': bytes.length,
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // A hashed asset is the same bytes forever; the page (and anything unhashed) asks again each time.
    'cache-control': HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  response.end(bytes);
}

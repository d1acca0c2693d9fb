/** Serves the built renderer with the same strict CSP the Electron window gets. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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

export function serveStatic(root: string, urlPath: string, response: ServerResponse, csp: string): void {
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
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
}

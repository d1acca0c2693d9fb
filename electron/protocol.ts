/**
 * Serves the renderer from `app://onewallet/` instead of file://, so the page has a real origin,
 * a strict CSP header and no access to the rest of the filesystem.
 */
import { net, protocol } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy, resolveStaticPath } from './web/static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://onewallet';

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const csp = contentSecurityPolicy("'self'");
  // Every response carries the CSP, errors included: a 404 page is a document too.
  const guarded = (body: ReadableStream<Uint8Array> | null, status: number, from?: Headers) => {
    const headers = new Headers(from);
    headers.set('content-security-policy', csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(body, { status, headers });
  };
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'onewallet') return guarded(null, 404);
    const resolved = resolveStaticPath(rendererDir, url.pathname);
    if ('status' in resolved) return guarded(null, resolved.status);
    const file = resolved.file === rendererDir ? join(rendererDir, 'index.html') : resolved.file;
    const response = await net.fetch(pathToFileURL(file).toString());
    return guarded(response.body, response.status, response.headers);
  });
}

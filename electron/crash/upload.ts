/**
 * Sending to the distributor's endpoint: only when the build configured one, only what the
 * user consented to (the caller passes exactly that), only over http(s). No retries in the
 * background: a failed send is reported and nothing is kept queued.
 */
import { DomainError } from '../../shared/errors';

export interface SupportSettings {
  /** Set at build time by the distributor (package.json `onewallet.support`); null: no sending at all. */
  endpoint: string | null;
  email: string | null;
  site: string | null;
}

export async function postJson(endpoint: string, body: unknown): Promise<void> {
  const url = new URL(endpoint);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('rejected', 'errors.crash.no_endpoint');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    throw new DomainError('io_error', 'errors.crash.send_failed', { status: 0 });
  }
  if (!response.ok) throw new DomainError('io_error', 'errors.crash.send_failed', { status: response.status });
}

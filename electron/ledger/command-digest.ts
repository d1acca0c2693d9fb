/**
 * What a request id promises: "this command, once". The digest of the command (without its request
 * id) travels in every event the command produced, so a later command with the same id but other
 * content is recognised — also after a restart, when results are rebuilt from the journal — and
 * refused instead of silently answered with the first command's result.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same command always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const COMMAND_DIGEST_PATTERN = /^[0-9a-f]{32}$/;

/** 128 bits of SHA-256 over the canonical command minus its request id. */
export function commandDigest(command: { requestId: string } & Record<string, unknown>): string {
  const { requestId: _requestId, ...content } = command;
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32);
}

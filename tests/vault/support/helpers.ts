/** Shared test helpers: temp dirs, the fast test-only KDF, event generators, byte scanning. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDomainError, type ErrorCode } from '../../../shared/errors';
import type { KdfParams } from '../../../electron/vault';

/** Fast Argon2id for tests only (production never goes under 64 MiB). */
export const TEST_KDF: KdfParams = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };

export function tempDir(prefix = 'ow-vault-'): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function payee(i: number): { kind: string; payee: string; amount: number; memo: string } {
  return { kind: 'expense', payee: `Zephyrine Quokka Bakery #${i}`, amount: 7_319_000 + i, memo: `memo-${i}-xyzzy` };
}

/** Resolves with the error code of a rejected promise / thrown call, or fails if it did not throw a DomainError. */
export async function codeOf(fn: () => unknown): Promise<ErrorCode> {
  try {
    await fn();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

export async function errorOf(fn: () => unknown): Promise<{ code: ErrorCode; messageKey: string; params: Record<string, unknown> }> {
  try {
    await fn();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, messageKey: error.messageKey, params: error.params };
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

/** All files in `dir` (the vault, -wal, -shm, and anything temporary) concatenated. */
export function allBytes(dir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

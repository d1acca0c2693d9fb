/**
 * The router: the one gate between a transport (Electron IPC or the browser-mode WebSocket)
 * and the engine. Every call is checked here (known method, size, schema, wallet state) and
 * every outcome becomes a `Result`; no handler can be reached around it, and no stack trace,
 * key or unexpected field ever leaves it (outputs are parsed with their schema, which strips
 * anything undeclared).
 */
import type { z } from 'zod';
import {
  isMethodName,
  methods,
  type Failure,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../../shared/contract';
import { DomainError, type ErrorCode, type ErrorParams } from '../../shared/errors';

export interface CallContext {
  /** Which transport the call came through; handlers may not care, logs do. */
  transport: 'ipc' | 'websocket' | 'test';
}

export type Handler<M extends MethodName> = (
  input: z.output<(typeof methods)[M]['input']>,
  context: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

export interface RouterLog {
  error(message: string, error: unknown): void;
}

export interface RouterOptions {
  handlers: Handlers;
  log: RouterLog;
  isWalletUnlocked(): boolean;
}

export interface Router {
  call(method: unknown, rawInput: unknown, context: CallContext): Promise<Result<unknown>>;
}

export function failure(code: ErrorCode, messageKey: string, params: ErrorParams = {}): Failure {
  return { ok: false, code, messageKey, params };
}

function utf8JsonSize(value: unknown): number | null {
  try {
    const json = JSON.stringify(value ?? null);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return null; // cycles or BigInt: not a valid request on any transport
  }
}

/** Describes a schema failure by path and rule only: the rejected values may be secrets. */
function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.code}`;
}

/** A shared rule (e.g. the password policy) that names its own translated sentence in the issue's params. */
function translatedIssue(error: z.ZodError): { messageKey: string; values: Record<string, string | number> } | null {
  const issue = error.issues[0];
  if (issue?.code !== 'custom') return null;
  const params = (issue as { params?: { messageKey?: unknown; values?: Record<string, string | number> } }).params;
  return typeof params?.messageKey === 'string' ? { messageKey: params.messageKey, values: params.values ?? {} } : null;
}

export function createRouter(options: RouterOptions): Router {
  const { handlers, log } = options;
  for (const name of Object.keys(methods) as MethodName[]) {
    if (typeof handlers[name] !== 'function') throw new Error(`No handler registered for ${name}`);
  }

  async function call(name: unknown, rawInput: unknown, context: CallContext): Promise<Result<unknown>> {
    if (!isMethodName(name)) return failure('unknown_method', 'errors.unknown_method');
    const spec = methods[name];

    const size = utf8JsonSize(rawInput);
    if (size === null) return failure('invalid_input', 'errors.invalid_input', { detail: 'not JSON' });
    if (size > spec.maxPayloadBytes) return failure('payload_too_large', 'errors.payload_too_large');

    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const own = translatedIssue(parsed.error);
      if (own) return failure('invalid_input', own.messageKey, own.values);
      return failure('invalid_input', 'errors.invalid_input', { detail: describeIssues(parsed.error) });
    }
    if (spec.needsUnlockedWallet && !options.isWalletUnlocked()) {
      return failure('wallet_locked', 'errors.wallet_locked');
    }

    try {
      const handler = handlers[name] as (input: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error(`Handler ${name} returned a value outside its contract`, checked.error);
        return failure('internal', 'errors.internal');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof DomainError) return failure(error.code, error.messageKey, error.params);
      log.error(`Handler ${name} failed`, error);
      return failure('internal', 'errors.internal');
    }
  }

  return { call };
}

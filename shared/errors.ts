/**
 * Domain errors: the only kind of failure the engine reports to a client on purpose.
 * Each carries a stable code (programs branch on it), a translation key (people read it) and
 * parameters for the message. Anything else thrown in the engine is an internal error and is
 * never shown in detail to the renderer.
 */

/** Stable error codes. CLI exit codes derive from them (see `exitCodeFor`). */
export const ERROR_CODES = [
  // contract / transport
  'invalid_input',
  'unknown_method',
  'payload_too_large',
  'forbidden',
  'internal',
  // authentication
  'auth_failed',
  'locked_out',
  'wallet_locked',
  // integrity
  'integrity',
  'not_a_wallet',
  'format_too_new',
  // domain rules and files
  'rejected',
  'not_found',
  'already_exists',
  'io_error',
  // one wallet file, one writer; a file that went away or cannot be written
  'wallet_busy',
  'wallet_file_lost',
  'read_only',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n key under `errors.`, e.g. `errors.account_frozen`. */
    readonly messageKey: string,
    readonly params: ErrorParams = {},
  ) {
    super(`${code}: ${messageKey}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** CLI exit codes: 0 ok, 1 unexpected, 2 usage, 3 auth/lockout, 4 integrity, 5 invalid input or rejected. */
export function exitCodeFor(code: ErrorCode): 1 | 2 | 3 | 4 | 5 {
  switch (code) {
    case 'auth_failed':
    case 'locked_out':
    case 'wallet_locked':
      return 3;
    case 'integrity':
    case 'not_a_wallet':
    case 'format_too_new':
      return 4;
    case 'invalid_input':
    case 'payload_too_large':
    case 'rejected':
    case 'not_found':
    case 'already_exists':
    case 'io_error':
    // Open in another process: a refusal, not an authentication failure (the password was not even tried).
    case 'wallet_busy':
    case 'wallet_file_lost':
    case 'read_only':
      return 5;
    case 'unknown_method':
      return 2;
    case 'forbidden':
    case 'internal':
      return 1;
  }
}

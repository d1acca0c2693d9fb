/**
 * The one rule for a NEW password, on every path that sets one: creating a wallet (UI, CLI
 * `init`), changing it (`passwd`, Settings), resetting it with the recovery key (`recover`, the
 * unlock screen). Unlocking with an existing password is not judged: the file decides that.
 * Length is counted in characters as a person sees them (code points), so a Chinese passphrase
 * is not penalised for its UTF-16 size. How guessable it is stays a UI matter (zxcvbn meter),
 * where the user can react.
 */
import { z } from 'zod';
import { DomainError } from './errors';

export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_MAX_CHARS = 1024;

export interface PasswordProblem {
  /** Translation key, present in both languages (shared/i18n/files-and-input.ts). */
  messageKey: 'errors.password.too_short' | 'errors.password.too_long';
  params: { min: number; max: number };
}

export function passwordChars(password: string): number {
  return [...password].length;
}

/** Null when `password` may become a wallet's password. */
export function newPasswordProblem(password: string): PasswordProblem | null {
  const params = { min: PASSWORD_MIN_CHARS, max: PASSWORD_MAX_CHARS };
  const chars = passwordChars(password);
  if (chars < PASSWORD_MIN_CHARS) return { messageKey: 'errors.password.too_short', params };
  if (chars > PASSWORD_MAX_CHARS) return { messageKey: 'errors.password.too_long', params };
  return null;
}

/** For callers outside the contract (the CLI): the same rule as a translated invalid_input error. */
export function requireNewPassword(password: string): void {
  const problem = newPasswordProblem(password);
  if (problem) throw new DomainError('invalid_input', problem.messageKey, problem.params);
}

/** The contract's schema of a new password: the same rule, as zod. */
export const NewPassword = z.string().superRefine((value, ctx) => {
  const problem = newPasswordProblem(value);
  // params.messageKey lets the router answer with this translated sentence instead of a generic one.
  if (problem) ctx.addIssue({ code: 'custom', message: problem.messageKey, params: { messageKey: problem.messageKey, values: problem.params } });
});

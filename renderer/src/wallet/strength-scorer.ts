/**
 * zxcvbn-ts and its dictionaries (about 1.5 MB of word lists) load on first use, not with the
 * entry chunk: the unlock screen paints without them, and the strength meter and the "too weak"
 * check wait for them (a few milliseconds from the local server or app bundle). The scorer is the
 * one the engine's checkup uses (shared/password-strength.ts), so both give the same score.
 */
export type Scorer = (password: string, userInputs: string[]) => number;

let loading: Promise<Scorer> | null = null;

export function loadScorer(): Promise<Scorer> {
  loading ??= import('../../../shared/password-strength').then((module) => module.passwordScore);
  return loading;
}

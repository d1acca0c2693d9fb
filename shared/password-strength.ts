/**
 * zxcvbn-ts, one configured instance: the create form's strength meter (renderer) and the
 * security checkup's strength bucket (engine, computed at unlock and never stored) give the same
 * score 0–4 for the same password.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

let zxcvbn: ZxcvbnFactory | null = null;

export function passwordScore(password: string, userInputs: string[] = []): number {
  if (!password) return 0;
  zxcvbn ??= new ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...english.dictionary } });
  return zxcvbn.check(password, userInputs).score;
}

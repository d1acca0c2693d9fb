/**
 * zxcvbn-ts, one configured instance: the create form's strength meter (renderer) and the
 * security checkup's strength bucket (engine, computed at unlock and never stored) give the same
 * score 0–4 for the same password.
 *
 * Beyond the English and common lists it knows Chinese habits: a dictionary of common Chinese
 * passwords (woaini1314, 5201314, qq123456 …), pinyin names (surname + one or two given-name
 * syllables, zhangwei, wangxiaohong) and mainland mobile numbers (1[3-9] + 9 digits). Birthdays in
 * 19880808 / 880808 / 1988-08-08 shapes are already zxcvbn's date matcher.
 */
import { MatcherBaseClass, ZxcvbnFactory, type Match, type MatchExtended, type MatchOptions, type Matcher } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { CHINESE_GIVEN_SYLLABLES, CHINESE_SURNAMES, COMMON_CHINESE_PASSWORDS } from './password-strength-zh';

/** Rank (1 = most common) of each entry; a duplicate keeps its first, most common, rank. */
function ranks(list: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  list.forEach((entry, index) => {
    if (!map.has(entry)) map.set(entry, index + 1);
  });
  return map;
}

const SURNAME_RANK = ranks(CHINESE_SURNAMES);
const GIVEN_RANK = ranks(CHINESE_GIVEN_SYLLABLES);
const LONGEST_SYLLABLE = Math.max(...[...SURNAME_RANK.keys(), ...GIVEN_RANK.keys()].map((entry) => entry.length));

/** Prefixes of `text` from `start` that are entries of `rankOf`, with their end index and rank. */
function entriesAt(text: string, start: number, rankOf: Map<string, number>): { end: number; rank: number }[] {
  const found: { end: number; rank: number }[] = [];
  for (let length = 1; length <= LONGEST_SYLLABLE && start + length <= text.length; length += 1) {
    const rank = rankOf.get(text.slice(start, start + length));
    if (rank !== undefined) found.push({ end: start + length, rank });
  }
  return found;
}

/**
 * A pinyin name: a surname followed by one or two given-name syllables. Guesses are the product
 * of the ranks (an attacker tries common surnames with common given names first), times the
 * capitalisation spellings a person uses for a name (all lower, Capitalised, CamelCase).
 */
class PinyinNameMatching extends MatcherBaseClass {
  match({ password }: MatchOptions): MatchExtended[] {
    const lower = password.toLowerCase();
    const matches: Match[] = [];
    for (let i = 0; i < lower.length; i += 1) {
      for (const surname of entriesAt(lower, i, SURNAME_RANK)) {
        for (const first of entriesAt(lower, surname.end, GIVEN_RANK)) {
          const name = (end: number, rank: number) => {
            matches.push({ pattern: 'pinyinName', i, j: end - 1, token: password.slice(i, end), nameGuesses: rank * 3 });
          };
          name(first.end, surname.rank * first.rank);
          for (const second of entriesAt(lower, first.end, GIVEN_RANK)) name(second.end, surname.rank * first.rank * second.rank);
        }
      }
    }
    return matches;
  }
}

/**
 * A mainland mobile number, with or without +86. Counted as few guesses: someone who targets you
 * knows your number (it is on every delivery label), the same reasoning as zxcvbn's dates standing
 * for birthdays.
 */
const PHONE_GUESSES = 10_000;
class PhoneNumberMatching extends MatcherBaseClass {
  match({ password }: MatchOptions): MatchExtended[] {
    return [...password.matchAll(/(?:\+?86)?1[3-9]\d{9}/g)].map((found) => ({
      pattern: 'phoneNumber',
      i: found.index,
      j: found.index + found[0].length - 1,
      token: found[0],
    }));
  }
}

const CHINESE_MATCHERS: Record<string, Matcher> = {
  pinyinName: { Matching: PinyinNameMatching, scoring: (match) => (match as Match & { nameGuesses: number }).nameGuesses, feedback: () => null },
  phoneNumber: { Matching: PhoneNumberMatching, scoring: () => PHONE_GUESSES, feedback: () => null },
};

let zxcvbn: ZxcvbnFactory | null = null;

export function passwordScore(password: string, userInputs: string[] = []): number {
  if (!password) return 0;
  zxcvbn ??= new ZxcvbnFactory(
    {
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary, chinesePasswords: COMMON_CHINESE_PASSWORDS },
    },
    CHINESE_MATCHERS,
  );
  return zxcvbn.check(password, userInputs).score;
}

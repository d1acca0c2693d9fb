/**
 * "Similar payee" for possible duplicates: the same merchant written by two sources ("STARBUCKS
 * #1234 SHANGHAI" / "Starbucks", "星巴克咖啡" / "星巴克"). Names are normalized (NFKC, lower case,
 * no spaces, punctuation or digits) and compared by containment or the Dice coefficient of their
 * character bigrams. An empty payee on either side is no evidence against a match: amount and date
 * decide, and the row is only ever a *possible* duplicate shown to the user.
 */

export const SIMILAR_PAYEE = 0.5;

export function normalizePayee(payee: string): string {
  return payee.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}\d]+/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of the character bigrams of two normalized names, 0..1. */
export function payeeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Normalized names `a` and `b` name the same payee closely enough to flag a possible duplicate. */
export function similarPayees(a: string, b: string): boolean {
  if (!a || !b) return true;
  if (a.includes(b) || b.includes(a)) return true;
  return payeeSimilarity(a, b) >= SIMILAR_PAYEE;
}

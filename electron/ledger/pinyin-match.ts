/**
 * Pinyin matching for search: `xingbake`, `xing ba ke` and `xbk` all find 星巴克. The keys of a
 * text (full pinyin without tones, and the initials) come from pinyin-pro, are computed once per
 * distinct text and cached — pinyin-pro is ~20 µs a text, and a ledger repeats the same payees,
 * notes and category names over and over.
 */
import { pinyin } from 'pinyin-pro';

/** Full pinyin and initials of a text, lower-case, without spaces. */
export interface PinyinKeys {
  full: string;
  initials: string;
}

/** SQLite GLOB for "contains a Han character" (CJK Extension A up to the end of the Unified block). */
export const HAN_GLOB = '*[㐀-鿿]*';

// Bounded so a long-running engine does not grow without limit; a cleared cache only costs recomputation.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, PinyinKeys>();

function squash(parts: string[]): string {
  return parts.join('').toLowerCase().replace(/\s+/g, '');
}

export function pinyinKeys(text: string): PinyinKeys {
  let keys = cache.get(text);
  if (!keys) {
    keys = {
      full: squash(pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })),
      initials: squash(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })),
    };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, keys);
  }
  return keys;
}

/**
 * The query as pinyin (lower-case letters, spaces dropped), or null when it cannot be pinyin:
 * digits, punctuation or Han characters, or a single letter (which would match most Chinese text).
 */
export function pinyinQuery(text: string): string | null {
  const query = text.toLowerCase().replace(/\s+/g, '');
  return /^[a-z]{2,}$/.test(query) ? query : null;
}

/** Does the text's full pinyin or its initials contain the (normalised) pinyin query? */
export function matchesPinyin(text: string, query: string): boolean {
  const keys = pinyinKeys(text);
  return keys.full.includes(query) || keys.initials.includes(query);
}

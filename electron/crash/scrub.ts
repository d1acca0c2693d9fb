/**
 * The one scrubber. Crash reports, log lines and exported bundles all pass through `scrub()`
 * before a byte is written, so there is exactly one place that decides what is private.
 *
 * Two kinds of knowledge feed it:
 *  - what the engine has seen (`SensitiveMemory`): names, payees, notes, tags, amounts typed or
 *    shown, kept as plain strings (they are in the projection in memory anyway); passwords,
 *    recovery keys and key files only as salted hashes by length, so remembering them does not
 *    keep a copy of the secret;
 *  - patterns that need no knowledge: paths under the home and data folders, amounts, long
 *    numbers, e-mail addresses, hex/base64/Base32 key-like strings, `token=…`-style pairs.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Field names whose string values are secrets: remembered only as hashes. */
const SECRET_FIELDS = new Set(['password', 'oldPassword', 'newPassword', 'currentPassword', 'recoveryKey', 'keyFile', 'currentKeyFile', 'token']);
/** Field names whose string values are personal: names, payees, notes, amounts as typed. */
const PERSONAL_FIELDS = new Set([
  'name', 'walletName', 'payee', 'note', 'reason', 'label', 'tags', 'amount', 'toAmount', 'openingBalance', 'creditLimit',
  'statementBalance', 'path', 'dir', 'primaryDir', 'secondaryDir', 'file', 'revertFile', 'query', 'text', 'search', 'contact', 'description',
]);
/** Shorter strings are too common ("a", "CN") to replace without wrecking the rest of the text. */
const MIN_KNOWN_LENGTH = 3;
const MAX_KNOWN = 20_000;

export interface ScrubKnowledge {
  /** Personal strings seen by the engine, any order. */
  known: Iterable<string>;
  /** Secret hashes: length (UTF-16 units) → hex SHA-256 of salt ‖ secret. */
  secretHashes: ReadonlyMap<number, ReadonlySet<string>>;
  salt: Buffer;
  /** Folders whose paths are personal (home, data folder): replaced by a placeholder. */
  folders: readonly { path: string; placeholder: string }[];
  /** `known` as one pattern, when the caller keeps one built (SensitiveMemory does). */
  knownPattern?: RegExp | null;
}

/** One case-insensitive alternation of the known strings, longest first (so a name wins over its prefix). */
export function knownPatternOf(known: Iterable<string>): RegExp | null {
  const values = [...new Set(known)].filter((s) => s.trim().length >= MIN_KNOWN_LENGTH).sort((a, b) => b.length - a.length);
  return values.length ? new RegExp(values.map(escapeRegExp).join('|'), 'gi') : null;
}

const hashOf = (salt: Buffer, text: string) => createHash('sha256').update(salt).update(text, 'utf8').digest('hex');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Key-like runs: long, and mixing digits with upper- and lower-case letters (paths and words do not). */
function looksLikeKey(token: string): boolean {
  return /\d/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);
}

const PATTERNS: [RegExp, string | ((match: string) => string)][] = [
  // key=value pairs that name a secret, in URLs, logs and messages
  [/\b(password|passphrase|secret|token|recovery[_ -]?key|key[_ -]?file)(["']?\s*[:=]\s*["']?)[^\s&"',;)]+/gi, (m) => m.replace(/([:=]\s*["']?).*$/, '$1<secret>')],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '<email>'],
  // Base32 groups like a recovery key (ABCD123-…)
  [/\b[0-9A-Z]{4,10}(?:[- ][0-9A-Z]{4,10}){3,}\b/g, '<key>'],
  [/\b[0-9a-fA-F]{16,}\b/g, '<hex>'],
  // ('/' is left out so that paths and URLs in stacks stay readable; a key file is remembered as a secret anyway)
  [/[A-Za-z0-9+_-]{20,}={0,2}/g, (m) => (looksLikeKey(m) ? '<key>' : m)],
  // amounts: with a currency sign, or with decimals (not versions or addresses: 1.2.3, 127.0.0.1)
  [/[¥$€£￥]\s?-?\d[\d,]*(?:\.\d+)?/g, '<amount>'],
  [/(?<![\d.\w])-?\d[\d,]*\.\d+(?![\d.])/g, '<amount>'],
  // long numbers (amounts in minor units, dates, counts); line:column numbers of stacks stay
  [/(?<![:\d.\w<])\d{3,}(?!\d|\.\d)/g, '<n>'],
];

/** Generic home folders of any user, in case a path names another account or a mounted home. */
const HOME_PATTERNS: RegExp[] = [/\/home\/[^/\s"'):]+/g, /\/Users\/[^/\s"'):]+/g, /[A-Za-z]:\\Users\\[^\\\s"'):]+/gi];

function replaceSecrets(text: string, knowledge: ScrubKnowledge): string {
  let out = text;
  for (const [length, hashes] of knowledge.secretHashes) {
    if (hashes.size === 0 || length > out.length) continue;
    let result = '';
    let i = 0;
    while (i <= out.length - length) {
      if (hashes.has(hashOf(knowledge.salt, out.slice(i, i + length)))) {
        result += '<secret>';
        i += length;
      } else {
        result += out[i];
        i += 1;
      }
    }
    out = result + out.slice(i);
  }
  return out;
}

/** Replaces everything private in `text`. Pure: the same text and knowledge give the same result. */
export function scrub(text: string, knowledge: ScrubKnowledge): string {
  let out = replaceSecrets(text, knowledge);
  const folders = [...knowledge.folders].filter((f) => f.path.length > 1).sort((a, b) => b.path.length - a.path.length);
  for (const folder of folders) {
    out = out.split(folder.path).join(folder.placeholder);
    // The same folder as it appears in file:// URLs and in JSON strings on Windows.
    out = out.split(folder.path.replace(/\\/g, '\\\\')).join(folder.placeholder);
  }
  for (const pattern of HOME_PATTERNS) out = out.replace(pattern, '<home>');
  const known = knowledge.knownPattern === undefined ? knownPatternOf(knowledge.known) : knowledge.knownPattern;
  if (known) out = out.replace(known, '<private>');
  for (const [pattern, replacement] of PATTERNS) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}

/**
 * What the engine has seen that must never be written: fed by every call through the router
 * (inputs and outputs), read by `scrub()`. Bounded: the oldest personal strings drop out first.
 */
export class SensitiveMemory {
  private readonly known = new Set<string>();
  private readonly secretHashes = new Map<number, Set<string>>();
  private readonly salt = randomBytes(16);
  private readonly folders: { path: string; placeholder: string }[] = [];
  /** Built on the first scrub after a change: logs scrub every line, the known set changes rarely. */
  private knownPattern: RegExp | null | undefined;

  addFolder(path: string, placeholder: string): void {
    if (path) this.folders.push({ path, placeholder });
  }

  addSecret(secret: string): void {
    if (!secret) return;
    let set = this.secretHashes.get(secret.length);
    if (!set) this.secretHashes.set(secret.length, (set = new Set()));
    set.add(hashOf(this.salt, secret));
  }

  addKnown(value: string): void {
    const trimmed = value.trim();
    if (trimmed.length < MIN_KNOWN_LENGTH) return;
    if (this.known.delete(trimmed)) {
      this.known.add(trimmed); // seen again: the newest, last to drop out; the pattern is unchanged
      return;
    }
    this.known.add(trimmed);
    this.knownPattern = undefined;
    if (this.known.size > MAX_KNOWN) this.known.delete(this.known.values().next().value as string);
  }

  /** Walks a call's input or output: secret fields are hashed, personal fields remembered. */
  remember(value: unknown, field = '', depth = 0): void {
    if (depth > 12 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      if (SECRET_FIELDS.has(field)) this.addSecret(value);
      else if (PERSONAL_FIELDS.has(field)) this.addKnown(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) this.remember(item, field, depth + 1);
      return;
    }
    if (typeof value === 'object') {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) this.remember(child, key, depth + 1);
    }
  }

  knowledge(): ScrubKnowledge {
    this.knownPattern ??= knownPatternOf(this.known);
    return { known: this.known, secretHashes: this.secretHashes, salt: this.salt, folders: this.folders, knownPattern: this.knownPattern };
  }

  scrub(text: string): string {
    return scrub(text, this.knowledge());
  }
}

/**
 * The recovery key as people see it: 32 random bytes plus a 3-byte checksum, written as 56
 * Crockford Base32 characters in 8 groups of 7, each group followed by one check character
 * (Luhn mod 32 over the group's position and characters). A mistyped group is reported by number
 * before any cryptography runs; the whole-key checksum catches what the group checks miss.
 */
import { DomainError } from '../../shared/errors';
import { concat } from './bytes';
import { hash } from './crypto';

export const RECOVERY_SECRET_BYTES = 32;
const CHECKSUM_BYTES = 3;
const GROUPS = 8;
const GROUP_DATA = 7;
/** Crockford's alphabet: no I, L, O, U, so fewer look-alikes when read aloud or copied by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function base32Decode(text: string, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      if (index < byteLength) out[index++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** Luhn mod N (N = 32) over the group number's character followed by the group's characters. */
export function groupCheck(groupIndex: number, group: string): string {
  const codes = [groupIndex % 32, ...[...group].map((c) => ALPHABET.indexOf(c))];
  let factor = 2;
  let sum = 0;
  for (let i = codes.length - 1; i >= 0; i--) {
    const product = factor * (codes[i] ?? 0);
    sum += Math.floor(product / 32) + (product % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32] ?? '0';
}

function checksum(secret: Uint8Array): Uint8Array {
  return hash(secret).subarray(0, CHECKSUM_BYTES);
}

export function encodeRecoveryKey(secret: Uint8Array): string {
  const data = base32Encode(concat(secret, checksum(secret)));
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const chunk = data.slice(g * GROUP_DATA, (g + 1) * GROUP_DATA);
    groups.push(chunk + groupCheck(g, chunk));
  }
  return groups.join('-');
}

/** Upper-case, map look-alikes (O→0, I/L→1), drop spaces and dashes. */
function normalize(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

const GROUP_CHARS = GROUP_DATA + 1;

/**
 * Recovery key text → 32-byte secret, or DomainError('invalid_input') naming the mistyped group(s).
 */
export function decodeRecoveryKey(input: string): Uint8Array {
  const text = normalize(input);
  if (text.length !== GROUPS * GROUP_CHARS || [...text].some((c) => !ALPHABET.includes(c))) {
    throw new DomainError('invalid_input', 'errors.vault.recovery_key_shape', {
      groups: GROUPS,
      chars: GROUP_CHARS,
    });
  }
  let data = '';
  const badGroups: number[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const group = text.slice(g * GROUP_CHARS, (g + 1) * GROUP_CHARS);
    const chunk = group.slice(0, GROUP_DATA);
    if (groupCheck(g, chunk) !== group[GROUP_DATA]) badGroups.push(g + 1);
    data += chunk;
  }
  if (badGroups.length === 1) {
    throw new DomainError('invalid_input', 'errors.vault.recovery_key_group', { group: badGroups[0] ?? 0 });
  }
  if (badGroups.length > 1) {
    throw new DomainError('invalid_input', 'errors.vault.recovery_key_groups', { groups: badGroups.join(', ') });
  }
  const bytes = base32Decode(data, RECOVERY_SECRET_BYTES + CHECKSUM_BYTES);
  const secret = bytes.slice(0, RECOVERY_SECRET_BYTES);
  const expected = checksum(secret);
  const given = bytes.subarray(RECOVERY_SECRET_BYTES);
  const matches = expected.every((b, i) => b === given[i]);
  bytes.fill(0);
  if (!matches) {
    secret.fill(0);
    throw new DomainError('invalid_input', 'errors.vault.recovery_key_checksum');
  }
  return secret;
}

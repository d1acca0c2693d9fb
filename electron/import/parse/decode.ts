/**
 * Statement bytes → text. Order of evidence: the user's override, a byte-order mark, valid UTF-8,
 * UTF-16 without a BOM (every other byte zero), the hint a format carries (OFX's CHARSET header),
 * mostly-valid UTF-8 (damaged files), a plausibility test for GB18030 (Chinese bills are GBK; jschardet gives short GBK files a
 * confidence of 0.1–0.3), jschardet above a confidence floor, and finally windows-1252 (European
 * bank exports). GBK and GB2312 are read as GB18030, their
 * superset, so a file with a rare character in it still decodes.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { abort } from './issues';

export interface DecodedText {
  text: string;
  /** iconv-lite name of the encoding actually used. */
  encoding: string;
}

/** Below this jschardet's guess is noise on short files (it says GB18030 at 0.13 on one line of GBK). */
const DETECTOR_CONFIDENCE_FLOOR = 0.5;
/** The detector and the heuristics look at the start of the file only: bounded work on huge files. */
const SNIFF_BYTES = 64 * 1024;
/** jschardet costs milliseconds per kilobyte; its verdict settles within the first few. */
const DETECTOR_BYTES = 4 * 1024;

/** Names people and files use → the iconv-lite decoder we read them with. */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  '1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  '8859-1': 'windows-1252',
  ascii: 'utf-8',
  'us-ascii': 'utf-8',
  usascii: 'utf-8',
  big5: 'big5',
  'shift_jis': 'shift_jis',
};

/** The decoder for an encoding name, or null when we do not know it. */
export function canonicalEncoding(name: string): string | null {
  const key = name.trim().toLowerCase();
  const alias = ALIASES[key];
  if (alias) return alias;
  return iconv.encodingExists(key) ? key : null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // A multi-byte character cut by the sniff window is not a reason to doubt the file.
    strictUtf8.decode(bytes.length > SNIFF_BYTES ? trimPartialUtf8(bytes.subarray(0, SNIFF_BYTES)) : bytes);
    return true;
  } catch {
    return false;
  }
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  // Step back over continuation bytes and the lead byte they belong to (at most 3).
  for (let back = 0; back < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; back++) end--;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  return bytes.subarray(0, end);
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte. */
function bomlessUtf16(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The encodings statements come in; limiting jschardet to them makes it about six times faster. */
const DETECTABLE = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'GB18030', 'GB2312', 'Big5', 'SHIFT_JIS', 'EUC-KR', 'windows-1252', 'ISO-8859-1', 'ascii'];

function detectorGuess(bytes: Uint8Array): string | null {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DETECTOR_BYTES));
  const result = jschardet.detect(sample, { detectEncodings: DETECTABLE });
  if (!result.encoding || result.confidence < DETECTOR_CONFIDENCE_FLOOR) return null;
  const name = result.encoding.toLowerCase();
  if (name.startsWith('gb')) return 'gb18030';
  if (name === 'windows-1252' || name === 'iso-8859-1' || name === 'ascii') return 'windows-1252';
  return canonicalEncoding(name);
}

/**
 * GBK text (Alipay bills, Chinese bank exports): common hanzi are two bytes both in 0xA1–0xFE,
 * while windows-1252 text puts an accented letter before an ASCII one ("Müller", "Café"). So the
 * file is GB18030 when nine in ten high-byte pairs have a high second byte. Counting pairs rather
 * than decoding keeps this linear and lets a few damaged bytes not change the verdict.
 */
function plausiblyChinese(bytes: Uint8Array): string | null {
  const end = Math.min(bytes.length, SNIFF_BYTES) - 1;
  let hanziPairs = 0;
  let otherPairs = 0;
  for (let index = 0; index < end; index++) {
    const lead = bytes[index]!;
    if (lead < 0x81 || lead === 0xff) continue;
    if (bytes[index + 1]! >= 0xa1) hanziPairs++;
    else otherPairs++;
    index++;
  }
  return hanziPairs > 0 && hanziPairs >= otherPairs * 9 ? 'gb18030' : null;
}

/**
 * UTF-8 with a few damaged bytes (a cut download, a bad sector) is still UTF-8: eight valid
 * multi-byte sequences for every invalid byte. Decoding it as anything else would garble all of it.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let valid = 0;
  let invalid = 0;
  for (let index = 0; index < end; index++) {
    const lead = bytes[index]!;
    if (lead < 0x80) continue;
    const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
    let ok = length > 0 && index + length <= end;
    for (let next = 1; ok && next < length; next++) ok = (bytes[index + next]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      index += length - 1;
    } else invalid++;
  }
  return valid > 0 && valid >= invalid * 8 ? 'utf-8' : null;
}

export function decodeBytes(bytes: Uint8Array, options: { override?: string; hint?: string } = {}): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (options.override) {
    const encoding = canonicalEncoding(options.override);
    if (!encoding) abort(0, 'errors.import.encoding_unknown', { encoding: options.override.slice(0, 40) });
    return { text: iconv.decode(buffer, encoding), encoding };
  }
  const bom = bomEncoding(bytes);
  if (bom) return { text: iconv.decode(buffer.subarray(bom.length), bom.encoding, { stripBOM: false }), encoding: bom.encoding };
  if (isUtf8(bytes)) return { text: iconv.decode(buffer, 'utf-8'), encoding: 'utf-8' };
  const utf16 = bomlessUtf16(bytes);
  const hinted = options.hint ? canonicalEncoding(options.hint) : null;
  // A declared UTF-8 that is not valid UTF-8 is wrong about itself; the bytes decide then.
  // windows-1252 last: it decodes any byte, so it is the honest fallback for "some Western 8-bit text".
  const encoding = utf16 ?? (hinted && hinted !== 'utf-8' ? hinted : null) ?? mostlyUtf8(bytes) ?? plausiblyChinese(bytes) ?? detectorGuess(bytes) ?? 'windows-1252';
  return { text: iconv.decode(buffer, encoding), encoding };
}

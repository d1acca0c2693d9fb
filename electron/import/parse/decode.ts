/**
 * Statement bytes → text. Order of evidence: the user's override, a byte-order mark, valid UTF-8,
 * UTF-16 without a BOM (every other byte zero), the hint a format carries (OFX's CHARSET header),
 * jschardet above a confidence floor, and finally a plausibility test between GB18030 (Chinese bills
 * are GBK) and windows-1252 (European bank exports). GBK and GB2312 are read as GB18030, their
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

function detectorGuess(bytes: Uint8Array): string | null {
  const result = jschardet.detect(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)));
  if (!result.encoding || result.confidence < DETECTOR_CONFIDENCE_FLOOR) return null;
  const name = result.encoding.toLowerCase();
  if (name.startsWith('gb') || name === 'hz-gb-2312') return 'gb18030';
  if (name === 'windows-1252' || name === 'iso-8859-1' || name === 'iso-8859-15') return 'windows-1252';
  return canonicalEncoding(name);
}

/**
 * GB18030 when every high byte forms a valid character and most of them are CJK ideographs or
 * full-width punctuation (Chinese text); otherwise windows-1252, which decodes any byte.
 */
function chineseOrWestern(bytes: Uint8Array): string {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES));
  const text = iconv.decode(sample, 'gb18030');
  let chinese = 0;
  let other = 0;
  // The last character may be cut by the sniff window; ignore a replacement there.
  const checked = bytes.length > SNIFF_BYTES ? text.slice(0, -1) : text;
  for (const char of checked) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if (code === 0xfffd) return 'windows-1252';
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) chinese++;
    else other++;
  }
  return chinese > 0 && chinese >= other * 4 ? 'gb18030' : 'windows-1252';
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
  const encoding = utf16 ?? (hinted && hinted !== 'utf-8' ? hinted : null) ?? detectorGuess(bytes) ?? chineseOrWestern(bytes);
  return { text: iconv.decode(buffer, encoding), encoding };
}

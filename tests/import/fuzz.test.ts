/**
 * Fuzz: random mutations of every statement fixture — byte edits, inserted bytes, truncation, line
 * deletions/duplications/swaps, cells replaced by hostile values, the text re-encoded in another
 * encoding (with or without a BOM, with or without a wrong override), and a forced format — must
 * always give a result: rows that are well formed and/or located, translated issues. Never a throw,
 * never the catch-all 'internal' issue (that would be a bug of ours), never a hang (the test
 * timeout is the guard; the parsers do bounded work per byte).
 *
 * 20k cases in the normal run, 1M with ONEWALLET_STRESS=1 (npm run stress). The seed is printed;
 * replay with ONEWALLET_FUZZ_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parseStatement, type ParseOptions } from '../../electron/import/parse/detect';
import { STATEMENT_FORMATS, type ParsedStatement } from '../../electron/import/statement';
import { messagesFor } from '../../shared/i18n';
import type { MessageTree } from '../../shared/i18n/types';
import { loadFixtures } from './fixtures';

const STRESS = process.env.ONEWALLET_STRESS === '1';
const TOTAL_CASES = Number(process.env.ONEWALLET_FUZZ_CASES ?? (STRESS ? 1_000_000 : 20_000));
const SEED = Number(process.env.ONEWALLET_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`import fuzz: seed ${SEED} (replay with ONEWALLET_FUZZ_SEED=${SEED}), ${TOTAL_CASES} cases`);

const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

type Mutation =
  | { kind: 'bytes'; edits: [number, number][] }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'lines'; ops: ['delete' | 'duplicate' | 'swap', number, number][] }
  | { kind: 'cell'; line: number; cell: number; value: string }
  | { kind: 'encoding'; to: (typeof TEXT_ENCODINGS)[number]; bom: boolean };

const HOSTILE_CELLS = [
  '', '"', '""', '"unclosed', ',', ';', '\t', '|', '\n', '\r', '-', '()', '(-)', '¥', '￥-', '1,2,3', '1.2.3,4', '9'.repeat(40), '0.001', '-0',
  '2024-02-30', '2024-13-01', '31/31/2024', '99999999', '/', '交易关闭', '退款成功', '不计收支', '支出', '收入', '-退款', '服务费¥x',
  '<STMTTRN>', '</STMTTRN>', '<OFX>', '&amp;', '&#0;', '&#xD800;', '&bogus;', '^', '!Type:Invst', '!Type:Bank', "D1/2'99", 'T-', 'L[', 'S[]',
  '\u0000', '\ufeff', '\ud800', 'é', '交易时间', '金额(元)', '=""', '="1"',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('bytes' as const), edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('lines' as const), ops: fc.array(fc.tuple(fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('cell' as const), line: fc.nat(), cell: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE_CELLS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })) }),
  fc.record({ kind: fc.constant('encoding' as const), to: fc.constantFrom(...TEXT_ENCODINGS), bom: fc.boolean() }),
);

function decodeAs(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding === 'binary' ? 'latin1' : encoding);
}

function encodeAs(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding === 'binary' ? 'latin1' : encoding));
}

function mutate(bytes: Uint8Array, encoding: string, change: Mutation): Uint8Array {
  switch (change.kind) {
    case 'bytes': {
      const copy = bytes.slice();
      for (const [position, value] of change.edits) if (copy.length > 0) copy[position % copy.length] = value;
      return copy;
    }
    case 'insert': {
      const at = change.at % (bytes.length + 1);
      return new Uint8Array(Buffer.concat([bytes.subarray(0, at), change.bytes, bytes.subarray(at)]));
    }
    case 'truncate':
      return bytes.subarray(0, change.at % (bytes.length + 1));
    case 'lines': {
      if (encoding === 'binary') return bytes;
      const lines = decodeAs(bytes, encoding).split('\n');
      for (const [op, a, b] of change.ops) {
        if (lines.length === 0) break;
        const i = a % lines.length;
        const j = b % lines.length;
        if (op === 'delete') lines.splice(i, 1);
        else if (op === 'duplicate') lines.splice(i, 0, lines[i]!);
        else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return encodeAs(lines.join('\n'), encoding);
    }
    case 'cell': {
      if (encoding === 'binary') return bytes;
      const lines = decodeAs(bytes, encoding).split('\n');
      if (lines.length === 0) return bytes;
      const index = change.line % lines.length;
      const cells = lines[index]!.split(/(?<=[,;\t|>])/);
      cells[change.cell % cells.length] = change.value;
      lines[index] = cells.join('');
      return encodeAs(lines.join('\n'), encoding);
    }
    case 'encoding': {
      if (encoding === 'binary') return bytes;
      const text = decodeAs(bytes, encoding);
      const bom = change.bom ? encodeAs('\ufeff', change.to) : new Uint8Array();
      return new Uint8Array(Buffer.concat([bom, encodeAs(text, change.to)]));
    }
  }
}

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`)));
}

/** Keys present in both languages. */
const TRANSLATED = (() => {
  const zh = new Set(keysOf(messagesFor('zh-CN')));
  return new Set(keysOf(messagesFor('en-US')).filter((key) => zh.has(key)));
})();
const MINOR = /^-?(0|[1-9]\d*)$/;
const UNSIGNED = /^(0|[1-9]\d*)$/;
const KINDS = new Set(['expense', 'income', 'neutral', 'refund']);
const FORMATS = new Set<string>(STATEMENT_FORMATS);

function isMinor(value: string): boolean {
  return MINOR.test(value) && value !== '-0' && Number.isSafeInteger(Number(value));
}

function isCalendar(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

/**
 * What every result must satisfy, however broken the input: the first broken rule, or null. Plain
 * checks rather than one expect() per field, so 20k cases stay fast.
 */
function violation(result: ParsedStatement): string | null {
  if (!FORMATS.has(result.format) || typeof result.encoding !== 'string') return `format/encoding ${result.format}/${result.encoding}`;
  for (const issue of result.errors) {
    if (issue.messageKey === 'errors.import.internal') return `internal error: ${JSON.stringify(issue.params)}`;
    if (!issue.messageKey.startsWith('errors.import.') || !TRANSLATED.has(issue.messageKey)) return `untranslated issue ${issue.messageKey}`;
    if (!Number.isInteger(issue.line) || issue.line < 0 || issue.params.line !== issue.line) return `issue without a line: ${JSON.stringify(issue)}`;
  }
  for (const skipped of result.skipped) {
    if (!TRANSLATED.has(skipped.reason) || !Number.isInteger(skipped.line) || skipped.line < 1) return `bad skipped line ${JSON.stringify(skipped)}`;
  }
  for (const account of result.accounts) {
    if (account.ledgerBalance && (!isMinor(account.ledgerBalance.amountMinor) || !isCalendar(account.ledgerBalance.date))) return `bad ledger balance ${JSON.stringify(account.ledgerBalance)}`;
    for (const row of account.rows) {
      const bad =
        !Number.isInteger(row.line) || row.line < 1 ? 'line'
        : !isCalendar(row.date) ? 'date'
        : row.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(row.time) ? 'time'
        : !isMinor(row.amountMinor) ? 'amount'
        : row.fee !== undefined && !(UNSIGNED.test(row.fee) && isMinor(row.fee)) ? 'fee'
        : !KINDS.has(row.kind) ? 'kind'
        : (row.splits ?? []).some((split) => !isMinor(split.amountMinor)) ? 'split'
        : null;
      if (bad) return `row ${bad}: ${JSON.stringify(row)}`;
    }
  }
  JSON.stringify(result);
  return null;
}

const fixtures = loadFixtures();
/** Spreadsheets cost several times a text file to open; they get a smaller share. */
const weight = (file: string): number => (file.endsWith('.xlsx') ? 0.4 : 1);
const totalWeight = fixtures.reduce((sum, fixture) => sum + weight(fixture.expected.file), 0);

describe('statement parsers under random mutation', () => {
  fixtures.forEach(({ expected, bytes }, index) => {
    const runs = Math.ceil((TOTAL_CASES * weight(expected.file)) / totalWeight);
    it(
      `${expected.file}: ${runs} mutated files give rows or located errors, never a crash`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(mutation, { minLength: 1, maxLength: 3 }),
            fc.constantFrom<ParseOptions['format']>('auto', 'auto', 'auto', ...STATEMENT_FORMATS),
            fc.option(fc.constantFrom('utf-8', 'gbk', 'utf-16le', 'windows-1252', 'shift_jis', 'no-such-encoding'), { freq: 8 }),
            async (changes, format, encoding) => {
              let mutated = bytes;
              let currentEncoding = expected.encoding;
              for (const change of changes) {
                mutated = mutate(mutated, currentEncoding, change);
                if (change.kind === 'encoding' && currentEncoding !== 'binary') currentEncoding = change.to;
              }
              const before = Buffer.from(mutated);
              const result = await parseStatement(mutated, { fileName: expected.file, ...expected.options, format, ...(encoding ? { encoding } : {}) });
              expect(violation(result)).toBeNull();
              // Parsing is pure: the input is never changed.
              expect(before.equals(mutated)).toBe(true);
            },
          ),
          { numRuns: runs, seed: SEED + index, endOnFailure: true },
        );
      },
      STRESS ? 24 * 3600_000 : undefined,
    );
  });

  it('the unmutated fixtures pass the same checks', async () => {
    for (const { expected, bytes } of fixtures) expect(violation(await parseStatement(bytes, { fileName: expected.file, ...expected.options }))).toBeNull();
  });
});

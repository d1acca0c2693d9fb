/**
 * The small pure pieces behind the parsers: amounts, dates, decoding, the CSV mapping and its
 * errors. Each case is a quirk a real export has.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readAmount, readWrittenAmount, detectDecimalMark } from '../../electron/import/parse/amount';
import { chooseDateFormat, parseDateAs } from '../../electron/import/parse/dates';
import { decodeBytes } from '../../electron/import/parse/decode';
import { csvMappingSchema, suggestMapping } from '../../electron/import/parse/csv';
import { parseStatement } from '../../electron/import/parse/detect';
import { declaredUnpackedSize } from '../../electron/import/parse/xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from './fixtures';
import { messagesFor } from '../../shared/i18n';
import { createTranslator } from '../../shared/i18n';

const CNY = { decimal: 'auto' as const, currency: 'CNY' };

describe('amount cells', () => {
  it.each([
    ['12.50', '1250'],
    ['-0.05', '-5'],
    ['1,234.56', '123456'],
    ['1.234,56', '123456'],
    ['1 234,56', '123456'],
    ['1\u00a0234.56', '123456'],
    ['(12.00)', '-1200'],
    ['12.00-', '-1200'],
    ['¥28.16', '2816'],
    ['￥-4.50', '-450'],
    ['-¥4.50', '-450'],
    ['$1,200.00', '120000'],
    ['€ 3,50', '350'],
    ['CNY 5,234.12', '523412'],
    ['-4.50 RMB', '-450'],
    ['１２．５', '1250'],
    ['－１，２３４．５６', '-123456'],
    ['+7', '700'],
    ['0', '0'],
    ['-0.00', '0'],
  ])('%s → %s minor units', (text, minor) => {
    expect(readAmount(text, CNY)).toEqual({ ok: true, minor });
  });

  it.each([['12,3x'], [''], ['-'], ['1.2.3,4,5'], ['--5'], ['-(5)'], ['1 23'], ['abc'], ['¥'], ['12e3']])('“%s” is not an amount', (text) => {
    expect(readAmount(text, CNY)).toEqual({ ok: false, messageKey: 'errors.import.amount_invalid' });
  });

  it('refuses extra precision and amounts beyond the safe range instead of rounding', () => {
    expect(readAmount('1.005', CNY)).toEqual({ ok: false, messageKey: 'errors.import.amount_precision' });
    expect(readAmount('1.5', { decimal: '.', currency: 'JPY' })).toEqual({ ok: false, messageKey: 'errors.import.amount_precision' });
    expect(readAmount('99999999999999999999', CNY)).toEqual({ ok: false, messageKey: 'errors.import.amount_too_large' });
  });

  it('a declared decimal mark wins over the look of one value', () => {
    expect(readAmount('1,234', { decimal: '.', currency: 'CNY' })).toEqual({ ok: true, minor: '123400' });
    expect(readAmount('1,234', { decimal: ',', currency: 'KWD' })).toEqual({ ok: true, minor: '1234' });
    expect(readAmount('1.234', { decimal: ',', currency: 'CNY' })).toEqual({ ok: true, minor: '123400' });
  });

  it('plain cells ("-12.34", "1200") read on the short path mean exactly what the general reader makes of them', () => {
    const digits = fc.array(fc.constantFrom('0', '1', '5', '9'), { minLength: 1, maxLength: 22 }).map((list) => list.join(''));
    const cell = fc
      .tuple(fc.boolean(), digits, fc.option(digits, { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(cell, fc.constantFrom('.', ',', 'auto'), fc.constantFrom('CNY', 'JPY', 'KWD', 'ZZZ'), (text, decimal, currency) => {
        const options = { decimal: decimal as '.' | ',' | 'auto', currency };
        expect(readAmount(text, options)).toEqual(readWrittenAmount(text, options));
      }),
      { numRuns: 3_000 },
    );
  });

  it('detects a column’s decimal comma from all its values', () => {
    expect(detectDecimalMark(['1.234', '12,50', '3'])).toBe(',');
    expect(detectDecimalMark(['1,234', '12.50'])).toBe('.');
    expect(detectDecimalMark(['1,234', '5'])).toBe('.');
    // Plain cells count too: one "-3.20" outweighs any number of decimal commas.
    expect(detectDecimalMark(['12,50', '-3.20', '7,10'])).toBe('.');
    expect(detectDecimalMark(['12,50', '-3', '700'])).toBe(',');
    expect(detectDecimalMark(['-3', '700'])).toBe('.');
  });
});

describe('date cells', () => {
  const choose = (values: string[]) => {
    const choice = chooseDateFormat(values);
    return choice && { format: choice.format, alternatives: choice.alternatives };
  };

  it('chooses one format for the whole column', () => {
    expect(choose(['01/02/2024', '13/02/2024'])).toEqual({ format: 'DD/MM/YYYY', alternatives: [] });
    expect(choose(['01/02/2024', '02/13/2024'])).toEqual({ format: 'MM/DD/YYYY', alternatives: [] });
    expect(choose(['01/02/2024', '03/04/2024'])).toEqual({ format: 'DD/MM/YYYY', alternatives: ['MM/DD/YYYY'] });
    expect(choose(['2024-01-02 08:00', '2024-01-03'])).toEqual({ format: 'YYYY-MM-DD', alternatives: [] });
    expect(choose(['20240102'])).toEqual({ format: 'YYYYMMDD', alternatives: [] });
    expect(choose(['total', ''])).toBeNull();
    expect(chooseDateFormat(['2024-01-02', 'x'])?.parsed).toEqual([{ date: '2024-01-02' }, null]);
  });

  it('reads times and refuses impossible dates', () => {
    expect(parseDateAs('2024/1/5 9:07', 'YYYY/MM/DD')).toEqual({ date: '2024-01-05', time: '09:07:00' });
    expect(parseDateAs('2024-01-05T23:59:59', 'YYYY-MM-DD')).toEqual({ date: '2024-01-05', time: '23:59:59' });
    expect(parseDateAs('2023-02-29', 'YYYY-MM-DD')).toBeNull();
    expect(parseDateAs('2024-02-29', 'YYYY-MM-DD')).toEqual({ date: '2024-02-29' });
    expect(parseDateAs('2024-01-05 25:00', 'YYYY-MM-DD')).toBeNull();
    expect(parseDateAs('31.04.2024', 'DD.MM.YYYY')).toBeNull();
  });
});

describe('decoding', () => {
  const chinese = '交易时间,交易对方,金额\n2024-01-05,星巴克,28.00\n';
  it('reads GBK, UTF-8, UTF-16 and windows-1252 and says which it used', () => {
    expect(decodeBytes(iconv.encode(chinese, 'gbk'))).toEqual({ text: chinese, encoding: 'gb18030' });
    expect(decodeBytes(Buffer.from(chinese))).toEqual({ text: chinese, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(chinese, 'utf-16le')]))).toEqual({ text: chinese, encoding: 'utf-16le' });
    expect(decodeBytes(iconv.encode('Date,Payee\n2024-01-05,Café\n', 'utf-16le'))).toEqual({ text: 'Date,Payee\n2024-01-05,Café\n', encoding: 'utf-16le' });
    const western = 'Datum;Empfänger;Betrag\n05.01.2024;Café Müller;-4,50\n';
    expect(decodeBytes(iconv.encode(western, 'windows-1252'))).toEqual({ text: western, encoding: 'windows-1252' });
  });

  it('lets the user’s choice win and refuses an encoding it does not know', () => {
    expect(decodeBytes(Buffer.from('caf\xe9', 'latin1'), { override: 'ISO-8859-1' })).toEqual({ text: 'café', encoding: 'windows-1252' });
    expect(() => decodeBytes(Buffer.from('x'), { override: 'klingon-8' })).toThrow('errors.import.encoding_unknown');
  });
});

describe('CSV mapping', () => {
  it('suggests a mapping from English and Chinese column names', () => {
    expect(suggestMapping(['Date', 'Description', 'Amount', 'Reference'])).toEqual({ date: 'Date', payee: 'Description', amount: 'Amount', note: 'Reference' });
    expect(suggestMapping(['交易日期', '对方户名', '支出金额', '收入金额', '流水号', '币种'])).toEqual({
      date: '交易日期',
      payee: '对方户名',
      outflow: '支出金额',
      inflow: '收入金额',
      externalId: '流水号',
      currency: '币种',
    });
  });

  it('reads a unit in brackets after a column name as the same column', () => {
    expect(suggestMapping(['Posting Date', 'Debit Amount (EUR)', 'Credit Amount (EUR)', 'Payee'])).toEqual({
      date: 'Posting Date',
      outflow: 'Debit Amount (EUR)',
      inflow: 'Credit Amount (EUR)',
      payee: 'Payee',
    });
    expect(suggestMapping(['交易日期', '金额（元）'])).toEqual({ date: '交易日期', amount: '金额（元）' });
  });

  it('is plain JSON validated by its schema: amount or inflow/outflow, never both', () => {
    const stored = csvMappingSchema.parse({ date: 'Date', amount: 3, flipSign: true });
    expect(JSON.parse(JSON.stringify(stored))).toEqual({ date: 'Date', amount: 3, flipSign: true, skipStart: 0, skipEnd: 0, hasHeader: true, dateFormat: 'auto', decimal: 'auto', delimiter: 'auto' });
    expect(csvMappingSchema.safeParse({ date: 'Date', amount: 'A', inflow: 'B' }).success).toBe(false);
    expect(csvMappingSchema.safeParse({ date: 'Date' }).success).toBe(false);
    expect(csvMappingSchema.safeParse({ date: 'Date', amount: 'A', extra: 1 }).success).toBe(false);
  });

  const csv = (text: string) => new TextEncoder().encode(text);

  it('names the row, the column and the value of a bad cell, and keeps the good rows', async () => {
    const parsed = await parseStatement(csv('Datum,Betrag,Payee\n2024-01-02,12.30,A\n2024-01-03,"12,3x",B\n2024-13-01,1.00,C\n2024-01-05,,D\n'), {
      mapping: { date: 'Datum', amount: 'Betrag', payee: 'Payee' },
    });
    expect(parsed.accounts[0]!.rows.map((row) => row.amountMinor)).toEqual(['1230']);
    expect(parsed.errors.map((issue) => [issue.line, issue.messageKey, issue.column, issue.value])).toEqual([
      [3, 'errors.import.amount_invalid', 'Betrag', '12,3x'],
      [4, 'errors.import.date_invalid', 'Datum', '2024-13-01'],
      [5, 'errors.import.amount_missing', 'Betrag', ''],
    ]);
    const en = createTranslator('en-US');
    const zh = createTranslator('zh-CN');
    const first = parsed.errors[0]!;
    expect(en.t(first.messageKey, first.params)).toBe('Row 3, column Betrag: “12,3x” is not an amount.');
    expect(zh.t(first.messageKey, first.params)).toBe('第 3 行，“Betrag”列：“12,3x”不是金额。');
  });

  it('asks for a mapping when it cannot recognise the columns, showing the header it saw', async () => {
    const parsed = await parseStatement(csv('foo;bar;baz\n1;2;3\n'));
    expect(parsed.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.mapping_needed']);
    expect(parsed.detected).toMatchObject({ delimiter: ';', header: ['foo', 'bar', 'baz'] });
  });

  it('flips signs, reads a headerless file by column numbers and reports an invalid or unmatched mapping', async () => {
    const flipped = await parseStatement(csv('2024-01-02,12.30,Shop\n2024-01-03,-5.00,Refund\n'), {
      mapping: { date: 1, amount: 2, payee: 3, hasHeader: false, flipSign: true },
    });
    expect(flipped.accounts[0]!.rows.map((row) => [row.amountMinor, row.kind])).toEqual([
      ['-1230', 'expense'],
      ['500', 'income'],
    ]);
    const invalid = await parseStatement(csv('a,b\n'), { mapping: { date: 'a' } as never });
    expect(invalid.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.mapping_invalid']);
    const unmatched = await parseStatement(csv('a,b\n2024-01-01,1\n'), { mapping: { date: 'a', amount: 'Amount' } });
    expect(unmatched.errors.map((issue) => [issue.messageKey, issue.params?.column])).toEqual([['errors.import.column_missing', 'Amount']]);
    const issue = unmatched.errors[0]!;
    expect(createTranslator('en-US').t(issue.messageKey, issue.params)).toBe('The file has no column “Amount” (mapped as amount).');
    expect(createTranslator('zh-CN').t(issue.messageKey, issue.params)).toBe('文件中没有“Amount”列（映射为金额）。');
  });

  it('finds the header a mapping names after a preamble nobody counted', async () => {
    const parsed = await parseStatement(csv('Statement of account\nPeriod: January\n\nWhen;What;Sum\n02.01.2024;Shop;-3,50\n'), {
      mapping: { date: 'When', amount: 'Sum', payee: 'What' },
    });
    expect(parsed.detected.headerLine).toBe(4);
    expect(parsed.accounts[0]!.rows.map((row) => [row.line, row.date, row.amountMinor, row.payee])).toEqual([[5, '2024-01-02', '-350', 'Shop']]);
  });

  it('refuses a file over the size or row cap with a clear error', async () => {
    const big = await parseStatement(csv('Date,Amount\n2024-01-01,1\n'), { maxBytes: 10 });
    expect(big.errors.map((issue) => [issue.messageKey, issue.params?.max])).toEqual([['errors.import.too_large', 10]]);
    const many = await parseStatement(csv('Date,Amount\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n'), { maxRows: 3 });
    expect(many.errors.map((issue) => [issue.messageKey, issue.params?.max])).toEqual([['errors.import.too_many_rows', 3]]);
    expect((await parseStatement(new Uint8Array())).errors.map((issue) => issue.messageKey)).toEqual(['errors.import.empty']);
  });
});

describe('translations', () => {
  it('every parser message key exists in both languages', () => {
    const keysOf = (tree: unknown, prefix = ''): string[] =>
      typeof tree === 'string' ? [prefix] : Object.entries(tree as object).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
    const en = keysOf((messagesFor('en-US') as { errors: { import: object } }).errors.import, 'errors.import').sort();
    const zh = keysOf((messagesFor('zh-CN') as { errors: { import: object } }).errors.import, 'errors.import').sort();
    expect(zh).toEqual(en);
    expect(en.length).toBeGreaterThan(20);
  });
});

describe('QIF, OFX, bills and detection', () => {
  const text = (value: string) => new TextEncoder().encode(value);

  it('QIF: ambiguous day/month order is month-first and reported; the override wins; a mix is a conflict', async () => {
    const file = "!Type:Cash\nD1/2/24\nT-1.00\n^\nD3/4'24\nT-2.00\n^\n";
    const auto = await parseStatement(text(file), { fileName: 'cash.qif' });
    expect(auto.accounts[0]!.rows.map((row) => row.date)).toEqual(['2024-01-02', '2024-03-04']);
    expect(auto.detected).toMatchObject({ dateOrder: 'mdy', dateOrderAmbiguous: true });
    const dmy = await parseStatement(text(file), { dateOrder: 'dmy' });
    expect(dmy.accounts[0]!.rows.map((row) => row.date)).toEqual(['2024-02-01', '2024-04-03']);
    const mixed = await parseStatement(text('!Type:Bank\nD13/1/24\nT1\n^\nD1/13/24\nT1\n^\n'));
    expect(mixed.errors.map((issue) => issue.messageKey)).toContain('errors.import.qif_date_order_conflict');
  });

  it('QIF: a register without !Type and a bad amount are located errors', async () => {
    const untyped = await parseStatement(text('D1/2/24\nT-1.00\n^\n'), { format: 'qif' });
    expect(untyped.errors.map((issue) => [issue.line, issue.messageKey])).toEqual([[1, 'errors.import.qif_no_type']]);
    const bad = await parseStatement(text('!Type:Bank\nD1/2/24\nT-1.0x\n^\nD1/3/24\nT2\n^\n'));
    expect(bad.errors.map((issue) => [issue.line, issue.messageKey, issue.column, issue.value])).toEqual([[3, 'errors.import.amount_invalid', 'T', '-1.0x']]);
    expect(bad.accounts[0]!.rows.map((row) => row.amountMinor)).toEqual(['200']);
  });

  it('OFX: dates in every zone form keep the date as written; damage is located; no statement is said so', async () => {
    const ofx = (transaction: string) =>
      text(`OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>CNY\n<BANKTRANLIST>\n<STMTTRN>\n${transaction}\n</STMTTRN>\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`);
    const zoned = await parseStatement(ofx('<DTPOSTED>20240229235959.999[-12:BIT]\n<TRNAMT>1,5\n<FITID>A'));
    expect(zoned.accounts[0]!.rows.map((row) => [row.date, row.time, row.amountMinor, row.externalId])).toEqual([['2024-02-29', '23:59:59', '150', 'A']]);
    const badDate = await parseStatement(ofx('<DTPOSTED>20230229\n<TRNAMT>1'));
    expect(badDate.errors.map((issue) => [issue.line, issue.messageKey, issue.column, issue.value])).toEqual([[7, 'errors.import.date_invalid', 'DTPOSTED', '20230229']]);
    const damaged = await parseStatement(text('<OFX>\n<BANKMSGSRSV1>\n<STMTRS>\n</BANKMSGSRSV1>\n</OFX>\n'), { format: 'ofx' });
    expect(damaged.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.ofx_invalid']);
    expect(damaged.errors[0]!.line).toBeGreaterThan(0);
    const empty = await parseStatement(text('<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>'));
    expect(empty.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.ofx_no_statement']);
  });

  it('a spreadsheet that declares gigabytes unpacked is refused before it is inflated', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURE_DIR, 'wechat.xlsx')));
    expect(declaredUnpackedSize(bytes)).toBeGreaterThan(1000);
    expect(declaredUnpackedSize(bytes)).toBeLessThan(1_000_000);
    // Patch the first central-directory entry's uncompressed size to 3 GiB.
    const view = new DataView(bytes.buffer);
    let central = bytes.length - 22;
    while (view.getUint32(central, true) !== 0x06054b50) central--;
    const first = view.getUint32(central + 16, true);
    view.setUint32(first + 24, 3 * 1024 ** 3, true);
    const parsed = await parseStatement(bytes);
    expect(parsed.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.too_large']);
  });

  it('bills without their header, and a damaged spreadsheet, are clear errors', async () => {
    const alipay = await parseStatement(text('交易时间,金额\n2024-01-01,1\n'), { format: 'alipay' });
    expect(alipay.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.alipay_header_missing']);
    const wechat = await parseStatement(text('微信支付账单明细\n'), {});
    expect(wechat.format).toBe('wechat');
    expect(wechat.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.wechat_header_missing']);
    const zip = await parseStatement(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(zip.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.xlsx_invalid']);
    const chosen = await parseStatement(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { format: 'ofx' });
    expect(chosen.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.format_unsupported']);
    const unknown = await parseStatement(text('a'), { format: 'pdf' as never });
    expect(unknown.errors.map((issue) => issue.messageKey)).toEqual(['errors.import.format_unknown']);
  });
});

describe('decoding heuristics', () => {
  it('German windows-1252 text with only mid-word umlauts is not mistaken for GBK', () => {
    const german = 'Datum;Empfänger;Betrag\n05.01.2024;Müller Straße;-4,50\n06.01.2024;Bäckerei Süß;-2,10\n';
    expect(decodeBytes(iconv.encode(german, 'windows-1252'))).toEqual({ text: german, encoding: 'windows-1252' });
  });

  it('UTF-8 with one damaged byte is still read as UTF-8', () => {
    const bytes = Buffer.from('日期,对方,金额\n2024-01-05,星巴克,28.00\n2024-01-06,瑞幸,9.90\n');
    bytes[bytes.length - 3] = 0xff;
    expect(decodeBytes(bytes).encoding).toBe('utf-8');
  });
});

/** Export: RFC 4180 CSV with a BOM and exact decimal amounts; JSON with every event. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvField, toCsv } from '../../electron/backup/csv';
import { CSV_HEADER, fullJson, transactionsCsv, writeExport } from '../../electron/backup/export';
import { eventsOf, newWallet, tempDir, type TestWallet } from './support/wallet';

describe('export', () => {
  const tmp = tempDir();
  let wallet: TestWallet;
  beforeAll(async () => {
    wallet = await newWallet(join(tmp.dir, 'w.onewallet'));
    const cash = wallet.account('现金');
    const yen = wallet.account('Yen', 'JPY');
    const food = wallet.run({ type: 'defineCategory', name: '餐饮', kind: 'expense' });
    wallet.run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount: '12.50', currency: 'CNY', date: '2025-03-03', payee: '兰州拉面, "大碗"', categoryId: food, note: 'line1\nline2' });
    const gone = wallet.spend(cash, '1.00', '2025-03-04', 'deleted');
    wallet.run({ type: 'voidTransaction', transactionId: gone });
    wallet.run({ type: 'recordTransaction', kind: 'income', accountId: yen, amount: '1200', currency: 'JPY', date: '2025-03-05', payee: '=HYPERLINK("x")' });
    wallet.run({ type: 'recordTransfer', fromAccountId: cash, toAccountId: yen, amount: '10.00', currency: 'CNY', toAmount: '210', toCurrency: 'JPY', date: '2025-03-06' });
  });
  afterAll(() => {
    wallet.close();
    tmp.cleanup();
  });

  test('CSV quoting follows RFC 4180 and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('\uFEFFa,b\r\n1,2\r\n');
  });

  test('transactions CSV: BOM, decimal amounts per currency, names, both transfer legs, deleted left out', () => {
    const { csv, count } = transactionsCsv(eventsOf(wallet.session));
    const path = join(tmp.dir, 'out.csv');
    writeExport(path, csv);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(count).toBe(4);
    expect(text).toContain('2025-03-03,现金,"兰州拉面, ""大碗""",餐饮,-12.50,CNY,expense,cleared,,"line1\nline2",,');
    expect(text).toContain(`2025-03-05,Yen,"'=HYPERLINK(""x"")",,1200,JPY,income`);
    expect(text).toContain('2025-03-06,现金,,,-10.00,CNY,transfer');
    expect(text).toContain('2025-03-06,Yen,,,210,JPY,transfer');
    expect(text).not.toContain('deleted');
    expect(transactionsCsv(eventsOf(wallet.session), { includeDeleted: true }).csv).toContain('deleted,,-1.00,CNY,expense,cleared,,,yes');
  });

  test("transactions CSV in the reader's language, or English names and codes for tools", () => {
    const zh = transactionsCsv(eventsOf(wallet.session), { language: 'zh-CN', includeDeleted: true }).csv.slice(1);
    expect(zh.split('\r\n')[0]).toBe('日期,账户,收付款方,分类,金额,币种,类型,状态,标签,备注,已删除,交易编号,转账编号');
    expect(zh).toContain('2025-03-03,现金,"兰州拉面, ""大碗""",餐饮,-12.50,CNY,支出,已入账,');
    expect(zh).toContain('2025-03-06,现金,,,-10.00,CNY,转账');
    expect(zh).toMatch(/,-1\.00,CNY,支出,已入账,,,是,/);
    const en = transactionsCsv(eventsOf(wallet.session), { language: 'en-US' }).csv.slice(1);
    expect(en.split('\r\n')[0]).toBe('Date,Account,Payee,Category,Amount,Currency,Kind,Status,Tags,Note,Deleted,Transaction ID,Transfer ID');
    expect(en).toContain(',-12.50,CNY,Expense,Cleared,');
    const tools = transactionsCsv(eventsOf(wallet.session), { language: 'zh-CN', englishHeaders: true }).csv.slice(1);
    expect(tools.split('\r\n')[0]).toBe(CSV_HEADER.join(','));
    expect(tools).toContain(',-12.50,CNY,expense,cleared,');
  });

  test('a reconcile balance adjustment is named as such in the category column, in every CSV form', async () => {
    const other = await newWallet(join(tmp.dir, 'adjust.onewallet'));
    try {
      const cash = other.account('Wallet');
      other.run({ type: 'adjustBalance', accountId: cash, statementDate: '2025-03-10', statementBalance: '997.50', clearedTransactionIds: [] });
      const zh = transactionsCsv(eventsOf(other.session), { language: 'zh-CN' }).csv;
      expect(zh).toContain('2025-03-10,Wallet,,余额调整,-2.50,CNY,支出,');
      expect(transactionsCsv(eventsOf(other.session), { language: 'zh-CN', englishHeaders: true }).csv).toContain('2025-03-10,Wallet,,Balance adjustment,-2.50,CNY,expense,');
    } finally {
      other.close();
    }
  });

  test('JSON holds every event verbatim and says it is not encrypted', () => {
    const events = eventsOf(wallet.session);
    const { json, count } = fullJson(events, { vaultId: wallet.session.vaultId, walletName: 'w', headSeq: events.length, exportedAt: '2025-03-07T00:00:00.000Z', appVersion: '0.1.0' });
    const parsed = JSON.parse(json) as { encrypted: boolean; events: unknown[] };
    expect(count).toBe(events.length);
    expect(parsed.encrypted).toBe(false);
    expect(parsed.events).toEqual(events);
  });
});

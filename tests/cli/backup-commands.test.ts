/**
 * The backup commands through the real `onewallet` process: create → list → verify, a full restore
 * of an older backup (history lost), merge dry run and merge of a newer one (history back, twice
 * recovers nothing), export as CSV and JSON, damaged backups exit 4, option mistakes exit 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { bundleCli, runBundled } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-cli-backup-');
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => tmp.cleanup());

describe('onewallet backup / restore / export', () => {
  test('lose and recover history through the CLI; JSON shapes; export; damage and usage', async () => {
    const vault = tmp.file('home.onewallet');
    const { session } = await createVault(vault, { password: 'pw', testOnlyKdf: TEST_KDF });
    session.lock();
    const dir = tmp.file('backups');
    mkdirSync(dir); // a folder given with --dir must exist: a vanished destination is an error, not created anew
    const run = (args: string[], json = true) => runBundled(bundle, ['--vault', vault, ...(json ? ['--json'] : []), ...args, '--password-stdin'], { stdin: 'pw\n' });
    const ok = async <T = Record<string, unknown>>(args: string[]): Promise<T> => {
      const result = await run(args);
      expect({ args, stderr: result.stderr, code: result.code }).toEqual({ args, stderr: '', code: 0 });
      return JSON.parse(result.stdout) as T;
    };

    await ok(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY', '--opening', '100']);
    await ok(['tx', 'add', '--account', 'Cash', '--amount', '8.80', '--payee', '早餐', '--date', '2025-03-01']);
    await ok(['tx', 'add', '--account', 'Cash', '--amount', '3', '--income', '--payee', 'Refund', '--date', '2025-03-02']);

    const b1 = await ok<{ path: string; verified: boolean; events: number }>(['backup', 'create', '--dir', dir]);
    expect(b1).toEqual({ path: expect.stringContaining(dir), verified: true, events: 3 });

    await ok(['account', 'add', 'Alipay', '--type', 'alipay', '--currency', 'CNY']);
    await ok(['tx', 'transfer', '--from', 'Cash', '--to', 'Alipay', '--amount', '50', '--date', '2025-03-03']);
    await ok(['tx', 'add', '--account', 'Alipay', '--amount', '12.34', '--payee', 'Taxi', '--date', '2025-03-04']);
    const b2 = await ok<{ path: string; events: number }>(['backup', 'create', '--dir', dir]);
    expect(b2).toMatchObject({ verified: true, events: 6 });
    const before = await ok(['balance']);

    const listed = await ok<{ path?: string; file?: string; status: string }[]>(['backup', 'list', '--dir', dir]);
    expect(listed).toHaveLength(2);
    expect(listed.every((entry) => entry.status === 'verified')).toBe(true);
    expect(await ok(['backup', 'verify', b2.path])).toEqual({ ok: true, events: 6, problems: [] });
    const human = await run(['backup', 'verify', b1.path], false);
    expect(human).toMatchObject({ code: 0, stdout: 'Backup verified: 3 entries, all intact.\n' });

    // The disk "loses" the newest history: a full restore of the older backup.
    const full = await ok<{ ok: boolean; revertPath: string }>(['restore', b1.path]);
    expect(full).toMatchObject({ ok: true, events: 3 });
    expect(await ok(['balance'])).toEqual({ accounts: [{ name: 'Cash', currency: 'CNY', balance: '94.20' }], totals: { CNY: '94.20' } });

    // Merge: a dry run counts what is missing and changes nothing; the merge brings it back; again finds nothing.
    expect(await ok(['restore', b2.path, '--merge', '--dry-run'])).toEqual({ missingEvents: 3, missingTransactions: 2, missingAccounts: 1 });
    expect(await ok(['balance'])).toMatchObject({ totals: { CNY: '94.20' } });
    expect(await ok(['restore', b2.path, '--merge'])).toMatchObject({ missingEvents: 3, appended: 3 });
    expect(await ok(['balance'])).toEqual(before);
    expect(await ok(['restore', b2.path, '--merge', '--dry-run'])).toEqual({ missingEvents: 0, missingTransactions: 0, missingAccounts: 0 });
    expect(await ok(['verify'])).toEqual({ ok: true, problems: [], events: 6 });

    // Export: CSV with a BOM (Excel and Chinese), JSON with everything; both say they are not encrypted.
    const csvPath = tmp.file('out.csv');
    expect(await ok(['export', '--format', 'csv', '--out', csvPath])).toMatchObject({ path: csvPath, format: 'csv', encrypted: false });
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('早餐');
    expect(csv).toContain('-12.34,CNY');
    const jsonPath = tmp.file('out.json');
    expect(await ok(['export', '--format', 'json', '--out', jsonPath])).toMatchObject({ format: 'json', encrypted: false });
    expect(() => JSON.parse(readFileSync(jsonPath, 'utf8').replace(/^\uFEFF/, ''))).not.toThrow();
    expect((await run(['export', '--format', 'csv', '--out', tmp.file('h.csv')], false)).stdout).toMatch(/NOT encrypted/);
    // The CSV speaks the terminal's language (column names and values); --english-headers is the stable form for tools.
    expect(csv.split('\r\n')[0]).toBe('\uFEFFDate,Account,Payee,Category,Amount,Currency,Kind,Status,Tags,Note,Deleted,Transaction ID,Transfer ID');
    const exportCsv = async (extra: string[], file: string) => {
      const result = await runBundled(bundle, ['--vault', vault, 'export', '--format', 'csv', ...extra, '--out', tmp.file(file), '--password-stdin'], { stdin: 'pw\n', env: { LANG: 'zh_CN.UTF-8' } });
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      return readFileSync(tmp.file(file), 'utf8').split('\r\n');
    };
    const zhCsv = await exportCsv([], 'zh.csv');
    expect(zhCsv[0]).toBe('\uFEFF日期,账户,收付款方,分类,金额,币种,类型,状态,标签,备注,已删除,交易编号,转账编号');
    expect(zhCsv.some((line) => line.startsWith('2025-03-01,Cash,早餐,,-8.80,CNY,支出,已入账,'))).toBe(true);
    const toolsCsv = await exportCsv(['--english-headers'], 'tools.csv');
    expect(toolsCsv[0]).toBe('\uFEFFDate,Account,Payee,Category,Amount,Currency,Kind,Status,Tags,Note,Deleted,Transaction ID,Transfer ID');
    expect(toolsCsv.some((line) => line.startsWith('2025-03-01,Cash,早餐,,-8.80,CNY,expense,cleared,'))).toBe(true);

    // A damaged backup: verify and restore exit 4, the wallet is untouched.
    const bytes = readFileSync(b2.path);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 1;
    const bad = tmp.file('bad.owbackup');
    writeFileSync(bad, bytes);
    expect((await run(['backup', 'verify', bad])).code).toBe(4);
    expect((await runBundled(bundle, ['--vault', vault, 'restore', bad, '--password-stdin'], { stdin: 'pw\n', env: { ONEWALLET_BACKUP_PASSWORD: 'pw' } })).code).toBe(4);
    expect(await ok(['balance'])).toEqual(before);

    // Option mistakes: exit 2 with the command's usage.
    expect(await run(['backup', 'create', '--folder', dir])).toMatchObject({ code: 2, stderr: 'Unknown option --folder.\nUsage: onewallet backup create [--dir DIR]\n' });
    expect(await run(['export', '--format', 'xml', '--out', tmp.file('x')])).toMatchObject({
      code: 2,
      stderr: '"xml" is not an export format; use csv or json.\nUsage: onewallet export --format csv|json --out FILE [--english-headers]\n',
    });
    expect((await run(['restore'])).code).toBe(2);
    expect((await run(['backup', 'verify'])).code).toBe(2);
  });
});

/**
 * `onewallet import` as a real process on a real wallet, with every parser fixture: imported once
 * with exact totals in the account's balance, imported again → 0 new and the balance unchanged;
 * undo puts the balance back, list shows the batch; a malformed file exits 5 naming row, column and
 * value and leaves the wallet file byte-for-byte as it was; bad usage exits 2.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseStatement } from '../../electron/import/parse/detect';
import { mappingFile } from '../../renderer/src/views/import/mapping-file';
import { createVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { bundleCli, bundleEntry, runBundled } from './support';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'import');
const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.expected.json')).map((name) => name.slice(0, -'.expected.json'.length));
let tmp: ReturnType<typeof tempDir>;
let bundle: string;
let n = 0;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-cli-import-');
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => tmp.cleanup());

/** A wallet with the account 'Acct' and, for QIF `[Account]` transfers, accounts of those names. */
async function walletWith(currency: string, others: readonly string[] = []): Promise<string> {
  const path = tmp.file(`i${n++}.onewallet`);
  (await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF })).session.lock();
  for (const name of ['Acct', ...others]) {
    const made = await runBundled(bundle, ['--vault', path, 'account', 'add', name, '--type', 'bank', '--currency', currency, '--password-stdin'], { stdin: 'pw\n' });
    expect(made.code, made.stderr).toBe(0);
  }
  return path;
}

const cli = (vault: string, args: string[], json = true) =>
  runBundled(bundle, ['--vault', vault, ...(json ? ['--json'] : []), ...args, '--password-stdin'], { stdin: 'pw\n' });

/** qif-transfers-checking.qif into Checking with `mapping`: 3 rows, Bakery in Food, the transfers to Card and Savings. */
async function expectCheckingImportedWith(vault: string, mapping: string): Promise<void> {
  const run = await cli(vault, ['import', join(FIXTURES, 'qif-transfers-checking.qif'), '--account', 'Checking', '--mapping', mapping]);
  expect(run.code, run.stderr + run.stdout).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ imported: 3, errors: [] });
  const rows = (JSON.parse((await cli(vault, ['tx', 'list', '--account', 'Checking'])).stdout) as { transactions: { payee: string; kind: string; category: string | null; counterAccount?: string }[] })
    .transactions;
  expect(rows.find((row) => row.payee === 'Bakery')).toMatchObject({ kind: 'expense', category: 'Food' });
  expect(rows.filter((row) => row.kind === 'transfer').map((row) => row.counterAccount).sort()).toEqual(['Card', 'Savings']);
}

async function balanceMinor(vault: string): Promise<string> {
  const result = await cli(vault, ['balance']);
  expect(result.code, result.stderr).toBe(0);
  const accounts = (JSON.parse(result.stdout) as { accounts: { name: string; balance: string }[] }).accounts;
  return accounts.find((a) => a.name === 'Acct')!.balance.replace('.', '');
}

function journalState(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return JSON.stringify([db.prepare('SELECT seq, hex(ciphertext) AS c FROM journal ORDER BY seq').all(), db.prepare('SELECT count(*) AS n FROM snapshots').get()]);
  } finally {
    db.close();
  }
}

interface Expected {
  options?: { mapping?: Record<string, unknown> };
  errors: { line: number; column?: string }[];
  accounts: { count: number; currency?: string; totals: Record<'expense' | 'income' | 'neutral' | 'refund', string> }[];
}

describe('onewallet import', () => {
  test.each(fixtures)('%s: imported once with exact totals, a second time nothing; undo restores the balance', async (fixture) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${fixture}.expected.json`), 'utf8')) as Expected;
    const first = expected.accounts[0]!;
    const currency = first.currency ?? 'CNY';
    const extra: string[] = [];
    if (expected.options?.mapping) {
      const mapping = tmp.file(`${fixture}.mapping.json`);
      writeFileSync(mapping, JSON.stringify(expected.options.mapping));
      extra.push('--mapping', mapping);
    }
    // Fees (WeChat 零钱提现) are their own expense lines; neutral rows are left out by the CLI.
    const parsed = await parseStatement(readFileSync(join(FIXTURES, fixture)), { fileName: fixture, currency, ...(expected.options?.mapping ? { mapping: expected.options.mapping as never } : {}) });
    const rows = parsed.accounts[0]!.rows;
    // QIF [Account] transfers go to the wallet account of that name; the other neutral rows are left out by the CLI.
    const transferNames = [...new Set(rows.flatMap((row) => [row.transferAccount, ...(row.splits ?? []).map((split) => split.transferAccount)]).filter((name): name is string => Boolean(name)))];
    const vault = await walletWith(currency, transferNames);
    const fees = rows.reduce((sum, row) => sum + Number(row.fee ?? 0), 0);
    const recorded = rows.filter((row) => row.kind !== 'neutral' || row.transferAccount);
    // A QIF split transaction is one line per split (zero splits left out).
    const lines = recorded.reduce((sum, row) => sum + (row.splits ? row.splits.filter((split) => split.amountMinor !== '0').length : 1), 0);
    const feeRows = rows.filter((row) => row.fee).length;
    const before = await balanceMinor(vault);
    const run = await cli(vault, ['import', join(FIXTURES, fixture), '--account', 'Acct', ...extra]);
    // A row in another currency than the account's cannot be booked there: the script gets exit 5 and nothing is written.
    const foreign = parsed.accounts[0]!.rows.filter((row) => row.currency && row.currency !== currency);
    if (foreign.length > 0) {
      expect(run.code).toBe(5);
      expect((JSON.parse(run.stdout) as { errors: { row: number; column: string }[] }).errors).toEqual(foreign.map((row) => expect.objectContaining({ row: row.line, column: 'currency' })));
      expect(await balanceMinor(vault)).toBe(before);
      return;
    }
    // A file with a row the parser refused (a QIF split that does not add up) is all or nothing too.
    if (expected.errors.length > 0) {
      expect(run.code).toBe(5);
      expect((JSON.parse(run.stdout) as { errors: { row: number; column: string }[] }).errors).toEqual(expected.errors.map((issue) => expect.objectContaining({ row: issue.line, column: issue.column ?? null })));
      expect(await balanceMinor(vault)).toBe(before);
      return;
    }
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const report = JSON.parse(run.stdout) as { format: string; imported: number; duplicates: number; errors: unknown[]; batchId: string };
    expect(report).toMatchObject({ errors: [], imported: lines + feeRows });
    const { expense, income, refund } = first.totals;
    const transfers = rows.filter((row) => row.kind === 'neutral' && row.transferAccount).reduce((sum, row) => sum + Number(row.amountMinor), 0);
    const delta = Number(expense) + Number(income) + Math.abs(Number(refund)) + transfers - fees;
    expect(Number(await balanceMinor(vault)) - Number(before)).toBe(delta);

    const again = await cli(vault, ['import', join(FIXTURES, fixture), '--account', 'Acct', ...extra]);
    expect(again.code, again.stderr).toBe(0);
    const second = JSON.parse(again.stdout) as { imported: number; duplicates: number; possibleDuplicates: number; batchId: string | null };
    expect(second).toMatchObject({ imported: 0, batchId: null });
    expect(second.duplicates + second.possibleDuplicates).toBe(report.imported);
    expect(Number(await balanceMinor(vault)) - Number(before)).toBe(delta);

    const list = JSON.parse((await cli(vault, ['import', 'list'])).stdout) as { batches: { batchId: string; undone: boolean }[] };
    expect(list.batches).toEqual([expect.objectContaining({ batchId: report.batchId, undone: false })]);
    expect((await cli(vault, ['import', 'undo', report.batchId])).code).toBe(0);
    expect(await balanceMinor(vault)).toBe(before);
  });

  test('a malformed file exits 5 naming row, column and value; the wallet file is unchanged; --dry-run writes nothing', async () => {
    const vault = await walletWith('CNY');
    const bad = tmp.file('bad.csv');
    writeFileSync(bad, 'Date,Payee,Amount\n2024-01-02,Shop,-1.00\n2024-01-03,Shop,12x\n');
    const state = journalState(vault);
    const run = await cli(vault, ['import', bad, '--account', 'Acct']);
    expect(run.code).toBe(5);
    const report = JSON.parse(run.stdout) as { imported: number; batchId: null; errors: { row: number; column: string; message: string }[] };
    expect(report).toMatchObject({ imported: 0, batchId: null });
    expect(report.errors[0]).toMatchObject({ row: 3, column: 'Amount' });
    expect(report.errors[0]!.message).toContain('12x');
    expect(journalState(vault)).toBe(state);

    const human = await cli(vault, ['import', bad, '--account', 'Acct'], false);
    expect(human.code).toBe(5);
    expect(human.stderr).toContain('Row 3');
    const dry = await cli(vault, ['import', join(FIXTURES, 'csv-basic.csv'), '--account', 'Acct', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ imported: 6, batchId: null });
    expect(journalState(vault)).toBe(state);
  });

  test('--mapping carries a category map and QIF transfer accounts by name; an unknown category exits 5 and writes nothing', async () => {
    const vault = await walletWith('CNY', ['Checking', 'Savings', 'Card']);
    expect((await cli(vault, ['category', 'add', 'Food'])).code).toBe(0);
    const file = join(FIXTURES, 'qif-transfers-checking.qif');
    const mapping = tmp.file('categories.mapping.json');
    writeFileSync(mapping, JSON.stringify({ categories: { Dining: 'food' }, transferAccounts: { Visa: 'Card' } }));
    // Without the map, [Visa] names no account: the file is refused, the row named.
    const refused = await cli(vault, ['import', file, '--account', 'Checking']);
    expect(refused.code).toBe(5);
    expect(JSON.parse(refused.stdout).errors).toEqual([expect.objectContaining({ row: 11, column: 'L', message: expect.stringContaining('Visa') })]);
    await expectCheckingImportedWith(vault, mapping);

    writeFileSync(mapping, JSON.stringify({ categories: { Dining: 'No such category' } }));
    const vault2 = await walletWith('CNY', ['Checking', 'Savings', 'Visa']);
    const state = journalState(vault2);
    const bad = await cli(vault2, ['import', file, '--account', 'Checking', '--mapping', mapping]);
    expect(bad.code).toBe(5);
    expect(bad.stdout + bad.stderr).toContain('categories.Dining');
    expect(journalState(vault2)).toBe(state);
  });

  test("the wizard's Export as JSON is a --mapping file: preview matches and choices (accounts by id) import the same rows", async () => {
    const vault = await walletWith('CNY', ['Checking', 'Savings', 'Card']);
    expect((await cli(vault, ['category', 'add', 'Food'])).code).toBe(0);
    const accounts = (JSON.parse((await cli(vault, ['account', 'list'])).stdout) as { accounts: { id: string; name: string }[] }).accounts;
    const id = (name: string) => accounts.find((a) => a.name === name)!.id;
    // The preview matched Savings by name and found nothing for Visa; the person chose Card for it and Food for Dining.
    const exported = mappingFile(
      {},
      { categories: { Dining: 'Food' }, transferAccounts: { Visa: id('Card') } },
      { categories: [{ text: 'Dining', kind: 'expense', rows: 1, categoryId: null }], transferAccounts: [{ name: 'Savings', rows: 1, accountId: id('Savings') }, { name: 'Visa', rows: 1, accountId: null }] },
    );
    expect(JSON.parse(exported)).toEqual({ categories: { Dining: 'Food' }, transferAccounts: { Savings: id('Savings'), Visa: id('Card') } });
    const mapping = tmp.file('exported.mapping.json');
    writeFileSync(mapping, exported);
    await expectCheckingImportedWith(vault, mapping);
  });

  test('usage errors exit 2; an unknown batch exits 5', async () => {
    const vault = await walletWith('CNY');
    expect((await cli(vault, ['import', join(FIXTURES, 'csv-basic.csv')])).code).toBe(2);
    expect((await cli(vault, ['import', join(FIXTURES, 'csv-basic.csv'), '--account', 'Acct', '--format', 'xls'])).code).toBe(2);
    expect((await cli(vault, ['import', 'undo'])).code).toBe(2);
    expect((await cli(vault, ['import', 'undo', 'no-such-batch'])).code).toBe(5);
  });

  test('--statement-account picks the credit card of a bank + card OFX; the closing balance is compared; an unknown one exits 5 naming the accounts and writes nothing', async () => {
    const vault = await walletWith('USD');
    const file = join(FIXTURES, 'ofx-v2-multi.qfx');
    const state = journalState(vault);
    const unknown = await cli(vault, ['import', file, '--account', 'Acct', '--statement-account', '9999'], false);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('4111XXXXXXXX1111');
    expect(unknown.stderr).toContain('111-CHK');
    expect(journalState(vault)).toBe(state);

    // By the card's last four digits: its two charges, -321.09, and its LEDGERBAL -321.09 matches.
    const card = await cli(vault, ['import', file, '--account', 'Acct', '--statement-account', '1111']);
    expect(card.code, card.stderr).toBe(0);
    expect(JSON.parse(card.stdout)).toMatchObject({
      imported: 2,
      statementBalance: { date: '2024-01-31', statementMinor: -32109, walletMinor: -32109, differenceMinor: 0, statementAmount: '-321.09' },
    });
    expect(await balanceMinor(vault)).toBe('-32109');
    // Again, by position (3 = third account): nothing new.
    const again = await cli(vault, ['import', file, '--account', 'Acct', '--statement-account', '3'], false);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 imported, 2 already in the wallet');
    expect(again.stdout).toContain('The statement says -321.09 USD on 2024-01-31; the wallet has -321.09 on that date (difference 0.00).');
    expect(await balanceMinor(vault)).toBe('-32109');
  });

  test('a statement big enough for the parser worker (bundled beside the CLI) is parsed there and imported; the process waits for it', async () => {
    const dir = tmp.file('with-worker');
    const withWorker = await bundleCli(dir);
    await bundleEntry('electron/import/parse-worker.ts', join(dir, 'import-parse-worker.cjs'));
    const vault = await walletWith('CNY');
    const lines = ['Date,Payee,Amount,Transaction ID'];
    for (let i = 0; i < 12_000; i++) lines.push(`2024-05-${String(1 + (i % 28)).padStart(2, '0')},Shop number ${i % 40},-${1 + (i % 90)}.${String(i % 100).padStart(2, '0')},T${i}`);
    const file = tmp.file('big.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(readFileSync(file).length).toBeGreaterThanOrEqual(256 * 1024);
    const run = await runBundled(withWorker, ['--vault', vault, '--json', 'import', file, '--account', 'Acct', '--password-stdin'], { stdin: 'pw\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 12_000, errors: [] });
  }, 240_000);
});

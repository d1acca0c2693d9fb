/**
 * The ledger commands of the `onewallet` CLI, run as a real process from an esbuild bundle against
 * vaults made with the test-only KDF: accounts, transactions, transfers, void/restore, balances as
 * exact decimal strings, idempotent --request-id, and every rejection exits 5 with one sentence and
 * leaves the file's journal and snapshots as they were.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asLedgerProjection, Ledger, ledgerProjectionFactory } from '../../electron/ledger';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { bundleCli, runBundled, seedLedger } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;
let n = 0;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-cli-ledger-');
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => tmp.cleanup());

async function emptyVault(password = 'pw'): Promise<string> {
  const path = tmp.file(`l${n++}.onewallet`);
  const { session } = await createVault(path, { password, testOnlyKdf: TEST_KDF });
  session.lock();
  return path;
}

/** Runs the CLI on `vault` with the password on stdin; `--json` goes first, the command after. */
function cliOn(vault: string, password = 'pw') {
  const run = (args: string[], json = false) => runBundled(bundle, ['--vault', vault, ...(json ? ['--json'] : []), ...args, '--password-stdin'], { stdin: `${password}\n` });
  return {
    run,
    async json<T = Record<string, unknown>>(args: string[]): Promise<T> {
      const result = await run(args, true);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as T;
    },
  };
}

/** What a rejected command must leave alone: every journal row and every snapshot. */
function fileState(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const journal = db.prepare('SELECT seq, hex(ciphertext) AS c FROM journal ORDER BY seq').all();
    const snapshots = db.prepare('SELECT * FROM snapshots').raw(true).all() as unknown[][];
    return JSON.stringify({ journal, snapshots: snapshots.map((row) => row.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))) });
  } finally {
    db.close();
  }
}

describe('onewallet account / tx / balance', () => {
  test('accounts: add (aliases, opening, credit limit), list, freeze with a reason, unfreeze', async () => {
    const vault = await emptyVault();
    const cli = cliOn(vault);
    const cash = await cli.json<{ account: Record<string, unknown> }>(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'cny', '--opening', '12.50']);
    expect(cash.account).toMatchObject({ name: 'Cash', type: 'cash', currency: 'CNY', balance: '12.50', opening: '12.50', frozen: false });
    expect((await cli.json(['account', 'add', '支付宝', '--type', 'alipay', '--currency', 'CNY'])).account).toMatchObject({ type: 'ewallet' });
    // A card in debt: a negative opening balance after a string option is a value, not an option.
    const card = await cli.json(['account', 'add', 'Visa', '--type', 'credit-card', '--currency', 'USD', '--opening', '-300', '--credit-limit', '1000']);
    expect(card.account).toMatchObject({ type: 'credit', balance: '-300.00', creditLimit: '1000.00', available: '700.00' });

    const text = await cli.run(['account', 'add', 'Wallet', '--type', 'wechat', '--currency', 'CNY']);
    expect(text).toMatchObject({ code: 0, stdout: 'Opened “Wallet” with 0.00 CNY.\n', stderr: '' });

    const listed = await cli.json<{ accounts: { name: string; type: string; balance: string }[] }>(['account', 'list']);
    expect(listed.accounts.map((a) => [a.name, a.type, a.balance])).toEqual([
      ['Cash', 'cash', '12.50'],
      ['支付宝', 'ewallet', '0.00'],
      ['Visa', 'credit', '-300.00'],
      ['Wallet', 'ewallet', '0.00'],
    ]);

    expect((await cli.json(['account', 'freeze', 'CASH', '--reason', 'card lost'])).account).toMatchObject({ name: 'Cash', frozen: true, frozenReason: 'card lost' });
    expect((await cli.run(['account', 'list'])).stdout).toMatch(/^Cash .*\[frozen: card lost\]$/m);
    expect((await cli.run(['account', 'unfreeze', 'cash'])).stdout).toBe('“Cash” is no longer frozen.\n');

    // Rejections: same name, unknown type or currency, unknown account to freeze.
    const before = fileState(vault);
    expect(await cli.run(['account', 'add', 'cash', '--type', 'cash', '--currency', 'CNY'])).toMatchObject({ code: 5, stderr: 'An account named “cash” already exists.\n' });
    expect(await cli.run(['account', 'add', 'X', '--type', 'piggybank', '--currency', 'CNY'])).toMatchObject({
      code: 5,
      stderr: '“piggybank” is not an account type; use one of bank, cash, ewallet, credit, savings.\n',
    });
    expect(await cli.run(['account', 'add', 'X', '--type', 'cash', '--currency', 'XYZ'])).toMatchObject({ code: 5, stderr: '“XYZ” is not a currency OneWallet knows.\n' });
    expect(await cli.run(['account', 'freeze', 'Nowhere'])).toMatchObject({ code: 5, stderr: 'There is no open account named “Nowhere”.\n' });
    expect(fileState(vault)).toBe(before);
  });

  test('account edit (name, type, note) and account move; a refused retype exits 5 and changes nothing', async () => {
    const vault = await emptyVault();
    const cli = cliOn(vault);
    await cli.json(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY']);
    await cli.json(['account', 'add', 'Card', '--type', 'credit', '--currency', 'CNY', '--opening', '-20', '--credit-limit', '500']);
    await cli.json(['account', 'add', 'Bank', '--type', 'bank', '--currency', 'CNY']);
    const edited = await cli.json<{ account: Record<string, unknown> }>(['account', 'edit', 'bank', '--name', 'Savings', '--type', 'savings', '--note', '3-month deposit']);
    expect(edited.account).toMatchObject({ name: 'Savings', type: 'savings', note: '3-month deposit' });
    const before = fileState(vault);
    expect(await cli.run(['account', 'edit', 'Card', '--type', 'cash'])).toMatchObject({
      code: 5,
      stderr: 'The card “Card” still owes 20.00 CNY. Pay it off before changing its type, so the debt does not turn into an overdraft.\n',
    });
    expect(fileState(vault)).toBe(before);
    await cli.json(['account', 'move', 'savings', '--to', '1']);
    const listed = await cli.json<{ accounts: { name: string }[] }>(['account', 'list']);
    expect(listed.accounts.map((a) => a.name)).toEqual(['Savings', 'Cash', 'Card']);
    expect(await cli.run(['account', 'move', 'Cash', '--to', '9'])).toMatchObject({ code: 5 });
  });

  test('tx add / transfer / list / void / restore, and balance --json as exact strings (JPY 0 decimals, KWD 3)', async () => {
    const vault = await emptyVault();
    const cli = cliOn(vault);
    await cli.json(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY', '--opening', '100']);
    await cli.json(['account', 'add', 'Alipay', '--type', 'ewallet', '--currency', 'CNY']);
    await cli.json(['account', 'add', 'Yen', '--type', 'bank', '--currency', 'JPY', '--opening', '5000']);
    await cli.json(['account', 'add', 'Dinar', '--type', 'savings', '--currency', 'KWD', '--opening', '1.005']);
    await cli.json(['category', 'add', 'Food']);
    await cli.json(['category', 'add', 'Coffee', '--parent', 'food']);

    const coffee = await cli.json<{ transaction: Record<string, unknown> }>(['tx', 'add', '--account', 'cash', '--amount', '12.5', '--payee', 'Luckin', '--category', 'coffee', '--date', '2025-03-03', '--note', 'latte']);
    expect(coffee.transaction).toMatchObject({ account: 'Cash', kind: 'expense', amount: '-12.50', currency: 'CNY', payee: 'Luckin', category: 'Food/Coffee', date: '2025-03-03', note: 'latte', voided: false });
    const salary = await cli.json(['tx', 'add', '--account', 'Yen', '--amount', '1200', '--income', '--payee', 'Salary', '--date', '2025-03-04']);
    expect(salary.transaction).toMatchObject({ kind: 'income', amount: '1200', currency: 'JPY' });
    await cli.json(['tx', 'add', '--account', 'Dinar', '--amount', '0.250', '--date', '2025-03-05']);

    const transfer = await cli.json<{ transactions: { account: string; amount: string; counterAccount: string }[] }>(['tx', 'transfer', '--from', 'Cash', '--to', 'Alipay', '--amount', '20', '--date', '2025-03-06']);
    expect(transfer.transactions.map((t) => [t.account, t.amount, t.counterAccount])).toEqual([
      ['Cash', '-20.00', 'Alipay'],
      ['Alipay', '20.00', 'Cash'],
    ]);
    const fx = await cli.json<{ transactions: { amount: string }[] }>(['tx', 'transfer', '--from', 'cash', '--to', 'yen', '--amount', '10', '--to-amount', '210', '--date', '2025-03-07']);
    expect(fx.transactions.map((t) => t.amount)).toEqual(['-10.00', '210']);

    expect(await cli.json(['balance'])).toEqual({
      accounts: [
        { name: 'Cash', currency: 'CNY', balance: '57.50' },
        { name: 'Alipay', currency: 'CNY', balance: '20.00' },
        { name: 'Yen', currency: 'JPY', balance: '6410' },
        { name: 'Dinar', currency: 'KWD', balance: '0.755' },
      ],
      totals: { CNY: '77.50', JPY: '6410', KWD: '0.755' },
    });

    const listed = await cli.json<{ total: number; transactions: { id: string; payee: string; amount: string }[] }>(['tx', 'list', '--account', 'cash']);
    expect(listed.total).toBe(3);
    expect(listed.transactions.map((t) => t.amount)).toEqual(['-10.00', '-20.00', '-12.50']);
    expect((await cli.json<{ total: number }>(['tx', 'list', '--search', 'luck'])).total).toBe(1);
    expect((await cli.json<{ total: number }>(['tx', 'list', '--from', '2025-03-04', '--to', '2025-03-05'])).total).toBe(2);
    expect((await cli.json<{ transactions: unknown[] }>(['tx', 'list', '--limit', '2'])).transactions).toHaveLength(2);
    const textList = await cli.run(['tx', 'list', '--account', 'Cash', '--limit', '1']);
    expect(textList.stdout).toMatch(/^[0-9a-f]{8} {2}2025-03-07 {2}Cash .* -10\.00 CNY {2}→ Yen\nShowing 1 of 3; use --limit or narrow the search\.\n$/);

    // Void by a unique id prefix, as `tx list` prints it; the balance follows; restore brings it back.
    const id = coffee.transaction.id as string;
    const voided = await cli.json<{ transaction: Record<string, unknown> }>(['tx', 'void', id.slice(0, 8)]);
    expect(voided.transaction).toMatchObject({ id, voided: true });
    expect((await cli.json<{ accounts: { balance: string }[] }>(['balance'])).accounts[0]!.balance).toBe('70.00');
    expect((await cli.json<{ transactions: { id: string }[] }>(['tx', 'list', '--deleted'])).transactions.map((t) => t.id)).toEqual([id]);
    expect(await cli.run(['tx', 'void', id])).toMatchObject({ code: 5, stderr: 'That transaction was deleted. Restore it first.\n' });
    expect((await cli.json<{ transaction: Record<string, unknown> }>(['tx', 'restore', id])).transaction).toMatchObject({ voided: false });
    expect((await cli.json<{ accounts: { balance: string }[] }>(['balance'])).accounts[0]!.balance).toBe('57.50');
    expect(await cli.run(['tx', 'restore', 'ffffffff'])).toMatchObject({ code: 5, stderr: 'There is no transaction with the id “ffffffff”.\n' });

    // Voiding either leg of a transfer voids both.
    const leg = (await cli.json<{ transactions: { id: string; account: string }[] }>(['tx', 'list', '--account', 'alipay'])).transactions[0]!;
    await cli.json(['tx', 'void', leg.id]);
    expect(await cli.json(['balance'])).toMatchObject({ totals: { CNY: '77.50' }, accounts: [{ balance: '77.50' }, { balance: '0.00' }, {}, {}] });

    // Every command above went through the ledger projection that verify rebuilds and compares.
    expect(await cli.json(['verify'])).toEqual({ ok: true, problems: [], events: 14 });
  });

  test('--request-id: the same id twice records once and prints the same result', async () => {
    const vault = await emptyVault();
    const cli = cliOn(vault);
    await cli.json(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY', '--opening', '50']);
    const args = ['tx', 'add', '--account', 'Cash', '--amount', '9.90', '--payee', 'Noodles', '--request-id', 'receipt-0042'];
    const first = await cli.run(args, true);
    const before = fileState(vault);
    const again = await cli.run(args, true);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(again).toMatchObject({ code: 0, stdout: first.stdout, stderr: 'Request receipt-0042 was already recorded; nothing new was written.\n' });
    expect(fileState(vault)).toBe(before);
    // With different details, a repeated id is refused: the first result would hide that this command never ran.
    expect(await cli.run(['tx', 'add', '--account', 'Cash', '--amount', '1', '--request-id', 'receipt-0042'], true)).toMatchObject({
      code: 5,
      stdout: '',
      stderr: 'The request id “receipt-0042” was already used for a different command; nothing was recorded. Use a new request id.\n',
    });
    expect(await cli.json(['balance'])).toMatchObject({ totals: { CNY: '40.10' } });
    expect((await cli.json<{ total: number }>(['tx', 'list'])).total).toBe(1);
  });

  test('each rejection exits 5 with one sentence and writes nothing', async () => {
    const vault = await emptyVault();
    const cli = cliOn(vault);
    await cli.json(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY', '--opening', '10']);
    await cli.json(['account', 'add', 'Frozen', '--type', 'bank', '--currency', 'CNY', '--opening', '10']);
    await cli.json(['account', 'add', 'Yen', '--type', 'bank', '--currency', 'JPY']);
    await cli.json(['account', 'freeze', 'Frozen']);
    await cli.json(['balance']); // leaves a snapshot at the head, so a read-only run writes nothing either
    const before = fileState(vault);
    const cases: [string[], string][] = [
      [['tx', 'add', '--account', 'Frozen', '--amount', '1'], 'The account “Frozen” is frozen. Unfreeze it first.'],
      [['tx', 'add', '--account', 'Cash', '--amount', '10.01'], 'Not enough money in “Cash”: 10.00 CNY available, including any credit or overdraft.'],
      [['tx', 'add', '--account', 'Cash', '--amount', '0.001'], 'CNY amounts have at most 2 decimal places.'],
      [['tx', 'add', '--account', 'Yen', '--amount', '1.5', '--income'], 'JPY amounts have at most 0 decimal places.'],
      [['tx', 'add', '--account', 'Nowhere', '--amount', '1'], 'There is no open account named “Nowhere”.'],
      [['tx', 'add', '--account', 'Cash', '--amount', '0'], 'The amount cannot be zero.'],
      [['tx', 'add', '--account', 'Cash', '--amount', '-5'], 'Write the amount without a minus sign: tx add records an expense by default, and --income records money received.'],
      [['tx', 'add', '--account', 'Cash', '--amount', 'ten'], '“ten” is not an amount. Type digits, for example 12.50.'],
      [['tx', 'add', '--account', 'Cash', '--amount', '1', '--date', '2025-02-30'], '“2025-02-30” is not a date. Use YYYY-MM-DD.'],
      [['tx', 'add', '--account', 'Cash', '--amount', '1', '--category', 'Rent'], 'There is no expense category named “Rent”; add it with onewallet category add.'],
      [['tx', 'transfer', '--from', 'Cash', '--to', 'Frozen', '--amount', '1'], 'The account “Frozen” is frozen. Unfreeze it first.'],
      [['tx', 'transfer', '--from', 'Cash', '--to', 'Yen', '--amount', '1'], 'The accounts use different currencies: enter the amount received in JPY.'],
      [['tx', 'transfer', '--from', 'Cash', '--to', 'Cash', '--amount', '1'], 'Choose two different accounts for a transfer.'],
      [['tx', 'list', '--limit', 'lots'], '“lots” is not a valid --limit; use a whole number from 1 to 1000.'],
      [['account', 'freeze', 'Frozen'], 'The account “Frozen” is already frozen.'],
    ];
    for (const [args, sentence] of cases) {
      const run = await cli.run(args);
      expect({ args, code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ args, code: 5, stderr: `${sentence}\n`, stdout: '' });
    }
    expect(fileState(vault)).toBe(before);
  });

  test('usage mistakes exit 2 with the message and the command usage; per-command help lists every option', async () => {
    const vault = await emptyVault();
    const cli = cliOn(vault);
    expect(await cli.run(['tx', 'add', '--amount', '3'])).toMatchObject({
      code: 2,
      stderr: 'The option --account is required.\nUsage: onewallet tx add --account NAME --amount X [--income] [--category NAME] [--payee TEXT] [--date YYYY-MM-DD] [--note TEXT] [--request-id ID]\n',
    });
    expect((await cli.run(['tx', 'add', '--account', 'A', '--amount', '1', '--colour', 'red'])).stderr).toMatch(/^Unknown option --colour\.\nUsage: onewallet tx add /);
    expect((await cli.run(['tx', 'add', '--account'])).stderr).toMatch(/^The option --account needs a value\.\n/);
    expect((await cli.run(['account', 'add'])).stderr).toMatch(/^An argument is missing\.\nUsage: onewallet account add NAME --type T --currency C/);
    const noAction = await cli.run(['account']);
    expect(noAction.code).toBe(2);
    expect(noAction.stderr.split('\n').slice(0, 3)).toEqual(['"account" needs an action.', expect.stringMatching(/^Usage: onewallet account add /), '       onewallet account list']);
    expect((await cli.run(['tx', 'frob'])).stderr).toMatch(/^"tx frob" is not a command\./);
    expect((await cli.run(['balance', 'extra'])).code).toBe(2);
    // Secrets never as arguments.
    expect((await cli.run(['balance', '--password', 'pw'])).code).toBe(2);

    const help = await runBundled(bundle, ['tx', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--account NAME', '--amount X', '--income', '--category', '--payee', '--date', '--note', '--request-id', '--to-amount', '--search', '--limit', '--deleted', 'tx void ID', 'tx restore ID']) {
      expect(help.stdout).toContain(option);
    }
    const addHelp = await runBundled(bundle, ['tx', 'add', '--help']);
    expect(addHelp.stdout).toContain('record money received (default: an expense)');
    expect(addHelp.stdout).not.toContain('tx transfer');

    const all = await runBundled(bundle, ['--help']);
    for (const word of ['account add NAME --type T --currency C [--opening X] [--credit-limit X]', 'account freeze NAME [--reason TEXT]', 'account unfreeze NAME', 'account list', 'tx transfer --from NAME --to NAME --amount X [--to-amount Y]', 'tx list [--account NAME] [--search TEXT] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]', 'balance', 'backup create [--dir DIR]', 'restore FILE [--merge] [--dry-run]', 'export --format csv|json --out FILE']) {
      expect(all.stdout).toContain(word);
    }
  });

  test('wrong password exits 3; a tampered vault exits 4; nothing is written either way', async () => {
    const path = tmp.file(`t${n++}.onewallet`);
    const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
    await seedLedger(session, 8);
    session.lock();
    expect(await cliOn(path, 'nope').run(['balance'])).toMatchObject({ code: 3, stderr: 'The password is not right.\n', stdout: '' });

    const raw = new Database(path);
    const ct = (raw.prepare('SELECT ciphertext FROM journal WHERE seq = 5').get() as { ciphertext: Buffer }).ciphertext;
    ct[10] = (ct[10] ?? 0) ^ 0x40;
    raw.prepare('UPDATE journal SET ciphertext = ? WHERE seq = 5').run(ct);
    raw.close();
    const before = fileState(path);
    const tampered = await cliOn(path).run(['tx', 'add', '--account', 'Cash', '--amount', '1']);
    expect(tampered).toMatchObject({ code: 4, stdout: '' });
    // (After the note about the earlier wrong password.)
    expect(tampered.stderr).toMatch(/\nEvent 5 does not fit the chain: it was changed, moved or replaced\.\n$/);
    expect((await cliOn(path).run(['balance'])).code).toBe(4);
    expect(fileState(path)).toBe(before);
  });

  test('verify compares the rebuilt ledger with the snapshot path: a snapshot that disagrees exits 4', async () => {
    const path = tmp.file(`s${n++}.onewallet`);
    const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
    await seedLedger(session, 6);
    // A snapshot claiming to cover the head while it holds one event less: what a buggy fold would save.
    const partial = ledgerProjectionFactory.empty();
    for (const event of session.events()) if (event.seq < 6) partial.apply(event.seq, event.payload);
    // saveSnapshot refuses a projection whose last seq is not the covered one (snapshot_stale), so
    // the buggy fold is one that does not say how far it got.
    session.saveSnapshot({ apply: () => undefined, serialize: () => partial.serialize(), digest: () => partial.digest(), close: () => undefined }, 6);
    partial.close();
    session.lock();
    const run = await cliOn(path).run(['verify'], true);
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, problems: [{ where: 'snapshot' }] });

    // And the CLI's own snapshots agree with the rebuild, including after replaying later events.
    const good = await emptyVault();
    const cli = cliOn(good);
    await cli.json(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY', '--opening', '5']);
    const { session: direct } = await openVault(good).unlock({ password: 'pw' });
    const projection = asLedgerProjection(await direct.loadProjection(ledgerProjectionFactory));
    new Ledger({ sink: direct, projection }).execute({ type: 'recordTransaction', requestId: 'direct', kind: 'income', accountId: projection.openAccountByName('cash')!.id, amount: '1', currency: 'CNY', date: '2025-01-01' });
    projection.close();
    direct.lock();
    expect(await cli.json(['balance'])).toMatchObject({ totals: { CNY: '6.00' } });
    const snapshots = new Database(good, { readonly: true });
    const covered = (snapshots.prepare('SELECT covers_seq FROM snapshots').all() as { covers_seq: number }[]).map((row) => row.covers_seq);
    snapshots.close();
    // One snapshot is kept (vault/FORMAT.md): the CLI's, saved after it replayed the direct event.
    expect(covered).toEqual([2]);
    expect(await cli.json(['verify'])).toEqual({ ok: true, problems: [], events: 2 });
  });
});

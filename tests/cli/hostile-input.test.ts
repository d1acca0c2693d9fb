/**
 * Odd input to the CLI, each answered with one translated sentence and a defined exit code, and
 * nothing changed: key files that are devices, folders or huge; a wallet path in a folder that
 * does not exist.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asLedgerProjection, ledgerProjectionFactory } from '../../electron/ledger';
import { decide, LedgerCommand } from '../../electron/ledger/commands';
import { createVault, vaultReady } from '../../electron/vault';
import { makeWallet, PASSWORD, runCli } from '../faults/support';
import { tempDir, TEST_KDF } from '../vault/support/helpers';
import { bundleCli } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;
let vault: string;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-cli-hostile-');
  bundle = await bundleCli(tmp.dir);
  vault = tmp.file('w.onewallet');
  await makeWallet(vault);
});
afterAll(() => tmp.cleanup());

describe('--key-file', () => {
  it('refuses /dev/zero, a folder and a FIFO without reading them, and a file over 1 MiB while reading it', async () => {
    const big = tmp.file('big.key');
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 7));
    const folder = tmp.file('key-folder');
    mkdirSync(folder);
    const fifo = tmp.file('key.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [path, message] of [
      ['/dev/zero', '/dev/zero is not a regular file (a device, pipe or folder cannot be used here).'],
      [folder, `${folder} is not a regular file (a device, pipe or folder cannot be used here).`],
      [fifo, `${fifo} is not a regular file (a device, pipe or folder cannot be used here).`],
      [big, `${big} is too large: at most 1048576 bytes are read.`],
      [tmp.file('missing.key'), `Nothing was found at ${tmp.file('missing.key')}.`],
    ] as const) {
      const run = await runCli(bundle, ['--vault', vault, '--password-stdin', '--key-file', path, 'verify']);
      expect({ path, code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ path, code: 5, stderr: `${message}\n`, stdout: '' });
    }
  });
});

describe('known OS errors name the path and exit 5', () => {
  it('--vault in a folder that does not exist, or under a file', async () => {
    const before = readdirSync(tmp.dir).sort();
    const missing = await runCli(bundle, ['--vault', '/nodir-onewallet-test/w.onewallet', '--password-stdin', 'init'], { stdin: 'a long enough password\n' });
    expect(missing).toMatchObject({ code: 5, stdout: '', stderr: 'The folder /nodir-onewallet-test does not exist.\n' });
    const underFile = await runCli(bundle, ['--vault', `${vault}/inner.onewallet`, '--password-stdin', 'verify']);
    expect(underFile).toMatchObject({ code: 5, stderr: `A part of ${vault} is a file where a folder is needed.\n` });
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
  });
});

describe('one new-password policy (shared/password-policy.ts)', () => {
  it('passwd, init and recover refuse a new password under 8 characters; the old one keeps working', async () => {
    const passwd = await runCli(bundle, ['--vault', vault, '--password-stdin', 'passwd'], { stdin: `${PASSWORD}\nx\n` });
    expect(passwd).toMatchObject({ code: 5, stdout: '', stderr: 'The new password needs at least 8 characters.\n' });
    // Four emoji are 8 UTF-16 units but 4 characters.
    const emoji = await runCli(bundle, ['--vault', vault, '--password-stdin', 'passwd'], { stdin: `${PASSWORD}\n😀😀😀😀\n` });
    expect(emoji.code).toBe(5);
    expect((await runCli(bundle, ['--vault', vault, '--password-stdin', 'verify'])).code).toBe(0);

    const fresh = tmp.file('short.onewallet');
    const init = await runCli(bundle, ['--vault', fresh, '--password-stdin', 'init'], { stdin: 'short\n' });
    expect(init).toMatchObject({ code: 5, stderr: 'The new password needs at least 8 characters.\n' });
    expect(existsSync(fresh)).toBe(false);

    const recover = await runCli(bundle, ['--vault', vault, '--password-stdin', 'recover'], { stdin: 'AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA\nshort\n' });
    expect(recover).toMatchObject({ code: 5, stderr: 'The new password needs at least 8 characters.\n' });
  });
});

describe('account floors through the CLI', () => {
  it('account add --type cash --opening -500 is refused (exit 5) and records nothing', async () => {
    const run = await runCli(bundle, ['--vault', vault, '--password-stdin', 'account', 'add', 'Pocket', '--type', 'cash', '--currency', 'CNY', '--opening', '-500']);
    expect(run).toMatchObject({ code: 5, stdout: '' });
    expect(run.stderr).toBe('“Pocket” cannot start at -500.00 CNY: its lowest allowed balance is 0.00 CNY (set a credit limit or overdraft to open it in debt).\n');
    const list = await runCli(bundle, ['--vault', vault, '--password-stdin', '--json', 'account', 'list']);
    expect(list.stdout).not.toContain('Pocket');
  });
});

describe('--request-id', () => {
  it('the same id with the same command records once; with a different command it is refused (exit 5)', async () => {
    const args = ['--vault', vault, '--password-stdin', '--json', 'tx', 'add', '--account', 'Cash', '--amount', '4.00', '--payee', 'Once', '--date', '2025-03-02', '--request-id', 'cli-req-1'];
    const first = await runCli(bundle, args);
    expect(first.code).toBe(0);
    const again = await runCli(bundle, args);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const other = await runCli(bundle, args.map((arg) => (arg === '4.00' ? '400.00' : arg)));
    expect(other).toMatchObject({ code: 5, stdout: '' });
    expect(other.stderr).toBe('The request id “cli-req-1” was already used for a different command; nothing was recorded. Use a new request id.\n');
    const list = await runCli(bundle, ['--vault', vault, '--password-stdin', '--json', 'tx', 'list', '--search', 'Once']);
    expect((JSON.parse(list.stdout) as { transactions: unknown[] }).transactions).toHaveLength(1);
  });
});

describe('stored text on the terminal', () => {
  it('tx list shows ANSI escapes written by an older version as text, never as escapes', async () => {
    const path = tmp.file('ansi.onewallet');
    const { session } = await createVault(path, { password: PASSWORD, testOnlyKdf: TEST_KDF });
    const projection = asLedgerProjection(await session.loadProjection(ledgerProjectionFactory));
    const ctx = { now: new Date('2025-03-01T00:00:00Z'), newId: randomUUID, today: '2025-03-01' };
    // decide() without Ledger.execute: what a version before the text rules could have stored.
    const write = (command: unknown) => {
      const events = decide(projection, LedgerCommand.parse(command), ctx);
      session.append(events).forEach(({ seq }, i) => projection.apply(seq, events[i]));
      return events[0] as { accountId?: string };
    };
    const { accountId } = write({ type: 'openAccount', requestId: 'a', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '10' });
    write({ type: 'recordTransaction', requestId: 'b', kind: 'expense', accountId, amount: '1', currency: 'CNY', date: '2025-03-01', payee: 'Evil\u001b[2J\u001b[31mRed', note: 'two\nlines' });
    projection.close();
    session.lock();

    const run = await runCli(bundle, ['--vault', path, '--password-stdin', 'tx', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\u001b/);
    expect(run.stdout).toContain('Evil\\e[2J\\e[31mRed · two\\nlines');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const json = await runCli(bundle, ['--vault', path, '--password-stdin', '--json', 'tx', 'list']);
    expect((JSON.parse(json.stdout) as { transactions: Array<{ payee: string }> }).transactions[0]?.payee).toBe('Evil\u001b[2J\u001b[31mRed');
  });
});

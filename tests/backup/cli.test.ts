/**
 * The backup CLI commands, run directly (registration in the CLI's command list is the lead's):
 * JSON shapes, exit codes, and the merge dry run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backupCommands } from '../../electron/cli/commands/backup';
import { CliContext } from '../../electron/cli/context';
import { exitCodeFor, isDomainError } from '../../shared/errors';
import { newWallet, tempDir, type TestWallet } from './support/wallet';

async function cli(vault: string, args: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
  const ctx = new CliContext({ stdin: new PassThrough(), stdout, stderr, env: { ONEWALLET_PASSWORD: 'correct horse 马', ...env } }, { vault, json: true, passwordStdin: false });
  const [name, ...rest] = args;
  const command = backupCommands.find((c) => c.name === name)!;
  let code: number;
  try {
    code = await command.run(ctx, rest);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    code = exitCodeFor(error.code);
  }
  const text = chunks.join('').trim();
  return { code, json: text ? (JSON.parse(text.split('\n').at(-1)!) as Record<string, unknown>) : null };
}

describe('backup CLI', () => {
  const tmp = tempDir();
  const vault = join(tmp.dir, 'cli.onewallet');
  const dir = join(tmp.dir, 'b');
  let wallet: TestWallet;
  beforeAll(async () => {
    mkdirSync(dir);
    wallet = await newWallet(vault);
    const a = wallet.account('A');
    wallet.spend(a, '3.00', '2025-03-03');
    wallet.close();
  });
  afterAll(() => tmp.cleanup());

  test('create → verify → merge dry run → export; damaged file exits 4', async () => {
    const created = await cli(vault, ['backup', 'create', '--dir', dir]);
    expect(created).toMatchObject({ code: 0, json: { verified: true, events: 2 } });
    const path = String(created.json!.path);
    expect(await cli(vault, ['backup', 'list', '--dir', dir])).toMatchObject({ code: 0 });
    expect(await cli(vault, ['backup', 'verify', path])).toMatchObject({ code: 0, json: { ok: true, events: 2 } });
    expect(await cli(vault, ['backup', 'verify', path], { ONEWALLET_PASSWORD: 'wrong' })).toMatchObject({ code: 3 });

    // The wallet has everything its own backup has.
    expect(await cli(vault, ['restore', path, '--merge', '--dry-run'])).toMatchObject({ code: 0, json: { missingEvents: 0, missingTransactions: 0, missingAccounts: 0 } });

    const other = await newWallet(join(tmp.dir, 'other.onewallet'), 'other');
    other.close();
    expect(await cli(join(tmp.dir, 'other.onewallet'), ['restore', path, '--merge', '--dry-run'], { ONEWALLET_PASSWORD: 'other', ONEWALLET_BACKUP_PASSWORD: 'correct horse 马' })).toMatchObject({
      code: 0,
      json: { missingEvents: 2, missingTransactions: 1, missingAccounts: 1 },
    });

    const csv = join(tmp.dir, 'out.csv');
    expect(await cli(vault, ['export', '--format', 'csv', '--out', csv])).toMatchObject({ code: 0, json: { count: 1, encrypted: false } });
    expect(readFileSync(csv, 'utf8')).toContain('-3.00,CNY');

    const bytes = readFileSync(path);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(join(tmp.dir, 'bad.owbackup'), bytes);
    expect((await cli(vault, ['backup', 'verify', join(tmp.dir, 'bad.owbackup')])).code).toBe(4);
    expect((await cli(vault, ['restore', join(tmp.dir, 'bad.owbackup')], { ONEWALLET_BACKUP_PASSWORD: 'correct horse 马' })).code).toBe(4);
  });
});

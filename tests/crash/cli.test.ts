/** `onewallet crash list|show|export` as a real child process, reading the store the app writes. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CrashReporter } from '../../electron/crash/reporter';
import { bundleCli, runBundled } from '../cli/support';

let dir: string;
let cli: string;
let ids: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-crash-cli-'));
  cli = await bundleCli(join(dir, 'bin'));
  const reporter = new CrashReporter({ dataDir: join(dir, 'data'), appVersion: '1.0.0' });
  ids = ['first', 'second'].map((label) => reporter.capture({ process: 'engine', kind: 'unhandledRejection', error: new Error(`${label} failure`) })!.id);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('lists, shows and exports the reports; bad input has a clear message, its exit code, and writes nothing', async () => {
  const data = join(dir, 'data');
  const listed = await runBundled(cli, ['crash', 'list', '--data-dir', data]);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain('second failure');
  expect(listed.stdout.indexOf(ids[1]!)).toBeLessThan(listed.stdout.indexOf(ids[0]!)); // newest first

  // The data folder found from --vault (a wallet inside data/wallets/).
  mkdirSync(join(data, 'wallets'), { recursive: true });
  const viaVault = await runBundled(cli, ['--vault', join(data, 'wallets', 'w.onewallet'), '--json', 'crash', 'list']);
  expect(JSON.parse(viaVault.stdout).map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());

  const shown = await runBundled(cli, ['--json', 'crash', 'show', ids[0]!, '--data-dir', data]);
  expect(shown.code).toBe(0);
  expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(readFileSync(join(data, 'crashes', `${ids[0]}.json`), 'utf8')));

  const out = join(dir, 'bundle.json');
  const exported = await runBundled(cli, ['crash', 'export', '--out', out, '--data-dir', data]);
  expect(exported.code).toBe(0);
  expect(exported.stdout).toContain('Exported 2 crash reports');
  const bundle = JSON.parse(readFileSync(out, 'utf8'));
  expect(bundle).toMatchObject({ format: 'onewallet-crash-bundle', diagnostics: null });
  expect(bundle.reports).toHaveLength(2);

  const unknown = await runBundled(cli, ['crash', 'show', 'no-such-report', '--data-dir', data]);
  expect([unknown.code, unknown.stderr.trim()]).toEqual([5, 'That crash report no longer exists.']);
  writeFileSync(join(dir, 'taken.json'), 'keep me');
  const taken = await runBundled(cli, ['crash', 'export', '--out', join(dir, 'taken.json'), '--data-dir', data]);
  expect(taken.code).toBe(5);
  expect(readFileSync(join(dir, 'taken.json'), 'utf8')).toBe('keep me');
  // A folder that is really a file: the shared file-error sentence naming the path, exit 5.
  const blocked = join(dir, 'taken.json', 'bundle.json');
  const intoFile = await runBundled(cli, ['crash', 'export', '--out', blocked, '--data-dir', data]);
  expect([intoFile.code, intoFile.stderr.trim()]).toEqual([5, `A part of ${blocked} is a file where a folder is needed.`]);
  const noDir = await runBundled(cli, ['crash', 'list']);
  expect(noDir.code).toBe(2);
  expect(noDir.stderr).toContain('--data-dir');
  const noOut = await runBundled(cli, ['crash', 'export', '--data-dir', data]);
  expect(noOut.code).toBe(2);
  expect(existsSync(join(data, 'crashes'))).toBe(true);
});

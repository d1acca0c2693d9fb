/** The backup folder turned into a file (or sitting under one), and exports into such places. */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultReady } from '../../electron/vault';
import { bundleCli } from '../cli/support';
import { tempDir } from '../vault/support/helpers';
import { makeWallet, runCli, verifiedPayees } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-faults-folder-');
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => tmp.cleanup());

describe('backup folder is a file', () => {
  it('backup create --dir FILE, --dir FILE/sub and a default "backups" that is a file: a precise sentence, exit 5, wallet intact', async () => {
    const vault = tmp.file('w.onewallet');
    await makeWallet(vault);
    const file = tmp.file('not-a-folder');
    writeFileSync(file, 'x');
    const before = readdirSync(tmp.dir).sort();

    const direct = await runCli(bundle, ['--vault', vault, '--password-stdin', 'backup', 'create', '--dir', file]);
    expect(direct).toMatchObject({ code: 5, stdout: '' });
    expect(direct.stderr).toBe(`${file} is a file, not a folder. Choose a folder for backups. Your wallet is unchanged.\n`);

    const under = await runCli(bundle, ['--vault', vault, '--password-stdin', 'backup', 'create', '--dir', join(file, 'sub')]);
    expect(under.code).toBe(5);
    expect(under.stderr).toBe(`A part of ${join(file, 'sub')} is a file, not a folder. Choose a folder for backups. Your wallet is unchanged.\n`);

    writeFileSync(tmp.file('backups'), 'x');
    const defaultDir = await runCli(bundle, ['--vault', vault, '--password-stdin', 'backup', 'create']);
    expect(defaultDir.code).toBe(5);
    expect(defaultDir.stderr).toBe(`${tmp.file('backups')} is a file, not a folder. Choose a folder for backups. Your wallet is unchanged.\n`);
    rmSync(tmp.file('backups'));

    expect(readdirSync(tmp.dir).sort()).toEqual(before);
    expect(await verifiedPayees(bundle, vault)).toHaveLength(2);
  });

  it('export into a file-as-folder or onto a folder says "export", not "backup"', async () => {
    const vault = tmp.file('e.onewallet');
    await makeWallet(vault);
    const file = tmp.file('plain-file');
    writeFileSync(file, 'x');
    const under = await runCli(bundle, ['--vault', vault, '--password-stdin', 'export', '--format', 'csv', '--out', join(file, 'x.csv')]);
    expect(under).toMatchObject({ code: 5, stdout: '', stderr: `${file} is not a folder. The export was not written.\n` });
    const missing = await runCli(bundle, ['--vault', vault, '--password-stdin', 'export', '--format', 'csv', '--out', tmp.file('nowhere/x.csv')]);
    expect(missing).toMatchObject({ code: 5, stderr: `The folder ${tmp.file('nowhere')} does not exist. The export was not written.\n` });
    const ontoFolder = await runCli(bundle, ['--vault', vault, '--password-stdin', 'export', '--format', 'json', '--out', tmp.dir]);
    expect(ontoFolder).toMatchObject({ code: 5, stderr: `${tmp.dir} is a folder; give the export a file name.\n` });
    expect(readdirSync(tmp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await verifiedPayees(bundle, vault)).toHaveLength(2);
  });
});

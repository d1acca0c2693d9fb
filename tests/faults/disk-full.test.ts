/**
 * A real full disk: a small tmpfs filled to the last byte. `init`, a ledger write and a backup on
 * it must each end with the disk-full sentence naming the path and exit 5; what was acknowledged
 * before stays, and after space is freed the wallet verifies. Skipped, with a printed reason,
 * where tmpfs cannot be mounted (not root, no mount namespace).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultReady } from '../../electron/vault';
import { bundleCli } from '../cli/support';
import { tempDir } from '../vault/support/helpers';
import { fillDisk, makeWallet, mountTmpfs, runCli, verifiedPayees } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;
let disk: ReturnType<typeof mountTmpfs>;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-faults-full-');
  bundle = await bundleCli(tmp.dir);
  disk = mountTmpfs(tmp.dir, '4m');
  if ('skip' in disk) console.warn(disk.skip);
});
afterAll(() => {
  if (disk && 'unmount' in disk) disk.unmount();
  tmp.cleanup();
});

const mounted = () => (disk && 'dir' in disk ? disk.dir : null);

describe('disk full', () => {
  it('init on a full disk: the disk-full sentence naming the wallet, exit 5, no file left behind', async (context) => {
    const dir = mounted();
    if (!dir) return context.skip();
    const sub = join(dir, 'init');
    mkdirSync(sub);
    const filler = fillDisk(dir);
    try {
      const vault = join(sub, 'w.onewallet');
      const run = await runCli(bundle, ['--vault', vault, '--password-stdin', 'init'], { stdin: 'a long enough password\n' });
      expect(run).toMatchObject({ code: 5, stdout: '' });
      expect(run.stderr).toBe(`The disk holding ${vault} is full.\n`);
      expect(readdirSync(sub)).toEqual([]);
    } finally {
      rmSync(filler, { force: true });
    }
  });

  it('a ledger write and a backup on a full disk fail clearly; every acknowledged write survives', async (context) => {
    const dir = mounted();
    if (!dir) return context.skip();
    const vault = join(dir, 'w.onewallet');
    await makeWallet(vault);
    const ok = await runCli(bundle, ['--vault', vault, '--password-stdin', 'tx', 'add', '--account', 'Cash', '--amount', '1', '--payee', 'Before the disk filled']);
    expect(ok.code).toBe(0);
    mkdirSync(join(dir, 'backups'));

    const filler = fillDisk(dir);
    try {
      const acknowledged: string[] = [];
      // Small writes may still fit in pages SQLite already has; write until the disk refuses one.
      let refused: Awaited<ReturnType<typeof runCli>> | null = null;
      for (let i = 0; i < 50 && !refused; i++) {
        const run = await runCli(bundle, ['--vault', vault, '--password-stdin', 'tx', 'add', '--account', 'Cash', '--amount', '1', '--payee', `Full ${i} ${'x'.repeat(150)}`]);
        if (run.code === 0) acknowledged.push(`Full ${i} ${'x'.repeat(150)}`);
        else refused = run;
      }
      expect(refused).not.toBeNull();
      expect(refused!.code).toBe(5);
      expect(refused!.stderr).toBe(`The disk holding ${vault} is full.\n`);

      // The backup folder on the full disk, the wallet elsewhere (a wallet on a full disk cannot even record an unlock).
      const elsewhere = tmp.file('elsewhere.onewallet');
      if (!existsSync(elsewhere)) await makeWallet(elsewhere);
      const backup = await runCli(bundle, ['--vault', elsewhere, '--password-stdin', 'backup', 'create', '--dir', join(dir, 'backups')]);
      expect(backup.code).toBe(5);
      expect(backup.stderr).toBe(`The disk holding ${join(dir, 'backups')} is full. The backup was not written; your wallet is unchanged.\n`);
      expect(readdirSync(join(dir, 'backups'))).toEqual([]);

      rmSync(filler);
      const payees = await verifiedPayees(bundle, vault);
      expect(payees).toContain('Before the disk filled');
      for (const payee of acknowledged) expect(payees).toContain(payee);
    } finally {
      rmSync(filler, { force: true });
    }
    expect(existsSync(vault)).toBe(true);
  });
});

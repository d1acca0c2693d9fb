/**
 * Destinations that fail: a disk that fills up mid-backup (a tiny tmpfs), a read-only folder
 * (tmpfs remounted read-only: chmod does not stop root, which these tests may run as), a folder
 * that vanished. Each gives its own clear error, leaves no file listed, and the wallet is untouched.
 * The mount-based cases are skipped, saying why, only where mounting is impossible.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listBackups } from '../../electron/backup/list';
import { verifyBackup } from '../../electron/backup/verify';
import { writeBackup } from '../../electron/backup/write';
import { errorOf } from '../vault/support/helpers';
import { newWallet, tempDir, type TestWallet } from './support/wallet';

function tryMount(dir: string, options: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}
const unmount = (dir: string) => execFileSync('umount', [dir], { stdio: 'pipe' });

const probe = tempDir('ow-mount-probe-');
const mountProblem = tryMount(probe.dir, 'size=64k');
if (!mountProblem) unmount(probe.dir);
probe.cleanup();

describe('failing destinations', () => {
  const tmp = tempDir();
  let wallet: TestWallet;
  const state = () => ({ head: wallet.session.head(), digest: wallet.projection.digest() });
  const backup = (dir: string) => writeBackup({ session: wallet.session, dir, walletName: 'w', trigger: 'scheduled', appVersion: '0.1.0' });

  beforeAll(async () => {
    wallet = await newWallet(join(tmp.dir, 'w.onewallet'));
    const a = wallet.account('A');
    for (let i = 0; i < 300; i++) wallet.spend(a, '0.10', '2025-01-05', `a rather long payee name to make the file grow ${i}`);
  });
  afterAll(() => {
    wallet.close();
    tmp.cleanup();
  });

  test.skipIf(mountProblem !== null)(`disk full at every stage → disk_full, nothing left or listed, wallet untouched ${mountProblem ?? ''}`, async () => {
    const fits = join(tmp.dir, 'fits');
    mkdirSync(fits);
    const size = (await backup(fits)).bytes;
    const before = state();
    const dir = join(tmp.dir, 'small');
    mkdirSync(dir);
    let full = 0;
    // From "not even the temp file's first page" to "everything but the trailer/catalog fits".
    for (const kib of [4, 16, Math.floor(size / 2048), Math.floor(size / 1024) - 4, Math.floor(size / 1024), Math.ceil(size / 1024) + 4]) {
      expect(tryMount(dir, `size=${kib}k`)).toBeNull();
      try {
        const outcome = await backup(dir).then(
          (entry) => ({ entry }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          full++;
          expect(outcome.error, `${kib} KiB`).toMatchObject({ code: 'io_error', messageKey: 'errors.backup.disk_full', params: { dir } });
          expect(readdirSync(dir).filter((name) => !name.startsWith('onewallet-backups')), `${kib} KiB`).toEqual([]);
          expect(listBackups(dir)).toEqual([]);
        } else {
          expect((await verifyBackup(outcome.entry.path, { session: wallet.session })).ok).toBe(true);
        }
      } finally {
        unmount(dir);
      }
      expect(state()).toEqual(before);
    }
    expect(full).toBeGreaterThanOrEqual(4);
    // And the wallet still works.
    wallet.spend(wallet.projection.openAccountByName('A')!.id, '0.10', '2025-01-06');
  });

  test.skipIf(mountProblem !== null)(`read-only folder → folder_read_only_disk ${mountProblem ?? ''}`, async () => {
    const dir = join(tmp.dir, 'ro');
    mkdirSync(dir);
    expect(tryMount(dir, 'size=1m,ro')).toBeNull();
    try {
      const before = state();
      expect(await errorOf(() => backup(dir))).toMatchObject({ code: 'io_error', messageKey: 'errors.backup.folder_read_only_disk', params: { dir } });
      expect(readdirSync(dir)).toEqual([]);
      expect(state()).toEqual(before);
    } finally {
      unmount(dir);
    }
  });

  test('a folder that vanished → folder_missing', async () => {
    const dir = join(tmp.dir, 'usb-stick');
    mkdirSync(dir);
    rmSync(dir, { recursive: true });
    const before = state();
    expect(await errorOf(() => backup(dir))).toMatchObject({ code: 'io_error', messageKey: 'errors.backup.folder_missing' });
    expect(await errorOf(() => Promise.resolve().then(() => listBackups(dir)))).toMatchObject({ messageKey: 'errors.backup.folder_missing' });
    expect(state()).toEqual(before);
  });
});

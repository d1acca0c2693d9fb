/**
 * The CLI clears the public failed-attempt record when it unlocks, like the app: the attempts must
 * land in the wallet's encrypted security log (with the CLI's unlock), not vanish. Real bundled
 * CLI in a child process, the log read back with the vault's own reader.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVault, openVault, vaultReady } from '../../electron/vault';
import { bundleCli, runBundled } from '../cli/support';
import { tempDir, TEST_KDF } from '../vault/support/helpers';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;
beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-cli-log-');
  bundle = await bundleCli(tmp.dir);
}, 120_000);
afterAll(() => tmp.cleanup());

describe('CLI unlock and the security log', () => {
  test('failed CLI unlocks are moved into the log at the next CLI unlock, which is logged too', async () => {
    const path = tmp.file('w.onewallet');
    const { session } = await createVault(path, { password: 'pw', testOnlyKdf: TEST_KDF });
    session.lock();
    for (const guess of ['nope', 'still no']) expect((await runBundled(bundle, ['--vault', path, 'verify', '--password-stdin'], { stdin: `${guess}\n` })).code).toBe(3);
    const ok = await runBundled(bundle, ['--vault', path, 'verify', '--password-stdin'], { stdin: 'pw\n' });
    expect(ok.code).toBe(0);
    const { session: reader, failedAttemptsSinceLastUnlock } = await openVault(path).unlock({ password: 'pw' });
    try {
      expect(failedAttemptsSinceLastUnlock.count).toBe(0); // the CLI's unlock cleared the public record…
      const records = reader.securityLog().records;
      expect(records.map((record) => record.kind)).toEqual(['unlock_failed', 'unlock_failed', 'unlocked']); // …after moving it here
      expect(records[2]?.details).toEqual({ failedAttempts: 2, via: 'cli' });
    } finally {
      reader.lock();
    }
  }, 120_000);

  test('what the CLI changes is logged like the app\'s changes, marked via: cli', async () => {
    const path = tmp.file('changes.onewallet');
    const { session } = await createVault(path, { password: 'old pw 1', testOnlyKdf: TEST_KDF });
    session.lock();
    const run = async (args: string[], stdin = 'old pw 1\n') => {
      const result = await runBundled(bundle, ['--vault', path, ...args, '--password-stdin'], { stdin });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    };
    await run(['account', 'add', 'Cash', '--type', 'cash', '--currency', 'CNY', '--opening', '10']);
    await run(['account', 'freeze', 'Cash']);
    await run(['account', 'unfreeze', 'Cash']);
    mkdirSync(tmp.file('backups'));
    await run(['backup', 'create', '--dir', tmp.file('backups')]);
    await run(['export', '--format', 'csv', '--out', tmp.file('out.csv')]);
    await run(['passwd'], 'old pw 1\nnew pw 22\n');
    const { session: reader } = await openVault(path).unlock({ password: 'new pw 22' });
    try {
      const changes = reader.securityLog().records.filter((record) => record.kind !== 'unlocked');
      expect(changes.map((record) => record.kind)).toEqual(['account_frozen', 'account_unfrozen', 'backup_made', 'exported', 'password_changed']);
      for (const record of changes) expect(record.details).toMatchObject({ via: 'cli' });
      expect(changes[3]?.details).toMatchObject({ format: 'csv', count: 0 });
    } finally {
      reader.lock();
    }
  }, 240_000);
});

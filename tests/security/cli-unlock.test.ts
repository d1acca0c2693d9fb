/**
 * The CLI clears the public failed-attempt record when it unlocks, like the app: the attempts must
 * land in the wallet's encrypted security log (with the CLI's unlock), not vanish. Real bundled
 * CLI in a child process, the log read back with the vault's own reader.
 */
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
});

/**
 * `onewallet update check --feed URL [--json]` as a real child process against a real loopback
 * feed: what the policy decides, and an exit code for each outcome.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBundled } from '../cli/support';
import { startFeed, type TestFeed } from './support/feed';

const ROOT = resolve(__dirname, '..', '..');
let outDir: string;
let testCli: string;
let shippedCli: string;
let feed: TestFeed;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ow-update-cli-'));
  // The test entry runs the CLI itself; `require.main` is blanked there so electron/cli/main.ts's
  // own "run when executed directly" guard does not start a second, key-less run in the same bundle.
  const bundle = (entry: string, out: string, define: Record<string, string> = {}) =>
    build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile: join(outDir, out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['better-sqlite3', 'libsodium-wrappers-sumo', 'electron-updater', 'electron'],
      define: { 'process.env.ONEWALLET_VERSION': JSON.stringify('1.0.0'), ...define },
      logLevel: 'error',
    });
  await Promise.all([bundle('tests/update/support/test-cli.ts', 'test-cli.cjs', { 'require.main': 'undefined' }), bundle('electron/cli/main.ts', 'main.cjs')]);
  testCli = join(outDir, 'test-cli.cjs');
  shippedCli = join(outDir, 'main.cjs');
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
beforeEach(async () => {
  feed = await startFeed();
});
afterEach(async () => {
  await feed.close();
});

const run = (args: string[], cli = testCli) => runBundled(cli, args, { env: { ONEWALLET_TEST_UPDATE_KEY: feed.publicKeyBase64 } });

describe('onewallet update check', () => {
  it('reports an available update (text and --json), exit 0', async () => {
    feed.publish({ version: '1.3.0', notes: '<p>Faster <b>sync</b></p>' });
    const text = await run(['update', 'check', '--feed', feed.url]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Update available: 1.3.0 (now 1.0.0, stable channel).');
    expect(text.stdout).toContain('Faster sync');
    const json = await run(['update', 'check', '--feed', feed.url, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'available', currentVersion: '1.0.0', channel: 'stable', release: { version: '1.3.0', notes: 'Faster sync' }, error: null });
  });

  it('up to date, beta channel, and --app-version', async () => {
    feed.publish({ version: '1.0.0' });
    feed.publish({ version: '1.1.0-beta.2', channel: 'beta' });
    expect((await run(['update', 'check', '--feed', feed.url])).stdout).toContain('Up to date: 1.0.0');
    expect(JSON.parse((await run(['update', 'check', '--feed', feed.url, '--channel', 'beta', '--json'])).stdout).release.version).toBe('1.1.0-beta.2');
    expect(JSON.parse((await run(['update', 'check', '--feed', feed.url, '--channel', 'beta', '--app-version', '1.2.0', '--json'])).stdout).state).toBe('up-to-date');
  });

  it('a bad signature is exit 4 with a sentence saying what to do; an unreachable feed is exit 5', async () => {
    feed.publish({ version: '1.3.0' });
    feed.breakSignature('latest');
    const bad = await run(['update', 'check', '--feed', feed.url]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain('is not signed by OneWallet');
    feed.setMode('not-found');
    const missing = await run(['update', 'check', '--feed', feed.url, '--json']);
    expect(missing.code).toBe(5);
    expect(JSON.parse(missing.stdout).error.kind).toBe('feed_unreachable');
  });

  it('the shipped CLI trusts only the pinned key: a test-signed feed is refused', async () => {
    feed.publish({ version: '1.3.0' });
    const shipped = await run(['update', 'check', '--feed', feed.url, '--json'], shippedCli);
    expect(shipped.code).toBe(4);
    expect(JSON.parse(shipped.stdout).error.kind).toBe('bad_signature');
  });

  it('usage mistakes are exit 2', async () => {
    expect((await run(['update', 'check'])).code).toBe(2);
    expect((await run(['update', 'check', '--feed', 'ftp://example.org/'])).code).toBe(2);
    expect((await run(['update', 'check', '--feed', feed.url, '--channel', 'nightly'])).code).toBe(2);
  });
});

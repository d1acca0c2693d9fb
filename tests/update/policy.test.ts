/**
 * The update policy against a real signed feed on 127.0.0.1, through electron-updater's own
 * AppUpdater on Node (the same download, redirect and digest code the app runs). Feeds are built
 * by build/scripts/update-feed.mjs with a throw-away key. Waits are on states, never on time.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeed, type TestFeed } from './support/feed';
import { policyRig, type PolicyRig } from './support/policy';

let feed: TestFeed;
const rigs: PolicyRig[] = [];
const rig = (...args: Parameters<typeof policyRig> extends [unknown, ...infer R] ? R : never) => {
  const made = policyRig(feed, ...args);
  rigs.push(made);
  return made;
};

beforeEach(async () => {
  feed = await startFeed();
});
afterEach(async () => {
  for (const made of rigs.splice(0)) await made.dispose();
  await feed.close();
});

const artifactRequests = () => feed.requests.filter((name) => name.endsWith('.AppImage'));

describe('checking', () => {
  it('says up to date when the feed has this version', async () => {
    feed.publish({ version: '1.0.0' });
    const { policy } = rig();
    const status = await policy.check(true);
    expect(status.state).toBe('up-to-date');
    expect(status.release).toBeNull();
    expect(status.lastCheckAt).not.toBeNull();
  });

  it('offers a newer version with its notes as plain text, and never a lower one', async () => {
    feed.publish({ version: '1.2.0', notes: '<h2>Faster</h2><ul><li>Quick <b>unlock</b></li></ul><script>alert(1)</script>' });
    const offered = await rig().policy.check(true);
    expect(offered.state).toBe('available');
    expect(offered.release?.version).toBe('1.2.0');
    expect(offered.release?.notes).toBe('Faster\n\n• Quick unlock');
    expect(offered.release?.sizeBytes).toBe(256 * 1024);

    const newer = rig({ appVersion: '2.0.0' });
    expect((await newer.policy.check(true)).state).toBe('up-to-date');
  });

  it('beta channel sees the beta, stable does not', async () => {
    feed.publish({ version: '1.1.0' });
    feed.publish({ version: '1.2.0-beta.1', channel: 'beta' });
    const { policy } = rig();
    expect((await policy.check(true)).release?.version).toBe('1.1.0');
    policy.updateSettings({ channel: 'beta' });
    expect((await policy.check(true)).release?.version).toBe('1.2.0-beta.1');
    policy.updateSettings({ channel: 'stable' });
    expect((await policy.check(true)).release?.version).toBe('1.1.0');
  });

  it('a skipped version is not offered again by automatic checks; a newer one is; a manual check still works', async () => {
    feed.publish({ version: '1.1.0' });
    const { policy } = rig();
    await policy.check(false);
    const skipped = await policy.skip();
    expect(skipped.skippedVersion).toBe('1.1.0');
    expect((await policy.check(false)).state).toBe('up-to-date');
    feed.publish({ version: '1.2.0' });
    expect((await policy.check(false)).release?.version).toBe('1.2.0');
    // The user's own "check now" is never dead after a skip: it shows the skipped version again.
    feed.publish({ version: '1.1.0' });
    const manual = await policy.check(true);
    expect(manual.state).toBe('available');
    expect(manual.release?.version).toBe('1.1.0');
  });

  it('respects a staged rollout for automatic checks and ignores it for a manual one', async () => {
    feed.publish({ version: '1.1.0', staging: 10 });
    const { policy, store } = rig();
    store.update({ rolloutPosition: 50 });
    expect((await policy.check(false)).state).toBe('up-to-date');
    expect((await policy.check(true)).state).toBe('available');
    const early = rig();
    early.store.update({ rolloutPosition: 5 });
    expect((await early.policy.check(false)).state).toBe('available');
  });

  it('"remind me later" hides the banner until a manual check', async () => {
    feed.publish({ version: '1.1.0' });
    const { policy } = rig();
    await policy.check(false);
    expect(policy.remindLater().bannerHidden).toBe(true);
    expect((await policy.check(false)).bannerHidden).toBe(true);
    expect((await policy.check(true)).bannerHidden).toBe(false);
  });
});

describe('automatic checks', () => {
  it('check on start offers the update but downloads nothing until asked', async () => {
    feed.publish({ version: '1.1.0' });
    const { policy, waitFor } = rig({ startDelayMs: 0 });
    policy.start();
    await waitFor((s) => s.state === 'available', 'available');
    expect(artifactRequests()).toEqual([]);
  });

  it('with automatic downloads on, the start check downloads, verifies and backs up by itself', async () => {
    feed.publish({ version: '1.1.0' });
    const { policy, store, waitFor } = rig({ startDelayMs: 0 });
    store.update({ autoDownload: true });
    policy.start();
    const ready = await waitFor((s) => s.state === 'ready', 'ready');
    expect(ready.release?.version).toBe('1.1.0');
  });
});

describe('the signed feed', () => {
  it('refuses metadata with a bad signature before downloading anything', async () => {
    feed.publish({ version: '1.1.0' });
    feed.breakSignature('latest');
    const status = await rig().policy.check(true);
    expect(status.state).toBe('error');
    expect(status.error).toMatchObject({ kind: 'bad_signature', messageKey: 'errors.update.bad_signature', during: 'check' });
    expect(status.release).toBeNull();
    expect(artifactRequests()).toEqual([]);
  });

  it('refuses metadata with no signature', async () => {
    feed.publish({ version: '1.1.0' });
    feed.removeSignature('latest');
    const status = await rig().policy.check(true);
    expect(status.error?.kind).toBe('bad_signature');
    expect(artifactRequests()).toEqual([]);
  });

  it('refuses metadata signed by another key (the pinned key is the only one trusted)', async () => {
    feed.publish({ version: '1.1.0' });
    const other = await startFeed();
    try {
      // A feed signed correctly — by a different release key.
      other.publish({ version: '1.1.0' });
      const made = policyRig(feed, { feedUrl: other.url });
      rigs.push(made);
      expect((await made.policy.check(true)).error?.kind).toBe('bad_signature');
    } finally {
      await other.close();
    }
  });

  it('refuses a signed beta file served as the stable one (the signature binds the file name)', async () => {
    feed.publish({ version: '1.2.0-beta.1', channel: 'beta' });
    const { channelFileName } = await import('./support/feed');
    const { copyFileSync } = await import('node:fs');
    copyFileSync(join(feed.dir, channelFileName('beta')), join(feed.dir, channelFileName('latest')));
    copyFileSync(join(feed.dir, `${channelFileName('beta')}.sig`), join(feed.dir, `${channelFileName('latest')}.sig`));
    expect((await rig().policy.check(true)).error?.kind).toBe('bad_signature');
  });
});

describe('downloading', () => {
  it('available → downloading with progress → verifying → ready', async () => {
    feed.publish({ version: '1.1.0', size: 1024 * 1024 });
    feed.pace(64 * 1024, 80); // about 1.3 s: electron-updater reports progress once a second
    const { policy, changes, waitFor } = rig();
    await policy.check(true);
    policy.download();
    const ready = await waitFor((s) => s.state === 'ready', 'ready');
    const states = changes.map((s) => s.state);
    expect(states).toEqual(expect.arrayContaining(['checking', 'available', 'downloading', 'verifying', 'backing-up', 'ready']));
    expect(states.indexOf('verifying')).toBeGreaterThan(states.indexOf('downloading'));
    const progress = changes.filter((s) => s.state === 'downloading' && s.progress && s.progress.transferred > 0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]!.progress!.percent).toBeGreaterThan(0);
    expect(progress[0]!.progress!.percent).toBeLessThan(100);
    expect(ready.progress?.percent).toBe(100);
    expect(ready.backup?.status).toBe('deferred');
  });

  it('a cancelled download can be started again', async () => {
    feed.publish({ version: '1.1.0', size: 2 * 1024 * 1024 });
    feed.pace(32 * 1024, 40);
    const { policy, waitFor } = rig();
    await policy.check(true);
    policy.download();
    await waitFor((s) => s.state === 'downloading' && (s.progress?.transferred ?? 0) > 0, 'progress');
    policy.cancel();
    const cancelled = await waitFor((s) => s.state === 'available', 'available again');
    expect(cancelled.error).toBeNull();
    feed.pace(0, 0);
    policy.download();
    expect((await waitFor((s) => s.state === 'ready', 'ready')).release?.version).toBe('1.1.0');
  });

  it('a tampered artifact is a checksum error: deleted, never ready, retry possible', async () => {
    feed.publish({ version: '1.1.0' });
    feed.tamperArtifact('1.1.0');
    const { policy, changes, waitFor, updater, installs, dataDir } = rig();
    await policy.check(true);
    policy.download();
    const failed = await waitFor((s) => s.state === 'error', 'error');
    expect(failed.error).toMatchObject({ kind: 'checksum_mismatch', during: 'download', messageKey: 'errors.update.checksum_mismatch' });
    expect(changes.some((s) => s.state === 'ready')).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    await expect(policy.install('now', true)).rejects.toMatchObject({ code: 'rejected' });
    expect(installs).toEqual([]);
    expect(downloadedFiles(dataDir)).toEqual([]);
    // The retry downloads again (and fails again: the feed still serves the altered file).
    policy.download();
    expect((await waitFor((s) => s.state === 'error' && s.progress === null, 'error again')).error?.kind).toBe('checksum_mismatch');
  });

  it('feed down, 404 and a feed that never answers are error states the app survives', async () => {
    feed.publish({ version: '1.1.0' });
    feed.setMode('not-found');
    const { policy } = rig({ timeoutMs: 500 });
    expect((await policy.check(true)).error?.kind).toBe('feed_unreachable');
    feed.setMode('hang');
    expect((await policy.check(true)).error?.kind).toBe('timeout');
    feed.setMode('up');
    expect((await policy.check(true)).state).toBe('available'); // retry after an error works
    const down = rig({ feedUrl: 'http://127.0.0.1:9/' });
    expect((await down.policy.check(true)).error?.kind).toBe('feed_unreachable');
  });
});

function downloadedFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.AppImage')) out.push(join(dir, entry.name));
    }
  };
  walk(join(dataDir, 'update-cache'));
  return out;
}

describe('no path reaches install after a failed verification', () => {
  it('a file replaced after verification is caught before "install now" and before install-on-quit', async () => {
    feed.publish({ version: '1.1.0' });
    const { policy, waitFor, updater, installs, dataDir } = rig();
    await policy.check(true);
    policy.download();
    await waitFor((s) => s.state === 'ready', 'ready');
    await policy.install('on-quit');
    expect(updater.autoInstallOnAppQuit).toBe(true);
    const [file] = downloadedFiles(dataDir);
    writeFileSync(file!, 'replaced by something else');
    await policy.beforeQuit();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(existsSync(file!)).toBe(false);
    expect(installs).toEqual([]);
  });

  it('"restart and update" re-hashes the file and refuses a changed one', async () => {
    feed.publish({ version: '1.1.0' });
    const { policy, waitFor, installs, dataDir, updater } = rig();
    await policy.check(true);
    policy.download();
    await waitFor((s) => s.state === 'ready', 'ready');
    writeFileSync(downloadedFiles(dataDir)[0]!, 'swapped');
    await expect(policy.install('now')).rejects.toMatchObject({ code: 'integrity' });
    expect(policy.status().error?.kind).toBe('checksum_mismatch');
    expect(installs).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('a start over a cached download that failed verification installs nothing', async () => {
    feed.publish({ version: '1.1.0' });
    const first = rig();
    await first.policy.check(true);
    first.policy.download();
    await first.waitFor((s) => s.state === 'ready', 'ready');
    writeFileSync(downloadedFiles(first.dataDir)[0]!, 'damaged on disk');
    // Next start: same data folder, a fresh policy. Nothing is verified in this process yet.
    const second = rig({ dataDir: first.dataDir });
    expect(second.updater.autoInstallOnAppQuit).toBe(false);
    await expect(second.policy.install('now', true)).rejects.toMatchObject({ code: 'rejected' });
    await expect(second.policy.install('on-quit', true)).rejects.toMatchObject({ code: 'rejected' });
    await second.policy.beforeQuit();
    expect(second.updater.autoInstallOnAppQuit).toBe(false);
    expect(second.installs).toEqual([]);
    // Checking and downloading again re-verifies: the damaged cache is not taken as the update.
    await second.policy.check(true);
    second.policy.download();
    const ready = await second.waitFor((s) => s.state === 'ready', 'ready');
    expect(ready.release?.version).toBe('1.1.0');
  });

  it('a bad signature leaves nothing to install', async () => {
    feed.publish({ version: '1.1.0' });
    feed.breakSignature('latest');
    const { policy, installs, updater } = rig();
    await policy.check(true);
    expect(() => policy.download()).toThrow();
    await expect(policy.install('now', true)).rejects.toMatchObject({ code: 'rejected' });
    expect(installs).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });
});

describe('what is new', () => {
  it('the first start of a newer version shows its notes once', async () => {
    feed.publish({ version: '1.1.0', notes: 'Quicker unlock' });
    const first = rig();
    await first.policy.check(true);
    first.policy.download();
    await first.waitFor((s) => s.state === 'ready', 'ready');
    await first.policy.install('now');
    expect(first.installs).toEqual(['now']);
    const updated = rig({ dataDir: first.dataDir, appVersion: '1.1.0' });
    expect(updated.policy.status().whatsNew).toEqual({ version: '1.1.0', notes: 'Quicker unlock' });
    updated.policy.dismissWhatsNew();
    expect(rig({ dataDir: first.dataDir, appVersion: '1.1.0' }).policy.status().whatsNew).toBeNull();
  });
});

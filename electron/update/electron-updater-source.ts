/**
 * The UpdateSource over any electron-updater AppUpdater: the app's platform `autoUpdater`, or the
 * NodeUpdater in browser mode, the CLI and tests. It is configured so that electron-updater
 * never acts on its own: no automatic download, no install on quit until the policy arms it
 * (set here, before the first check), no downgrade, and rollout decided by the policy.
 */
import { rm } from 'node:fs/promises';
import { CancellationToken, type AppUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import { notesToText } from './notes';
import { signedFeedOptions } from './signed-provider';
import { DownloadCancelled, UpdateFailure, type DownloadProgress, type FeedRelease, type UpdateSource } from './source';
import { classifyUpdateError } from './errors';

export interface ElectronUpdaterSourceOptions {
  feedUrl: string;
  publicKey: Uint8Array;
  /** The shell's install step (quitAndInstall and relaunch in the app; nothing in browser mode). */
  installNow: () => void;
}

function toRelease(info: UpdateInfo, resolve: (info: UpdateInfo) => { url: URL }[]): FeedRelease {
  const urls = resolve(info);
  const staging = Number(info.stagingPercentage);
  return {
    version: info.version,
    releaseDate: info.releaseDate ?? null,
    notes: notesToText(info.releaseNotes),
    files: info.files.map((file, i) => ({ url: urls[i]?.url.href ?? file.url, sha512: file.sha512, size: file.size ?? null })),
    stagingPercentage: info.stagingPercentage === undefined || !Number.isFinite(staging) ? null : staging,
  };
}

export class ElectronUpdaterSource implements UpdateSource {
  private downloaded: string | null = null;

  constructor(
    private readonly updater: AppUpdater,
    private readonly options: ElectronUpdaterSourceOptions,
  ) {
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.allowDowngrade = false;
    updater.logger = null;
    // Staged rollout is the policy's decision (ignored for a manual check), not electron-updater's.
    updater.isUserWithinRollout = () => true;
    updater.setFeedURL(signedFeedOptions(options.feedUrl, options.publicKey) as never);
  }

  async latest(channel: 'stable' | 'beta'): Promise<FeedRelease> {
    this.updater.channel = channel === 'beta' ? 'beta' : 'latest';
    this.updater.allowDowngrade = false; // the channel setter turns it on; we never go back
    try {
      const result = await this.updater.checkForUpdates();
      if (!result) throw new UpdateFailure('not_configured', 'the updater is inactive (not a packaged app)');
      const provider = (this.updater as unknown as { updateInfoAndProvider: { provider: { resolveFiles(info: UpdateInfo): { url: URL }[] } } | null })
        .updateInfoAndProvider?.provider;
      return toRelease(result.updateInfo, (info) => provider?.resolveFiles(info) ?? []);
    } catch (error) {
      throw classifyUpdateError(error);
    }
  }

  async download(onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<{ file: string }> {
    const token = new CancellationToken();
    const cancel = () => token.cancel();
    signal.addEventListener('abort', cancel);
    const listener = (info: ProgressInfo) => onProgress({ transferred: info.transferred, total: info.total, bytesPerSecond: info.bytesPerSecond });
    this.updater.on('download-progress', listener);
    try {
      const [file] = await this.updater.downloadUpdate(token);
      if (!file) throw new UpdateFailure('download_failed', 'no file was downloaded');
      this.downloaded = file;
      return { file };
    } catch (error) {
      if (signal.aborted) throw new DownloadCancelled();
      throw classifyUpdateError(error);
    } finally {
      this.updater.off('download-progress', listener);
      signal.removeEventListener('abort', cancel);
    }
  }

  async discard(): Promise<void> {
    this.disarm();
    const helper = (this.updater as unknown as { downloadedUpdateHelper: { clear(): Promise<void> } | null }).downloadedUpdateHelper;
    await helper?.clear().catch(() => undefined);
    if (this.downloaded) await rm(this.downloaded, { force: true }).catch(() => undefined);
    this.downloaded = null;
  }

  install(when: 'now' | 'on-quit'): void {
    if (when === 'on-quit') this.updater.autoInstallOnAppQuit = true;
    else this.options.installNow();
  }

  disarm(): void {
    this.updater.autoInstallOnAppQuit = false;
  }
}

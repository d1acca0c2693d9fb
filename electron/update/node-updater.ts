/**
 * electron-updater's AppUpdater on plain Node, for browser mode, the CLI and tests: an app adapter
 * instead of Electron's `app`, and Node's http/https instead of Electron's `net` (electron-updater
 * only loads 'electron' in its default adapter and executor, which this never constructs).
 * "Install" is a no-op here: browser mode's update flow ends at the ready state.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import { extname, join } from 'node:path';
import { AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { DownloadExecutorResult, DownloadUpdateOptions } from 'electron-updater/out/AppUpdater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { ElectronUpdaterSource } from './electron-updater-source';

/** The same download/redirect/digest code as in the app, over Node's own HTTP client. */
class NodeHttpExecutor extends ElectronHttpExecutor {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  // Typed as Electron's request by the base class; the base class only uses what Node's has too.
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Read by addErrorAndTimeoutHandlers right after this returns: a silent server fails in
    // timeoutMs instead of electron-updater's 60 s.
    options.timeout = this.timeoutMs;
    // One socket per request: a kept-alive socket would collect one timeout listener per request.
    options.agent = false;
    const request: ClientRequest = (options.protocol === 'https:' ? https : http).request(options, callback);
    return request as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }

  override addRedirectHandlers(): void {
    // Node reports redirects as responses; the base class follows them in handleResponse.
  }
}

export interface NodeUpdaterOptions {
  appName: string;
  appVersion: string;
  /** Where downloads are cached (a folder the engine owns). */
  cacheDir: string;
  timeoutMs: number;
}

export class NodeUpdater extends AppUpdater {
  constructor(options: NodeUpdaterOptions) {
    mkdirSync(options.cacheDir, { recursive: true, mode: 0o700 });
    // electron-updater reads only `updaterCacheDirName` from this file once the feed is set in code.
    const configPath = join(options.cacheDir, 'app-update.yml');
    writeFileSync(configPath, 'provider: generic\nurl: http://127.0.0.1/\nupdaterCacheDirName: pending\n');
    const adapter: AppAdapter = {
      version: options.appVersion,
      name: options.appName,
      isPackaged: true,
      appUpdateConfigPath: configPath,
      userDataPath: options.cacheDir,
      baseCachePath: options.cacheDir,
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => undefined,
      onQuit: () => undefined,
    };
    super(null, adapter);
    (this as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeHttpExecutor(options.timeoutMs);
  }

  protected doDownloadUpdate(options: DownloadUpdateOptions): Promise<DownloadExecutorResult> {
    const provider = options.updateInfoAndProvider.provider;
    const [fileInfo] = provider.resolveFiles(options.updateInfoAndProvider.info);
    if (!fileInfo) return Promise.reject(Object.assign(new Error('the release lists no files'), { code: 'ERR_UPDATER_NO_FILES_PROVIDED' }));
    const executor = (this as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor;
    return this.executeDownload({
      fileExtension: extname(fileInfo.url.pathname).slice(1) || 'bin',
      fileInfo,
      downloadUpdateOptions: options,
      task: (destination, downloadOptions) => executor.download(fileInfo.url, destination, downloadOptions),
      done: () => Promise.resolve(),
    });
  }

  quitAndInstall(): void {
    // Browser mode and the CLI never install: the flow ends at "ready".
  }
}

/** The UpdateSource browser mode, the CLI and tests use: the Node updater on a signed feed. */
export function createNodeUpdateSource(options: NodeUpdaterOptions & { feedUrl: string; publicKey: Uint8Array }): ElectronUpdaterSource {
  return new ElectronUpdaterSource(new NodeUpdater(options), { feedUrl: options.feedUrl, publicKey: options.publicKey, installNow: () => undefined });
}

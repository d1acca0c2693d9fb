/**
 * electron-updater's provider for our feed: a generic HTTP folder whose channel files are signed
 * (feed-signature.ts). The signature is checked on the exact bytes received, before the metadata
 * is parsed, so an unsigned or altered `latest*.yml` never reaches electron-updater's download
 * code. Used by the app's `autoUpdater` and by the Node updater alike (`provider: 'custom'`).
 */
import type { AppUpdater } from 'electron-updater';
import { Provider, type UpdateInfo } from 'electron-updater';
import type { ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import type { ResolvedUpdateFileInfo } from 'electron-updater/out/types';
import { verifyFeedSignature, SIGNATURE_SUFFIX } from './feed-signature';

export interface SignedFeedOptions {
  provider: 'custom';
  updateProvider: typeof SignedFeedProvider;
  url: string;
  publicKey: Uint8Array;
}

/** electron-updater error codes are strings on `error.code`; ours follow its `ERR_…` style. */
export const BAD_SIGNATURE_CODE = 'ERR_ONEWALLET_BAD_SIGNATURE';

export function signedFeedOptions(url: string, publicKey: Uint8Array): SignedFeedOptions {
  return { provider: 'custom', updateProvider: SignedFeedProvider, url, publicKey };
}

export class SignedFeedProvider extends Provider<UpdateInfo> {
  private readonly baseUrl: URL;

  constructor(
    private readonly options: SignedFeedOptions,
    private readonly updater: AppUpdater,
    runtimeOptions: ProviderRuntimeOptions,
  ) {
    super(runtimeOptions);
    this.baseUrl = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  }

  private get channelFile(): string {
    const channel = this.updater.channel;
    return `${channel ? this.getCustomChannelName(channel) : this.getDefaultChannelName()}.yml`;
  }

  async getLatestVersion(): Promise<UpdateInfo> {
    const fileName = this.channelFile;
    const url = new URL(fileName, this.baseUrl);
    const text = await this.httpRequest(url);
    const signature = await this.httpRequest(new URL(fileName + SIGNATURE_SUFFIX, this.baseUrl)).catch((error: { statusCode?: number }) => {
      if (error?.statusCode === 404) return null; // no signature: refused below like a wrong one
      throw error;
    });
    if (!(await verifyFeedSignature(this.options.publicKey, fileName, Buffer.from(text ?? '', 'utf8'), signature))) {
      throw Object.assign(new Error(`${fileName}: missing or invalid signature`), { code: BAD_SIGNATURE_CODE });
    }
    return parseUpdateInfo(text, fileName, url);
  }

  resolveFiles(updateInfo: UpdateInfo): ResolvedUpdateFileInfo[] {
    return resolveFiles(updateInfo, this.baseUrl);
  }
}

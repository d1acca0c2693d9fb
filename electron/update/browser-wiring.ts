/**
 * Browser mode's updates (`npm run web -- --update-feed URL --app-version X`): the same policy on
 * the Node updater, trusting the pinned release key. "Install" ends at the ready state there.
 * The test host passes its own throw-away key (`publicKeyBase64`); nothing else does.
 */
import { join } from 'node:path';
import type { UpdateWiring } from './capability';
import { decodePublicKey } from './feed-signature';
import { createNodeUpdateSource } from './node-updater';
import { PINNED_UPDATE_PUBLIC_KEY } from './pinned-key';
import { parseVersion } from './version';

export const FEED_TIMEOUT_MS = 15_000;

export interface BrowserUpdateOptions {
  feedUrl: string | undefined;
  appVersion: string;
  dataDir: string;
  publicKeyBase64?: string;
  startDelayMs?: number;
  timeoutMs?: number;
}

/** Throws on a feed URL that is not http(s) or a version that is not semver (a usage error). */
export function browserUpdateWiring(options: BrowserUpdateOptions): UpdateWiring {
  if (!parseVersion(options.appVersion)) throw new Error(`not a version: ${options.appVersion}`);
  if (options.feedUrl === undefined) return { source: null };
  const url = new URL(options.feedUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) feed: ${options.feedUrl}`);
  const source = createNodeUpdateSource({
    appName: 'OneWallet',
    appVersion: options.appVersion,
    cacheDir: join(options.dataDir, 'update-cache'),
    timeoutMs: options.timeoutMs ?? FEED_TIMEOUT_MS,
    feedUrl: url.href,
    publicKey: decodePublicKey(options.publicKeyBase64 ?? PINNED_UPDATE_PUBLIC_KEY),
  });
  return { source, startDelayMs: options.startDelayMs };
}

/**
 * The port between the update policy and whatever fetches updates. In the app it is
 * electron-updater's platform updater; in browser mode, the CLI and tests it is the same library's
 * AppUpdater on plain Node (node-updater.ts). Either way the policy sees only these calls, and
 * only metadata whose signature verified ever reaches it.
 */
export interface ReleaseFile {
  url: string;
  /** base64 sha512 from the signed metadata */
  sha512: string;
  size: number | null;
}

export interface FeedRelease {
  version: string;
  releaseDate: string | null;
  /** Plain text (HTML already stripped by notes.ts). */
  notes: string;
  files: ReleaseFile[];
  /** 0–100; absent means everyone. */
  stagingPercentage: number | null;
}

export interface DownloadProgress {
  transferred: number;
  total: number;
  bytesPerSecond: number;
}

export interface DownloadedUpdate {
  /** The downloaded file, to be hashed again by the policy before anything may install it. */
  file: string;
}

export interface UpdateSource {
  /** The newest release on `channel`, from signature-verified metadata. Throws on any failure. */
  latest(channel: 'stable' | 'beta'): Promise<FeedRelease>;
  /** Downloads the release `latest` returned last; rejects with a cancellation when `signal` aborts. */
  download(onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<DownloadedUpdate>;
  /** Forgets a downloaded file (after a failed verification, a cancel, a skip). */
  discard(): Promise<void>;
  /**
   * Installs the verified download: `now` quits and installs (relaunching), `on-quit` arms
   * install-on-quit. Only the policy calls it, and only from the ready state.
   */
  install(when: 'now' | 'on-quit'): void;
  /** Disarms install-on-quit (armed by `install('on-quit')`). */
  disarm(): void;
}

/** What the policy reports when a source fails: mapped to one translated sentence each. */
export const UPDATE_ERROR_KINDS = [
  'offline',
  'feed_unreachable',
  'timeout',
  'bad_signature',
  'bad_metadata',
  'checksum_mismatch',
  'disk_full',
  'download_failed',
  'backup_failed',
  'not_configured',
  'unexpected',
] as const;
export type UpdateErrorKind = (typeof UPDATE_ERROR_KINDS)[number];

export class UpdateFailure extends Error {
  constructor(
    readonly kind: UpdateErrorKind,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'UpdateFailure';
  }
}

export class DownloadCancelled extends Error {
  constructor() {
    super('download cancelled');
    this.name = 'DownloadCancelled';
  }
}

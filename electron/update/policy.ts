/**
 * The update policy: plain Node, no 'electron'. It decides what to offer and when, drives an
 * UpdateSource through idle → checking → available → downloading → verifying → backing-up →
 * ready (or up-to-date / error), and is the only caller of `source.install`.
 *
 * Safety rules, each with a test in tests/update/:
 *  - metadata is trusted only after its signature verified (the source refuses anything else);
 *  - the downloaded file's sha512 is compared here with the signed metadata's, after download and
 *    again right before installing; any mismatch discards the file and disarms install-on-quit;
 *  - nothing installs unless this process verified the file (a cached file from an earlier run is
 *    never installed at start) and a verified backup of the open wallet exists — or the user
 *    decided to go on without one after being told why it failed;
 *  - never a downgrade; a stable channel never offers a pre-release.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { UpdateSettingsView, UpdateStatus } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import type { Logger } from '../support/logger';
import { classifyUpdateError } from './errors';
import type { UpdateStore } from './settings-store';
import { DownloadCancelled, UpdateFailure, type FeedRelease, type UpdateSource } from './source';
import { compareVersions, isPrerelease, parseVersion } from './version';

const HOUR_MS = 60 * 60 * 1000;
const REMIND_LATER_MS = 24 * HOUR_MS;
/** Progress events at most this often (a fast download would otherwise flood the transport). */
const PROGRESS_EVERY_MS = 150;

export type BackupOutcome = { status: 'verified'; file: string } | { status: 'deferred' };

export interface UpdatePolicyDeps {
  /** null: no feed configured (development build, CLI without --feed): checks report it. */
  source: UpdateSource | null;
  currentVersion: string;
  store: UpdateStore;
  log: Logger;
  now?: () => number;
  /** Makes and verifies a backup of the open wallet; `deferred` when the wallet is locked. */
  backup: () => Promise<BackupOutcome>;
  onChange: (status: UpdateStatus) => void;
  /** Delay of the first automatic check after start. */
  startDelayMs: number;
}

type State = UpdateStatus['state'];

export async function sha512Base64(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

function errorOf(failure: UpdateFailure, during: 'check' | 'download' | 'install'): NonNullable<UpdateStatus['error']> {
  return { kind: failure.kind, during, messageKey: `errors.update.${failure.kind}`, params: {} };
}

export class UpdatePolicy {
  private state: State = 'idle';
  private release: FeedRelease | null = null;
  private releaseChannel: 'stable' | 'beta' = 'stable';
  private progress: UpdateStatus['progress'] = null;
  private backup: UpdateStatus['backup'] = null;
  private error: UpdateStatus['error'] = null;
  private installOnQuit = false;
  private bannerHidden = false;
  /** The file this process downloaded AND verified; the only thing install may act on. */
  private verifiedFile: string | null = null;
  private abort: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastProgressAt = 0;
  private readonly now: () => number;

  constructor(private readonly deps: UpdatePolicyDeps) {
    this.now = deps.now ?? Date.now;
    const record = deps.store.get();
    // "What's new": the first start of a newer version shows the notes saved when it was installed.
    const last = record.lastRunVersion;
    const upgraded = last !== null && parseVersion(last) !== null && parseVersion(deps.currentVersion) !== null && compareVersions(deps.currentVersion, last) > 0;
    const notes = record.installingNotes?.version === deps.currentVersion ? record.installingNotes.notes : '';
    deps.store.update({
      lastRunVersion: deps.currentVersion,
      ...(upgraded ? { whatsNew: { version: deps.currentVersion, notes }, installingNotes: null } : {}),
    });
  }

  status(): UpdateStatus {
    const record = this.deps.store.get();
    const release = this.release;
    return {
      configured: this.deps.source !== null,
      currentVersion: this.deps.currentVersion,
      state: this.state,
      release: release
        ? { version: release.version, releaseDate: release.releaseDate, sizeBytes: release.files[0]?.size ?? null, notes: release.notes, channel: this.releaseChannel }
        : null,
      progress: this.progress,
      backup: this.backup,
      installOnQuit: this.installOnQuit,
      error: this.error,
      bannerHidden: this.bannerHidden,
      skippedVersion: record.skippedVersion,
      lastCheckAt: record.lastCheckAt,
      settings: { channel: record.channel, autoCheck: record.autoCheck, autoDownload: record.autoDownload, intervalHours: record.intervalHours },
      whatsNew: record.whatsNew,
    };
  }

  private set(patch: { state?: State } = {}): UpdateStatus {
    if (patch.state) this.state = patch.state;
    const status = this.status();
    this.deps.onChange(status);
    return status;
  }

  // ── Scheduling ────────────────────────────────────────────────────────────────────────────
  start(): void {
    this.schedule(this.deps.startDelayMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.deps.store.get().autoCheck || !this.deps.source) return;
    this.timer = setTimeout(() => {
      void this.check(false).finally(() => this.schedule(this.deps.store.get().intervalHours * HOUR_MS));
    }, delayMs);
    this.timer.unref();
  }

  updateSettings(patch: Partial<Pick<UpdateSettingsView, 'channel' | 'autoCheck' | 'autoDownload'>>): UpdateStatus {
    const before = this.deps.store.get();
    const next = this.deps.store.update(patch);
    if (next.autoCheck !== before.autoCheck) this.schedule(this.deps.startDelayMs);
    if (next.channel !== before.channel && (this.state === 'available' || this.state === 'up-to-date' || this.state === 'error')) {
      // An offer from the other channel no longer applies; the next check asks the new one.
      this.release = null;
      this.error = null;
      this.state = 'idle';
    }
    return this.set();
  }

  // ── Check ─────────────────────────────────────────────────────────────────────────────────
  private busy(): boolean {
    return this.state === 'checking' || this.state === 'downloading' || this.state === 'verifying' || this.state === 'backing-up' || this.state === 'ready';
  }

  /** `manual`: the user asked (ignores staged rollout and "remind me later", re-offers a skipped version). */
  async check(manual: boolean): Promise<UpdateStatus> {
    if (this.busy()) return this.status();
    const source = this.deps.source;
    if (!source) {
      this.error = errorOf(new UpdateFailure('not_configured', 'no feed'), 'check');
      return this.set({ state: 'error' });
    }
    const channel = this.deps.store.get().channel;
    this.error = null;
    this.set({ state: 'checking' });
    let release: FeedRelease;
    try {
      release = await source.latest(channel);
    } catch (error) {
      this.release = null;
      this.error = errorOf(classifyUpdateError(error), 'check');
      this.deps.log.warn('update check failed', this.error.kind);
      return this.set({ state: 'error' });
    }
    this.deps.store.update({ lastCheckAt: new Date(this.now()).toISOString() });
    const offer = this.decide(release, channel, manual);
    if (!offer) {
      this.release = null;
      return this.set({ state: 'up-to-date' });
    }
    const sameAsBefore = this.release?.version === release.version;
    this.release = release;
    this.releaseChannel = channel;
    this.backup = null;
    const remindAfter = this.deps.store.get().remindAfter;
    this.bannerHidden = !manual && sameAsBefore && remindAfter !== null && this.now() < remindAfter;
    if (manual && this.deps.store.get().skippedVersion === release.version) this.deps.store.update({ skippedVersion: null });
    const status = this.set({ state: 'available' });
    if (!manual && this.deps.store.get().autoDownload) void this.download();
    return status;
  }

  /** Whether to offer `release` at all. Pure apart from reading the store. */
  private decide(release: FeedRelease, channel: 'stable' | 'beta', manual: boolean): boolean {
    if (!parseVersion(release.version)) {
      this.deps.log.warn('update feed names an invalid version', release.version);
      return false;
    }
    if (compareVersions(release.version, this.deps.currentVersion) <= 0) return false; // never a downgrade
    if (channel === 'stable' && isPrerelease(release.version)) return false;
    const record = this.deps.store.get();
    if (!manual && record.skippedVersion === release.version) return false;
    if (!manual && release.stagingPercentage !== null && record.rolloutPosition >= release.stagingPercentage) return false;
    return true;
  }

  // ── Download, verify, back up ─────────────────────────────────────────────────────────────
  /** Starts the download of the offered release; progress and the outcome arrive as changes. */
  download(): UpdateStatus {
    const canStart = this.state === 'available' || (this.state === 'error' && this.error?.during !== 'check' && this.release !== null);
    if (!canStart || !this.release || !this.deps.source) throw new DomainError('rejected', 'errors.update.nothing_to_download');
    const source = this.deps.source;
    const abort = new AbortController();
    this.abort = abort;
    this.error = null;
    this.verifiedFile = null;
    this.progress = { percent: 0, transferred: 0, total: this.release.files[0]?.size ?? 0, bytesPerSecond: 0 };
    const status = this.set({ state: 'downloading' });
    void this.runDownload(source, abort);
    return status;
  }

  private async runDownload(source: UpdateSource, abort: AbortController): Promise<void> {
    const release = this.release;
    if (!release) return;
    try {
      const { file } = await source.download((progress) => {
        if (abort.signal.aborted) return;
        const percent = progress.total > 0 ? Math.min(100, (progress.transferred / progress.total) * 100) : 0;
        this.progress = { percent, transferred: progress.transferred, total: progress.total, bytesPerSecond: progress.bytesPerSecond };
        if (this.now() - this.lastProgressAt >= PROGRESS_EVERY_MS) {
          this.lastProgressAt = this.now();
          this.set();
        }
      }, abort.signal);
      if (abort.signal.aborted) throw new DownloadCancelled();
      this.progress = this.progress ? { ...this.progress, percent: 100, transferred: this.progress.total } : null;
      this.set({ state: 'verifying' });
      await this.verify(release, file);
      this.verifiedFile = file;
      this.deps.store.update({ installingNotes: { version: release.version, notes: release.notes } });
      await this.runBackup();
    } catch (error) {
      if (error instanceof DownloadCancelled || abort.signal.aborted) {
        // Cancelled: back to the offer, so "download" works again (the partial file is gone).
        await source.discard();
        this.progress = null;
        this.set({ state: 'available' });
        return;
      }
      const failure = classifyUpdateError(error);
      this.verifiedFile = null;
      this.installOnQuit = false;
      await source.discard(); // a file that failed must never be installed, not even on quit
      this.progress = null;
      this.error = errorOf(failure, 'download');
      this.deps.log.warn('update download failed', failure.kind);
      this.set({ state: 'error' });
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  private async verify(release: FeedRelease, file: string): Promise<void> {
    const expected = release.files[0]?.sha512;
    if (!expected) throw new UpdateFailure('bad_metadata', 'the signed metadata has no sha512');
    const actual = await sha512Base64(file);
    if (actual !== expected) throw new UpdateFailure('checksum_mismatch', `${file}: sha512 does not match the signed metadata`);
  }

  cancel(): UpdateStatus {
    this.abort?.abort();
    return this.status();
  }

  private async runBackup(): Promise<void> {
    this.set({ state: 'backing-up' });
    try {
      const outcome = await this.deps.backup();
      this.backup = outcome.status === 'verified'
        ? { status: 'verified', file: outcome.file, messageKey: 'update.backup.verified', params: {} }
        : { status: 'deferred', file: null, messageKey: 'update.backup.deferred', params: {} };
      if (outcome.status === 'deferred') this.deps.store.update({ backupAtNextUnlock: true });
    } catch (error) {
      const domain = error instanceof DomainError ? error : null;
      this.backup = {
        status: 'failed',
        file: null,
        messageKey: domain?.messageKey ?? 'errors.update.backup_failed',
        params: domain?.params ?? {},
      };
      this.deps.log.warn('pre-update backup failed', domain?.message ?? error);
    }
    this.set({ state: 'ready' });
  }

  async retryBackup(): Promise<UpdateStatus> {
    if (this.state !== 'ready' || !this.verifiedFile) throw new DomainError('rejected', 'errors.update.not_ready');
    await this.runBackup();
    return this.status();
  }

  // ── Skip, later, install ──────────────────────────────────────────────────────────────────
  async skip(): Promise<UpdateStatus> {
    if (!this.release || this.state === 'downloading' || this.state === 'verifying' || this.state === 'backing-up') {
      throw new DomainError('rejected', 'errors.update.nothing_to_skip');
    }
    this.deps.store.update({ skippedVersion: this.release.version, remindAfter: null });
    this.verifiedFile = null;
    this.installOnQuit = false;
    await this.deps.source?.discard();
    this.release = null;
    this.backup = null;
    this.error = null;
    return this.set({ state: 'idle' });
  }

  remindLater(): UpdateStatus {
    this.bannerHidden = true;
    this.deps.store.update({ remindAfter: this.now() + REMIND_LATER_MS });
    return this.set();
  }

  async install(when: 'now' | 'on-quit', withoutBackup = false): Promise<UpdateStatus> {
    const release = this.release;
    const file = this.verifiedFile;
    if (this.state !== 'ready' || !file || !release || !this.deps.source) throw new DomainError('rejected', 'errors.update.not_ready');
    const backupOk = this.backup?.status === 'verified' || this.backup?.status === 'deferred';
    if (!backupOk && !withoutBackup) throw new DomainError('rejected', 'errors.update.backup_needed');
    // The file could have been replaced since it was verified: hash it again right before use.
    try {
      await this.verify(release, file);
    } catch (error) {
      this.verifiedFile = null;
      this.installOnQuit = false;
      await this.deps.source.discard();
      this.error = errorOf(classifyUpdateError(error), 'install');
      this.set({ state: 'error' });
      throw new DomainError('integrity', `errors.update.${this.error.kind}`);
    }
    this.deps.store.update({ installingNotes: { version: release.version, notes: release.notes } });
    if (when === 'on-quit') this.installOnQuit = true;
    this.deps.source.install(when);
    return this.set();
  }

  /** Called by the shell before it quits: install-on-quit stays armed only for a file that still verifies. */
  async beforeQuit(): Promise<void> {
    this.stop();
    const source = this.deps.source;
    if (!source) return;
    if (!this.installOnQuit || !this.verifiedFile || !this.release) {
      source.disarm();
      return;
    }
    try {
      await this.verify(this.release, this.verifiedFile);
    } catch {
      this.installOnQuit = false;
      await source.discard();
    }
  }

  dismissWhatsNew(): UpdateStatus {
    this.deps.store.update({ whatsNew: null });
    return this.set();
  }
}

/**
 * The crash reporter's core: builds a report from an error and the engine's state, scrubs every
 * string in it with the one scrubber, and writes it synchronously (the process may end right
 * after). It never throws: a reporter that crashes while reporting would hide the first crash.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { homedir, release, type as osType } from 'node:os';
import type { Breadcrumb, CrashReport } from '../../shared/crash';
import { RunMarker } from './run-marker';
import { SensitiveMemory } from './scrub';
import { CrashStore, crashDirOf } from './store';

export const MAX_BREADCRUMBS = 30;

export interface CrashReporterOptions {
  dataDir: string;
  appVersion: string;
  /** Electron's and Chromium's versions when running in the app (null elsewhere). */
  electronVersion?: string | null;
  chromeVersion?: string | null;
}

export interface WalletStateSource {
  unlocked(): boolean;
  /** Path of the open wallet's file (for its size class), or null. */
  walletFile(): string | null;
}

export interface CaptureInput {
  process: CrashReport['process'];
  kind: CrashReport['kind'];
  error: unknown;
  details?: CrashReport['details'];
  test?: boolean;
  breadcrumbs?: Breadcrumb[];
  chrome?: string | null;
  minidump?: string | null;
}

const MB = 1024 * 1024;

export function sizeClassOf(bytes: number | null): CrashReport['wallet']['sizeClass'] {
  if (bytes === null) return 'none';
  if (bytes < 5 * MB) return 'small';
  if (bytes < 50 * MB) return 'medium';
  if (bytes < 500 * MB) return 'large';
  return 'huge';
}

/** name, message and stack of anything thrown (non-errors too: `throw 'x'`, rejections with objects). */
export function errorParts(error: unknown): CrashReport['error'] {
  if (error instanceof Error) {
    return { name: error.name || 'Error', message: error.message, stack: error.stack ?? '' };
  }
  let message: string;
  try {
    message = typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  } catch {
    message = String(error);
  }
  return { name: typeof error, message, stack: '' };
}

export class CrashReporter {
  readonly memory = new SensitiveMemory();
  readonly store: CrashStore;
  readonly marker: RunMarker;
  private readonly crumbs: Breadcrumb[] = [];
  private walletSource: WalletStateSource = { unlocked: () => false, walletFile: () => null };
  private lastIntegrityCheck: CrashReport['wallet']['lastIntegrityCheck'] = null;
  private readonly listeners = new Set<(report: CrashReport) => void>();

  constructor(private readonly options: CrashReporterOptions) {
    this.store = new CrashStore(options.dataDir);
    this.marker = new RunMarker(crashDirOf(options.dataDir));
    this.memory.addFolder(options.dataDir, '<data>');
    this.memory.addFolder(homedir(), '<home>');
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  setWalletSource(source: WalletStateSource): void {
    this.walletSource = source;
  }

  integrityChecked(ok: boolean): void {
    this.lastIntegrityCheck = { at: new Date().toISOString(), ok };
  }

  /** Told after each report is written (the engine pushes `crash/recorded` to the views). */
  onCapture(listener: (report: CrashReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  breadcrumb(kind: Breadcrumb['kind'], what: string): void {
    this.crumbs.push({ at: new Date().toISOString(), kind, what: what.slice(0, 120) });
    if (this.crumbs.length > MAX_BREADCRUMBS) this.crumbs.shift();
  }

  breadcrumbs(): Breadcrumb[] {
    return [...this.crumbs];
  }

  versions(chrome: string | null = null): CrashReport['versions'] {
    return {
      app: this.options.appVersion,
      electron: this.options.electronVersion ?? null,
      chrome: chrome ?? this.options.chromeVersion ?? null,
      node: process.versions.node,
      os: `${osType()} ${release()} ${process.arch}`,
    };
  }

  walletState(): CrashReport['wallet'] {
    let bytes: number | null = null;
    try {
      const file = this.walletSource.walletFile();
      if (file) bytes = statSync(file).size;
    } catch {
      bytes = null;
    }
    return { state: this.walletSource.unlocked() ? 'unlocked' : 'locked', sizeClass: sizeClassOf(bytes), lastIntegrityCheck: this.lastIntegrityCheck };
  }

  /** Builds, scrubs and writes one report; returns it, or null if even that failed. */
  capture(input: CaptureInput): CrashReport | null {
    try {
      const error = errorParts(input.error);
      const s = (text: string) => this.memory.scrub(text);
      const details = Object.fromEntries(
        Object.entries(input.details ?? {}).map(([key, value]) => [key, typeof value === 'string' ? s(value) : value]),
      );
      const report: CrashReport = {
        id: `${new Date().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`,
        createdAt: new Date().toISOString(),
        process: input.process,
        kind: input.kind,
        test: input.test ?? false,
        versions: this.versions(input.chrome ?? null),
        error: { name: s(error.name).slice(0, 200), message: s(error.message).slice(0, 4000), stack: s(error.stack).slice(0, 16000) },
        details,
        breadcrumbs: (input.breadcrumbs ?? this.breadcrumbs()).slice(-MAX_BREADCRUMBS).map((b) => ({ ...b, what: s(b.what) })),
        wallet: this.walletState(),
        minidump: input.minidump ?? null,
      };
      this.store.write(report);
      for (const listener of this.listeners) {
        try {
          listener(report);
        } catch {
          // a listener's failure must not undo the report
        }
      }
      return report;
    } catch (failure) {
      console.error('crash report could not be written', failure instanceof Error ? failure.message : failure);
      return null;
    }
  }
}

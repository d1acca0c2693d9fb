/**
 * When to back up: every `intervalHours` while the app runs (only if something changed since the
 * last backup), on quit if anything changed, before an update is installed, before a format
 * migration, and on demand. Clock and timers are injected so tests step through days instantly.
 * One backup runs at a time; a request during a run waits for it and then runs.
 */
import type { BackupTrigger } from './names';

export interface ScheduleSettings {
  /** 0 turns the timer off. */
  intervalHours: number;
  onQuit: boolean;
}

export const DEFAULT_SCHEDULE: ScheduleSettings = { intervalHours: 24, onQuit: true };

export interface SchedulerDeps {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Head seq of the open wallet, or null when none is unlocked. */
  headSeq(): number | null;
  /** Head seq and time (ms) of the open wallet's last verified backup, or null. */
  lastBackup(): { seq: number; at: number } | null;
  /** Writes (and verifies) a backup to every destination; rejects on failure. */
  backup(trigger: BackupTrigger): Promise<void>;
  onError?(trigger: BackupTrigger, error: unknown): void;
}

const HOUR_MS = 60 * 60 * 1000;
/** How often the timer looks whether a scheduled backup is due (and retries one that failed). */
const CHECK_MS = HOUR_MS;

export class BackupScheduler {
  private timer: unknown = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;
  private suspended = false;

  constructor(private readonly deps: SchedulerDeps, private settings: ScheduleSettings = DEFAULT_SCHEDULE) {}

  start(): void {
    this.stopped = false;
    this.arm();
  }

  /** Safe start after repeated crashes: no automatic backup in this run, not even on quit; asked-for ones still run. */
  suspend(): void {
    this.suspended = true;
    this.stop();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  configure(settings: ScheduleSettings): void {
    this.settings = settings;
    if (!this.stopped) this.arm();
  }

  /** True when the open wallet has events no verified backup covers. */
  changedSinceLastBackup(): boolean {
    const head = this.deps.headSeq();
    if (head === null) return false;
    const last = this.deps.lastBackup();
    return last === null ? head > 0 : last.seq !== head;
  }

  /** "Back up now". */
  manual(): Promise<void> {
    return this.enqueue('manual', true);
  }

  /** Before the app quits (call while the wallet is still unlocked). */
  beforeQuit(): Promise<void> {
    return this.enqueue('quit', this.settings.onQuit && !this.suspended);
  }

  beforeUpdate(): Promise<void> {
    return this.enqueue('update', true);
  }

  beforeMigration(): Promise<void> {
    return this.enqueue('migration', true);
  }

  /** Manual, update and migration backups always run when a wallet is open; quit and scheduled only after changes. */
  private enqueue(trigger: BackupTrigger, enabled: boolean): Promise<void> {
    const run = async () => {
      if (!enabled || this.deps.headSeq() === null) return;
      const always = trigger === 'manual' || trigger === 'update' || trigger === 'migration';
      if (!always && !this.changedSinceLastBackup()) return;
      await this.deps.backup(trigger);
    };
    const next = this.running.then(run, run);
    this.running = next.catch(() => undefined);
    return next;
  }

  /** The timer only checks; whether a backup is due is decided at each check from the last backup's time. */
  private arm(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    const interval = this.settings.intervalHours * HOUR_MS;
    if (this.stopped || interval <= 0) return;
    this.timer = this.deps.setTimer(() => void this.tick(), Math.min(interval, CHECK_MS));
  }

  private async tick(): Promise<void> {
    this.timer = null;
    const last = this.deps.lastBackup();
    const due = last === null || this.deps.now() - last.at >= this.settings.intervalHours * HOUR_MS;
    try {
      if (due) await this.enqueue('scheduled', true);
    } catch (error) {
      // Tried again at the next check (an hour at most): a missing USB disk may come back.
      this.deps.onError?.('scheduled', error);
    }
    this.arm();
  }
}

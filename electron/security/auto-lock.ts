/**
 * Auto-lock after idle time, measured on the wall clock so that time asleep counts (KeePassXC's
 * users' complaint: an idle timer that stops while the laptop sleeps). Elapsed idle time is the
 * larger of the wall-clock and the monotonic deltas: the wall clock sees sleep, the monotonic
 * clock cannot be set back. A wall clock that jumped ahead of the monotonic one by more than a
 * tick (a sleep, or the clock set forward) locks at once on the next tick with reason clock_jump
 * when the idle time has passed. Activity comes from the renderer (browser mode) or powerMonitor's
 * system idle time (the Electron shell).
 */
import type { AutoLockReason } from '../wallet/wallet-service';

export interface AutoLockClock {
  wall(): number;
  monotonic(): number;
}

export interface AutoLockDeps {
  clock: AutoLockClock;
  /** Idle time before locking, null = never. */
  idleMs(): number | null;
  isUnlocked(): boolean;
  lock(reason: AutoLockReason): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** How often the idle time is checked; shorter idle limits (tests) are checked more often. */
export function tickMs(idleMs: number): number {
  return Math.max(100, Math.min(15_000, Math.floor(idleMs / 5)));
}

export class AutoLockTimer {
  private lastWall: number;
  private lastMono: number;
  private tickWall: number;
  private tickMono: number;
  private timer: unknown = null;

  constructor(private readonly deps: AutoLockDeps) {
    this.lastWall = this.tickWall = deps.clock.wall();
    this.lastMono = this.tickMono = deps.clock.monotonic();
  }

  /** Input seen (renderer ping, system idle time reset): the idle time starts over. */
  activity(): void {
    this.lastWall = this.tickWall = this.deps.clock.wall();
    this.lastMono = this.tickMono = this.deps.clock.monotonic();
  }

  /** (Re)arms the check after a settings change or an unlock. */
  start(): void {
    this.stop();
    const idle = this.deps.idleMs();
    if (idle === null) return;
    this.activity();
    const run = () => {
      this.check();
      this.timer = this.deps.setTimer(run, tickMs(this.deps.idleMs() ?? idle));
    };
    this.timer = this.deps.setTimer(run, tickMs(idle));
  }

  stop(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  /** One check; returns the reason it locked for, if it did. Exposed so the shell can check on resume. */
  check(): AutoLockReason | null {
    const idle = this.deps.idleMs();
    const wall = this.deps.clock.wall();
    const mono = this.deps.clock.monotonic();
    const jumped = wall - this.tickWall - (mono - this.tickMono) > (idle === null ? Infinity : tickMs(idle));
    this.tickWall = wall;
    this.tickMono = mono;
    if (idle === null || !this.deps.isUnlocked()) return null;
    const elapsed = Math.max(wall - this.lastWall, mono - this.lastMono);
    if (elapsed < idle) return null;
    const reason: AutoLockReason = jumped ? 'clock_jump' : 'idle';
    this.deps.lock(reason);
    return reason;
  }
}

/**
 * How often a crashed window reloads by itself: at most 3 times in 5 minutes, then the recovery
 * dialog asks the user (a window that crashes on every load must not loop forever).
 */
export const AUTO_RELOADS = 3;
export const AUTO_RELOAD_WINDOW_MS = 5 * 60 * 1000;

export class ReloadBudget {
  private readonly reloads: number[] = [];

  constructor(
    private readonly limit = AUTO_RELOADS,
    private readonly windowMs = AUTO_RELOAD_WINDOW_MS,
  ) {}

  /** True (and counted) when one more automatic reload is allowed at `now`. */
  take(now = Date.now()): boolean {
    while (this.reloads.length > 0 && now - this.reloads[0]! >= this.windowMs) this.reloads.shift();
    if (this.reloads.length >= this.limit) return false;
    this.reloads.push(now);
    return true;
  }
}

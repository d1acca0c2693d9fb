/**
 * The auto-lock timer (electron/security/auto-lock.ts) on injected clocks: idle time counts on the
 * wall clock (time asleep counts), a clock set back cannot postpone the lock (the monotonic clock
 * still runs), a wall clock that jumps ahead of the monotonic one locks as clock_jump, "never"
 * never locks, and activity starts the idle time over. Timers are driven by hand: no sleeping.
 */
import { describe, expect, test } from 'vitest';
import { AutoLockTimer, tickMs } from '../../electron/security/auto-lock';

function harness(idleMs: number | null) {
  const clock = { wall: 1_700_000_000_000, mono: 0 };
  const locks: string[] = [];
  let unlocked = true;
  let scheduled: { run: () => void; ms: number } | null = null;
  const timer = new AutoLockTimer({
    clock: { wall: () => clock.wall, monotonic: () => clock.mono },
    idleMs: () => idleMs,
    isUnlocked: () => unlocked,
    lock: (reason) => {
      locks.push(reason);
      unlocked = false;
    },
    setTimer: (run, ms) => (scheduled = { run, ms }),
    clearTimer: () => (scheduled = null),
  });
  /** Both clocks advance (awake); the scheduled check runs whenever its time has come. */
  const awake = (ms: number) => {
    let left = ms;
    while (scheduled && left >= scheduled.ms) {
      const { run, ms: step } = scheduled;
      clock.wall += step;
      clock.mono += step;
      left -= step;
      run();
    }
    clock.wall += left;
    clock.mono += left;
  };
  return { timer, clock, locks, awake, unlock: () => (unlocked = true), scheduled: () => scheduled };
}

describe('auto-lock timer', () => {
  test('locks after the idle time, not before; activity starts it over', () => {
    const h = harness(5 * 60_000);
    h.timer.start();
    h.awake(4 * 60_000);
    h.timer.activity();
    h.awake(4 * 60_000);
    expect(h.locks).toEqual([]);
    h.awake(60_000 + tickMs(5 * 60_000));
    expect(h.locks).toEqual(['idle']);
  });

  test('time asleep counts: after a sleep the next check locks at once, as clock_jump', () => {
    const h = harness(5 * 60_000);
    h.timer.start();
    h.awake(60_000);
    // Asleep for an hour: the wall clock moves, the monotonic clock (and our timers) do not.
    h.clock.wall += 60 * 60_000;
    expect(h.timer.check()).toBe('clock_jump');
    expect(h.locks).toEqual(['clock_jump']);
  });

  test('a short sleep is not a lock: idle time below the limit stays unlocked', () => {
    const h = harness(5 * 60_000);
    h.timer.start();
    h.clock.wall += 2 * 60_000;
    expect(h.timer.check()).toBeNull();
    h.awake(3 * 60_000 + tickMs(5 * 60_000));
    expect(h.locks).toEqual(['idle']);
  });

  test('a clock set back does not postpone the lock', () => {
    const h = harness(5 * 60_000);
    h.timer.start();
    h.awake(60_000);
    h.clock.wall -= 24 * 60 * 60_000;
    h.awake(4 * 60_000 + tickMs(5 * 60_000));
    expect(h.locks).toEqual(['idle']);
  });

  test('"never" never locks, and arms no timer', () => {
    const h = harness(null);
    h.timer.start();
    expect(h.scheduled()).toBeNull();
    h.clock.wall += 365 * 24 * 60 * 60_000;
    expect(h.timer.check()).toBeNull();
    expect(h.locks).toEqual([]);
  });

  test('a locked wallet is not locked again', () => {
    const h = harness(60_000);
    h.timer.start();
    h.awake(60_000 + tickMs(60_000));
    h.awake(10 * 60_000);
    expect(h.locks).toEqual(['idle']);
  });

  test('checks often enough: a fifth of the idle time, between 100 ms and 15 s', () => {
    expect(tickMs(5_000)).toBe(1_000);
    expect(tickMs(60_000)).toBe(12_000);
    expect(tickMs(5 * 60_000)).toBe(15_000);
    expect(tickMs(100)).toBe(100);
  });
});

/** The scheduler with a fake clock and timers: daily while running, quit/update/migration triggers, one at a time. */
import { describe, expect, test } from 'vitest';
import { BackupScheduler, type SchedulerDeps } from '../../electron/backup/scheduler';
import type { BackupTrigger } from '../../electron/backup/names';

const HOUR = 3_600_000;

function harness(options: { fail?: boolean } = {}) {
  let clock = Date.parse('2025-03-03T08:00:00Z');
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  let head: number | null = 10;
  let last: { seq: number; at: number } | null = null;
  const runs: BackupTrigger[] = [];
  let fail = options.fail ?? false;
  const deps: SchedulerDeps = {
    now: () => clock,
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.push({ at: clock + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    headSeq: () => head,
    lastBackup: () => last,
    backup: async (trigger) => {
      if (fail) throw new Error('disk gone');
      runs.push(trigger);
      last = { seq: head ?? 0, at: clock };
    },
  };
  const scheduler = new BackupScheduler(deps);
  return {
    scheduler,
    runs,
    setHead: (seq: number | null) => (head = seq),
    setFail: (value: boolean) => (fail = value),
    /** Moves the clock forward, firing due timers in order. */
    async advance(ms: number) {
      const end = clock + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        clock = due.at;
        due.run();
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
      clock = end;
    },
  };
}

describe('backup scheduler', () => {
  test('daily while running, only when something changed; retries within the hour after a failure', async () => {
    const h = harness();
    h.scheduler.start();
    await h.advance(HOUR);
    expect(h.runs).toEqual(['scheduled']); // never backed up: due at the first check
    await h.advance(23 * HOUR);
    expect(h.runs).toEqual(['scheduled']); // nothing changed: skipped
    h.setHead(11);
    await h.advance(HOUR);
    expect(h.runs).toEqual(['scheduled', 'scheduled']);
    h.setHead(12);
    h.setFail(true);
    await h.advance(25 * HOUR);
    h.setFail(false);
    await h.advance(HOUR);
    expect(h.runs).toEqual(['scheduled', 'scheduled', 'scheduled']);
    h.scheduler.stop();
    h.setHead(13);
    await h.advance(48 * HOUR);
    expect(h.runs).toHaveLength(3);
  });

  test('quit backs up only after changes; update, migration and manual always; nothing while locked', async () => {
    const h = harness();
    await h.scheduler.beforeQuit();
    expect(h.runs).toEqual(['quit']);
    await h.scheduler.beforeQuit();
    expect(h.runs).toEqual(['quit']);
    await h.scheduler.beforeUpdate();
    await h.scheduler.beforeMigration();
    await h.scheduler.manual();
    expect(h.runs).toEqual(['quit', 'update', 'migration', 'manual']);
    h.setHead(null);
    await h.scheduler.manual();
    expect(h.runs).toHaveLength(4);
  });

  test('requests during a run wait for it: one backup at a time', async () => {
    const h = harness();
    const all = Promise.all([h.scheduler.manual(), h.scheduler.beforeUpdate(), h.scheduler.manual()]);
    await all;
    expect(h.runs).toEqual(['manual', 'update', 'manual']);
  });

  test('a safe start suspends automatic backups for the run, on quit included; asked-for ones still run', async () => {
    const h = harness();
    h.scheduler.start();
    h.scheduler.suspend();
    await h.advance(48 * HOUR);
    await h.scheduler.beforeQuit();
    expect(h.runs).toEqual([]);
    await h.scheduler.manual();
    await h.scheduler.beforeUpdate();
    expect(h.runs).toEqual(['manual', 'update']);
  });
});

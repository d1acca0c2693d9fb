/** Retention over simulated calendars: daily use for two years, random histories, edge cases. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyParams } from '../vault/support/rng';
import { backupsToDelete, DEFAULT_RETENTION, utcDay, type RetentionCandidate } from '../../electron/backup/retention';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const candidate = (ms: number, verified = true, id = String(ms)): RetentionCandidate => ({ id, createdAt: new Date(ms).toISOString(), verified });
const kept = (all: RetentionCandidate[], now: Date, policy = DEFAULT_RETENTION) => {
  const gone = new Set(backupsToDelete(all, now, policy, utcDay));
  return all.filter((b) => !gone.has(b.id));
};

describe('retention', () => {
  test('two years of three backups a day, pruned every day, ends with the expected spread', () => {
    let backups: RetentionCandidate[] = [];
    const start = Date.parse('2024-01-01T00:00:00Z');
    for (let day = 0; day < 730; day++) {
      for (const hour of [9, 13, 22]) backups.push(candidate(start + day * DAY + hour * 3_600_000));
      const now = new Date(start + day * DAY + 23 * 3_600_000);
      backups = kept(backups, now);
    }
    const days = backups.map((b) => b.createdAt.slice(0, 10));
    const now = new Date(start + 729 * DAY + 23 * 3_600_000);
    expect(days.filter((d) => d === utcDay(now))).toHaveLength(3); // today: all 3 (≤ 5)
    for (let back = 1; back <= 7; back++) expect(days).toContain(utcDay(new Date(now.getTime() - back * DAY)));
    // One a month for the last year: every month from 12 months ago to now is represented.
    const months = new Set(days.map((d) => d.slice(0, 7)));
    for (let m = 0; m <= 12; m++) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 15));
      expect(months.has(d.toISOString().slice(0, 7)), d.toISOString()).toBe(true);
    }
    expect(backups.length).toBeLessThanOrEqual(5 + 7 + 5 + 13);
    expect(days.every((d) => d >= '2024-12-01')).toBe(true);
  });

  test('keeps the newest few of today, in order', () => {
    const now = at('2025-03-03T20:00:00Z');
    const today = Array.from({ length: 8 }, (_, i) => candidate(Date.parse('2025-03-03T08:00:00Z') + i * 3_600_000));
    expect(backupsToDelete(today, now, DEFAULT_RETENTION, utcDay)).toEqual(today.slice(0, 3).map((b) => b.id).reverse());
  });

  test('never deletes the only verified backup, however old; never touches unverified ones', () => {
    const now = at('2030-01-01T00:00:00Z');
    const ancient = candidate(Date.parse('2020-01-01T00:00:00Z'));
    const unverified = candidate(Date.parse('2020-01-02T00:00:00Z'), false);
    expect(backupsToDelete([ancient, unverified], now, DEFAULT_RETENTION, utcDay)).toEqual([]);
  });

  const history = fc.record({
    offsets: fc.array(fc.tuple(fc.integer({ min: -800 * 24, max: 48 }), fc.boolean()), { maxLength: 120 }),
    policy: fc.record({ today: fc.integer({ min: 0, max: 6 }), days: fc.integer({ min: 0, max: 10 }), weeks: fc.integer({ min: 0, max: 6 }), months: fc.integer({ min: 0, max: 14 }) }),
  });

  test('properties over random calendars', () => {
    const now = at('2025-06-15T12:00:00Z');
    fc.assert(
      fc.property(history, ({ offsets, policy }) => {
        const all = offsets.map(([hours, verified], i) => candidate(now.getTime() + hours * 3_600_000, verified, `b${i}`));
        const deleted = new Set(backupsToDelete(all, now, policy, utcDay));
        const left = all.filter((b) => !deleted.has(b.id));
        const verified = all.filter((b) => b.verified).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        // Only verified ones are ever deleted, and the newest verified one never.
        for (const id of deleted) expect(all.find((b) => b.id === id)!.verified).toBe(true);
        if (verified[0]) expect(deleted.has(verified[0].id)).toBe(false);
        // Each of the last `days` days with a verified backup keeps one.
        for (let back = 1; back <= policy.days; back++) {
          const day = utcDay(new Date(now.getTime() - back * DAY));
          if (verified.some((b) => b.createdAt.startsWith(day))) expect(left.some((b) => b.verified && b.createdAt.startsWith(day))).toBe(true);
        }
        // Bounded: no more than the policy's slots (+ the newest) survive among verified.
        const slots = policy.today + policy.days + policy.weeks + 1 + policy.months + 1 + 1;
        expect(left.filter((b) => b.verified).length).toBeLessThanOrEqual(Math.max(slots, 1));
        // Stable: pruning again deletes nothing more.
        expect(backupsToDelete(left, now, policy, utcDay)).toEqual([]);
      }),
      { numRuns: 300, ...propertyParams('retention property') },
    );
  });
});

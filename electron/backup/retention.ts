/**
 * Which backups to delete (pure): keep the newest few of today, the newest of each of the last
 * days, of each of the last weeks and of each of the last months; never the newest verified one.
 * Only verified backups are considered: an unverified or damaged file is the user's to look at,
 * not ours to delete.
 */
export interface RetentionPolicy {
  /** Backups kept from today (the newest). */
  today: number;
  /** One a day for this many days before today. */
  days: number;
  /** One a week (Monday–Sunday) for this many weeks. */
  weeks: number;
  /** One a month for this many months. */
  months: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { today: 5, days: 7, weeks: 4, months: 12 };

export interface RetentionCandidate {
  id: string;
  /** ISO instant. */
  createdAt: string;
  verified: boolean;
}

/** Calendar day of an instant as the user sees it; injected so tests can pin the time zone. */
export type DayOf = (instant: Date) => string;

export const localDay: DayOf = (d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
export const utcDay: DayOf = (d) => d.toISOString().slice(0, 10);

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD (calendar arithmetic, no time zone). */
const dayNumber = (day: string) => Math.floor(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
/** Weeks start on Monday; 1970-01-01 was a Thursday. */
const weekNumber = (day: string) => Math.floor((dayNumber(day) + 3) / 7);
const monthNumber = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

export function backupsToDelete(backups: readonly RetentionCandidate[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION, dayOf: DayOf = localDay): string[] {
  const today = dayOf(now);
  const verified = backups
    .filter((backup) => backup.verified && Number.isFinite(Date.parse(backup.createdAt)))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const keep = new Set<string>();
  // The newest verified backup, always (also guards against a clock that jumped forward).
  if (verified[0]) keep.add(verified[0].id);

  const buckets = { day: new Set<number>(), week: new Set<number>(), month: new Set<number>() };
  let keptToday = 0;
  for (const backup of verified) {
    const day = dayOf(new Date(backup.createdAt));
    if (day >= today) {
      // Today's, or dated in the future by a wrong clock: keep the newest few.
      if (keptToday++ < policy.today) keep.add(backup.id);
      continue;
    }
    const age = { day: dayNumber(today) - dayNumber(day), week: weekNumber(today) - weekNumber(day), month: monthNumber(today) - monthNumber(day) };
    const tiers: [keyof typeof buckets, number, number][] = [
      ['day', age.day <= policy.days ? dayNumber(day) : NaN, 0],
      ['week', age.week <= policy.weeks ? weekNumber(day) : NaN, 0],
      ['month', age.month <= policy.months ? monthNumber(day) : NaN, 0],
    ];
    for (const [tier, bucket] of tiers) {
      // Newest first, so the first backup seen in a bucket is that bucket's newest.
      if (Number.isNaN(bucket) || buckets[tier].has(bucket)) continue;
      buckets[tier].add(bucket);
      keep.add(backup.id);
    }
  }
  return verified.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
}

/** How backups read on screen: ages ("2 hours ago"), dates, sizes, and why a file is damaged. */
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { TFunction } from 'i18next';
import { formatBytes, formatDay, formatInstant } from '../../../../shared/format';

dayjs.extend(relativeTime);

/** dayjs's own locale follows the app language (lib/i18n applyLanguage). */
export function ago(iso: string): string {
  return dayjs(iso).fromNow();
}

export function dateTime(iso: string | null, locale: string): string {
  return iso ? formatInstant(iso, locale) : '—';
}

/** A booking day (YYYY-MM-DD) in the app's one day format. */
export function day(isoDay: string | null, locale: string): string {
  return isoDay ? formatDay(isoDay, locale) : '—';
}

export const size = formatBytes;

const PROBLEMS = ['integrity', 'not_a_wallet', 'format_too_new', 'not_found', 'io_error'];
export function problemText(problem: string | null, t: TFunction): string {
  return t(`backup.problem.${problem && PROBLEMS.includes(problem) ? problem : 'other'}`);
}

export function daysSince(iso: string): number {
  return Math.max(1, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));
}

/** When a "before restore" copy was kept: its name ends in `.before-restore-20250303T101502123Z`. */
export function revertCopyTime(file: string): string | null {
  const match = /before-restore-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(file);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms] = match;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
}

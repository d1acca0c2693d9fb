/** How one security log entry reads: its kind and its details, translated (pure, for the log table). */
import type { TFunction } from 'i18next';
import type { SecurityEvent } from '../../../../shared/contract';

const DETAIL_KEYS = ['attempt', 'waitSeconds', 'failedAttempts', 'accounts', 'file', 'events', 'version', 'trigger'] as const;

export function entryTitle(entry: SecurityEvent, t: TFunction): string {
  const title = t(`security.log.kinds.${entry.kind}`);
  const reason = entry.details.reason;
  return typeof reason === 'string' ? `${title} (${t(`security.log.reasons.${reason}`, { defaultValue: reason })})` : title;
}

export function entryDetails(entry: SecurityEvent, t: TFunction): string {
  const d = entry.details;
  const parts: string[] = [];
  for (const key of DETAIL_KEYS) {
    const value = d[key];
    if (value === undefined || value === null) continue;
    if (key === 'failedAttempts' && value === 0) continue;
    parts.push(t(`security.log.detail.${key}`, { [key]: value }));
  }
  if (typeof d.format === 'string') parts.push(t('security.log.detail.format', { format: d.format.toUpperCase(), count: d.count ?? 0 }));
  if (typeof d.action === 'string') parts.push(t('security.log.detail.action', { action: d.action }));
  return parts.join(' · ');
}

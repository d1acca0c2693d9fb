/**
 * Backup file names: `<wallet-slug>-<UTC timestamp>-<trigger>.owbackup`. The name is for people
 * and for sorting; nothing relies on parsing it (the file's own backup_info is the truth).
 */
import { randomBytes } from 'node:crypto';

export const BACKUP_EXTENSION = '.owbackup';
/** Files being written; never listed, removed when a write fails or was interrupted long ago. */
export const TEMP_PREFIX = '.owbackup-tmp-';
export const TRIGGERS = ['manual', 'scheduled', 'quit', 'update', 'migration'] as const;
export type BackupTrigger = (typeof TRIGGERS)[number];

/** Letters (any script, so 家庭账本 stays readable), digits and dashes; at most 40 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'wallet';
}

/** 20250303T101502123Z: sortable, no characters that Windows forbids in file names. */
export function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

export function backupFileName(walletName: string, at: Date, trigger: BackupTrigger, attempt = 0): string {
  const suffix = attempt > 0 ? `-${attempt + 1}` : '';
  return `${slugify(walletName)}-${fileTimestamp(at)}-${trigger}${suffix}${BACKUP_EXTENSION}`;
}

export function tempFileName(): string {
  return `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`;
}

export function isBackupFileName(name: string): boolean {
  return name.endsWith(BACKUP_EXTENSION) && !name.startsWith('.');
}

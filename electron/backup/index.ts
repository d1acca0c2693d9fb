/**
 * Backups: write + verify, list, schedule + retention, restore (full / merge / onto a new
 * machine), export. Plain Node, nothing from 'electron'. The file format is in FORMAT.md.
 */
export { listBackups, type BackupEntry, type BackupStatus } from './list';
export { writeBackup, type WriteBackupOptions } from './write';
export { backupToDestinations, prune, type DestinationOutcome } from './destinations';
export { verifyBackup, type BackupVerifyResult } from './verify';
export { openBackup, type BackupKey } from './open';
export { backupsToDelete, DEFAULT_RETENTION, localDay, utcDay, type RetentionCandidate, type RetentionPolicy } from './retention';
export { BackupScheduler, DEFAULT_SCHEDULE, type ScheduleSettings, type SchedulerDeps } from './scheduler';
export { listRevertCopies, replaceWalletWithBackup, restoreAsNewWallet, revertRestore } from './restore-full';
export { planMerge, selectEvents, type MergeItem, type MergeItemKind, type MergePlan } from './merge-plan';
export { applyMerge, collectPayloads, journalSink, previewMerge, previewReplace, readBackupEvents, type MergeResult, type MergeSink } from './merge';
export { fullJson, transactionsCsv, writeExport, CSV_HEADER, type CsvOptions, type JsonExportMeta } from './export';
export { BACKUP_EXTENSION, TRIGGERS, type BackupTrigger } from './names';
export type { BackupPhase, ProgressReporter } from './progress';

/**
 * Progress reporting shared by backup, verify and restore, so the UI can draw one bar per phase.
 * `done`/`total` are in the phase's own unit (pages, bytes or events).
 */
export type BackupPhase = 'copy' | 'seal' | 'verify' | 'kdf' | 'read' | 'replace' | 'merge';

export type ProgressReporter = (phase: BackupPhase, done: number, total: number) => void;

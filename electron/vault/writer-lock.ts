/**
 * One writer per wallet file. The lock is a sidecar `<wallet>.lock`: an empty SQLite database on
 * which we hold an exclusive transaction (`locking_mode=EXCLUSIVE` + `BEGIN EXCLUSIVE`). SQLite
 * takes it with POSIX advisory locks, which the OS drops when the process dies, so a crash or a
 * SIGKILL never leaves a wallet locked; SQLite also tracks its locks per file inside one process,
 * so a second connection in the same process (another window's session, a CLI run in a test) is
 * refused too.
 *
 * Why a sidecar and not exclusive locking mode on the wallet connection itself: unlock reads and
 * writes the wallet through a second connection (the LockedVault's: backoff state), backups and
 * status open their own read connections, and restore swaps the file — all of those must keep
 * working beside the one writer. The lock file holds nothing and is left in place on release
 * (deleting it would race with a process that just opened it and would lock an unlinked inode).
 */
import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { DomainError } from '../../shared/errors';

export interface WriterLock {
  release(): void;
}

export function lockPathOf(walletPath: string): string {
  return `${walletPath}.lock`;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function walletBusy(path: string): DomainError {
  return new DomainError('wallet_busy', 'errors.vault.open_elsewhere', { path });
}

/**
 * Takes the writer lock of `walletPath` or throws `wallet_busy`. Returns null when the lock file
 * cannot be created at all (read-only folder or mount): nobody can write there, so there is
 * nothing to exclude; the caller opens the wallet read-only.
 */
export function acquireWriterLock(walletPath: string): WriterLock | null {
  const path = lockPathOf(walletPath);
  try {
    closeSync(openSync(path, 'a', 0o600));
  } catch {
    return null;
  }
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: 0 });
  } catch {
    return null;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw walletBusy(walletPath);
    return null;
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      try {
        db.exec('ROLLBACK');
      } catch {
        // Closing below drops the lock regardless.
      }
      db.close();
    },
  };
}

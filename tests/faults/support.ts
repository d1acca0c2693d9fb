/**
 * Fault injection with real parts: the bundled CLI as a child process, given a standard output
 * that is a pipe nobody reads (EPIPE) or /dev/full (ENOSPC); wallets on a real small tmpfs that
 * is filled up. Each fault must end with one translated sentence, a defined exit code, and a
 * wallet that still verifies with every acknowledged write in it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { createVault } from '../../electron/vault';
import { TEST_KDF } from '../vault/support/helpers';
import { runBundled, seedLedger, type CliRun } from '../cli/support';

export const PASSWORD = 'fault-injection pw';

export interface RunOptions {
  stdin?: string;
  /** A file descriptor to hand the child as its standard output instead of a pipe we read. */
  stdoutFd?: number;
}

/** The bundled CLI, with the fault suite's password on standard input unless told otherwise. */
export function runCli(bundle: string, args: string[], options: RunOptions = {}): Promise<CliRun> {
  return runBundled(bundle, args, { stdin: options.stdin ?? `${PASSWORD}\n`, ...(options.stdoutFd === undefined ? {} : { stdoutFd: options.stdoutFd }) });
}

/**
 * The write end of a pipe whose reader is already gone: every write to it fails with EPIPE, from
 * the first byte on (what `| head -0` does once head has exited, without the race).
 */
export function readerlessPipe(dir: string): { fd: number; close: () => void } {
  const fifo = join(dir, `fifo-${process.pid}-${Math.random().toString(36).slice(2)}`);
  execFileSync('mkfifo', [fifo]);
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const fd = openSync(fifo, constants.O_WRONLY);
  closeSync(reader);
  return { fd, close: () => closeSync(fd) };
}

/** A wallet (test KDF) with an account "Cash" (CNY 1000.00) and `events - 1` expenses of 1.00. */
export async function makeWallet(path: string, events = 3): Promise<void> {
  const { session } = await createVault(path, { password: PASSWORD, testOnlyKdf: TEST_KDF });
  await seedLedger(session, events);
  session.lock();
}

/** Mounts a real tmpfs of `size` at a new folder, or says why it cannot (then the caller skips). */
export function mountTmpfs(parent: string, size: string): { dir: string; unmount: () => void } | { skip: string } {
  const dir = join(parent, `tmpfs-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return { skip: `tmpfs cannot be mounted here (${(error as Error).message.split('\n')[0]}); disk-full tests skipped` };
  }
  return { dir, unmount: () => execFileSync('umount', ['-l', dir]) };
}

/** Fills the file system holding `dir` until writes fail, leaving `leaveBytes` or less. */
export function fillDisk(dir: string, leaveBytes = 0): string {
  const filler = join(dir, 'filler');
  try {
    execFileSync('sh', ['-c', `head -c $(( $(stat -f -c '%a*%S' '${dir}') - ${leaveBytes} )) /dev/zero > '${filler}'`], { stdio: 'pipe' });
  } catch {
    // "No space left" is the point.
  }
  return filler;
}

/** verify (exit 0) and the payees of every transaction, through the CLI with a normal stdout. */
export async function verifiedPayees(bundle: string, vault: string): Promise<string[]> {
  const verify = await runCli(bundle, ['--vault', vault, '--password-stdin', 'verify']);
  if (verify.code !== 0) throw new Error(`verify failed (${verify.code}): ${verify.stdout}${verify.stderr}`);
  const list = await runCli(bundle, ['--vault', vault, '--password-stdin', '--json', 'tx', 'list', '--limit', '1000']);
  if (list.code !== 0) throw new Error(`tx list failed (${list.code}): ${list.stderr}`);
  return (JSON.parse(list.stdout) as { transactions: Array<{ payee: string }> }).transactions.map((row) => row.payee);
}

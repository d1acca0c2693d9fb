/**
 * What every command gets: parsed global options, output helpers, and the only ways to obtain
 * secrets (stdin lines with --password-stdin, or environment variables meant for scripts).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KEY_FILE_MAX_BYTES } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { terminalSafe } from '../../shared/text-rules';
import { readRegularFileCapped } from '../support/bounded-read';
import { t } from './messages';
import { GuardedStream, outputError, writeOut } from './output';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv | Record<string, string | undefined>;
}

export interface GlobalOptions {
  vault?: string;
  json: boolean;
  passwordStdin: boolean;
  keyFile?: string;
}

export interface CliTestOnly {
  /** The key a test feed is signed with, instead of the pinned release key. */
  updatePublicKey?: string;
}

/** A usage mistake (exit code 2), as opposed to a DomainError from the engine. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Usage lines (syntax after `onewallet`) printed under the message. */
    readonly usage: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface SecretSpec {
  /** key under cli.secret_names */
  name: 'password' | 'new_password' | 'old_password' | 'recovery_key';
  env: string;
}

/** stdout and stderr of one run, guarded so a closed pipe or a full disk never throws (output.ts). */
export interface CliOutput {
  stdout: GuardedStream;
  stderr: GuardedStream;
}

export function guardOutput(io: CliIo): CliOutput {
  return { stdout: new GuardedStream(io.stdout), stderr: new GuardedStream(io.stderr) };
}

export class CliContext {
  private stdinLines: Promise<string[]> | null = null;

  constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions,
    readonly output: CliOutput = guardOutput(io),
    /** Test-only knobs, passed only by test entry points in out/test (never by the shipped CLI). */
    readonly testOnly: CliTestOnly = {},
  ) {}

  /**
   * A line of the result; a failure to write it is reported once, at the end of the run (main.ts).
   * Control characters in it (stored text may hold ANSI escapes) are shown as escapes, never obeyed;
   * JSON lines stay valid JSON (JSON.stringify already escapes C0, the rest becomes \uXXXX).
   */
  out(line: string): void {
    this.output.stdout.write(`${terminalSafe(line)}\n`);
  }

  err(line: string): void {
    this.output.stderr.write(`${terminalSafe(line)}\n`);
  }

  /**
   * Writes a line to stdout and waits until it is out; throws the translated io_error (exit 5)
   * when it could not be written. For what must be seen before the wallet depends on it.
   */
  async deliver(line: string): Promise<void> {
    if (this.output.stdout.error) throw outputError(this.output.stdout.error, false);
    try {
      await writeOut(this.io.stdout, `${line}\n`);
    } catch (error) {
      throw outputError(error, false);
    }
  }

  json(value: unknown): void {
    this.out(JSON.stringify(value));
  }

  /** The wallet file; its folder must exist (SQLite would only say "cannot open database"). */
  vaultPath(): string {
    const path = this.options.vault ?? this.io.env.ONEWALLET_VAULT;
    if (!path) throw new UsageError(t('cli.no_vault'));
    const folder = dirname(resolve(path));
    if (!existsSync(folder)) throw new DomainError('io_error', 'errors.files.folder_missing', { path: folder });
    if (!statSync(folder).isDirectory()) throw new DomainError('io_error', 'errors.files.not_a_folder', { path: folder });
    return path;
  }

  /** Secrets in order: line i of stdin with --password-stdin, otherwise the spec's environment variable. */
  async secrets(specs: readonly SecretSpec[]): Promise<string[]> {
    if (this.options.passwordStdin) {
      const lines = await this.readStdin(specs.length);
      return specs.map((spec, i) => {
        const line = lines[i];
        if (line === undefined) throw new UsageError(t('cli.no_secret', { what: t(`cli.secret_names.${spec.name}`), line: i + 1, env: spec.env }));
        return line;
      });
    }
    return specs.map((spec, i) => {
      const value = this.io.env[spec.env];
      if (value === undefined) throw new UsageError(t('cli.no_secret', { what: t(`cli.secret_names.${spec.name}`), line: i + 1, env: spec.env }));
      return value;
    });
  }

  /** A key file: a regular file of at most KEY_FILE_MAX_BYTES (the contract's cap), checked while reading. */
  async readKeyFile(path: string | undefined): Promise<Uint8Array | undefined> {
    if (path === undefined) return undefined;
    return readRegularFileCapped(path, KEY_FILE_MAX_BYTES);
  }

  /** Reads up to `count` lines, then stops listening so the process can exit without EOF. */
  private readStdin(count: number): Promise<string[]> {
    this.stdinLines ??= new Promise<string[]>((resolve, reject) => {
      const stream = this.io.stdin;
      let buffer = '';
      const lines: string[] = [];
      const finish = () => {
        stream.off('data', onData);
        stream.off('end', onEnd);
        stream.off('error', onError);
        stream.pause();
        resolve(lines);
      };
      const onData = (chunk: Buffer | string) => {
        buffer += chunk.toString();
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0 && lines.length < count) {
          lines.push(buffer.slice(0, newline).replace(/\r$/, ''));
          buffer = buffer.slice(newline + 1);
        }
        if (lines.length >= count) finish();
      };
      const onEnd = () => {
        if (buffer.length > 0 && lines.length < count) lines.push(buffer.replace(/\r$/, ''));
        finish();
      };
      const onError = (error: Error) => reject(error);
      stream.on('data', onData);
      stream.on('end', onEnd);
      stream.on('error', onError);
      stream.resume();
    });
    return this.stdinLines;
  }
}

/**
 * What every command gets: parsed global options, output helpers, and the only ways to obtain
 * secrets (stdin lines with --password-stdin, or environment variables meant for scripts).
 */
import { readFile } from 'node:fs/promises';
import { DomainError } from '../../shared/errors';
import { t } from './messages';

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

export class CliContext {
  private stdinLines: Promise<string[]> | null = null;

  constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions,
    /** Test-only knobs, passed only by test entry points in out/test (never by the shipped CLI). */
    readonly testOnly: CliTestOnly = {},
  ) {}

  out(line: string): void {
    this.io.stdout.write(`${line}\n`);
  }

  err(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  json(value: unknown): void {
    this.out(JSON.stringify(value));
  }

  vaultPath(): string {
    const path = this.options.vault ?? this.io.env.ONEWALLET_VAULT;
    if (!path) throw new UsageError(t('cli.no_vault'));
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

  async readKeyFile(path: string | undefined): Promise<Uint8Array | undefined> {
    if (path === undefined) return undefined;
    try {
      return new Uint8Array(await readFile(path));
    } catch {
      throw new DomainError('io_error', 'cli.key_file_unreadable', { path });
    }
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

/**
 * The `onewallet` command line: a client of the engine, not of the GUI. Parses global options,
 * dispatches to a registered command, and turns every failure into one English sentence on stderr
 * and the shared exit code (0 ok, 1 unexpected, 2 usage, 3 auth/lockout, 4 integrity, 5 rejected).
 */
import { parseArgs } from 'node:util';
import { exitCodeFor, isDomainError } from '../../shared/errors';
import { COMMANDS } from './commands';
import { CliContext, UsageError, type CliIo, type GlobalOptions } from './context';
import { t } from './messages';

function help(): string {
  return [
    t('cli.usage'),
    '',
    t('cli.help_intro'),
    '',
    t('cli.commands'),
    ...COMMANDS.map((c) => `  ${t(c.helpKey)}`),
    '',
    t('cli.global_options'),
    ...['opt_vault', 'opt_json', 'opt_password_stdin', 'opt_key_file', 'opt_help'].map((k) => `  ${t(`cli.${k}`)}`),
    '',
    t('cli.env_note'),
    t('cli.exit_codes'),
  ].join('\n');
}

function parse(argv: readonly string[]): { options: GlobalOptions; help: boolean; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      vault: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      'password-stdin': { type: 'boolean', default: false },
      'key-file': { type: 'string' },
    },
  });
  const options: GlobalOptions = { json: values.json === true, passwordStdin: values['password-stdin'] === true };
  if (values.vault !== undefined) options.vault = values.vault;
  if (values['key-file'] !== undefined) options.keyFile = values['key-file'];
  return { options, help: values.help === true, positionals };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const write = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    write(io.stderr, t('cli.usage_error', { detail: (error as Error).message }));
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  if (parsed.help) {
    write(io.stdout, help());
    return 0;
  }
  if (!name) {
    write(io.stderr, help());
    return 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    write(io.stderr, t('cli.unknown_command', { name }));
    return 2;
  }
  try {
    return await command.run(new CliContext(io, parsed.options), args);
  } catch (error) {
    if (error instanceof UsageError) {
      write(io.stderr, error.message);
      return 2;
    }
    if (isDomainError(error)) {
      write(io.stderr, t(error.messageKey, error.params));
      return exitCodeFor(error.code);
    }
    write(io.stderr, t('cli.unexpected', { detail: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
}

/** Entry for the npm bin and for `node out/cli/main.cjs`. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
  process.exitCode = code;
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) void main();

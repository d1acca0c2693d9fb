/**
 * The `onewallet` command line: a client of the engine, not of the GUI. Takes the global options
 * out first, dispatches to a registered command (which parses its own options), and turns every
 * failure into one English sentence on stderr and the shared exit code (0 ok, 1 unexpected,
 * 2 usage, 3 auth/lockout, 4 integrity, 5 invalid input or rejected).
 */
import { exitCodeFor, isDomainError } from '../../shared/errors';
import { terminalSafe } from '../../shared/text-rules';
import { parseGlobals, type GlobalParse } from './args';
import { COMMANDS } from './commands';
import { fileProblem, fileError } from '../support/os-errors';
import { CliContext, guardOutput, UsageError, type CliIo, type CliTestOnly } from './context';
import { commandHelp, globalHelp } from './help';
import { t } from './messages';
import { outputError } from './output';

function usageText(error: UsageError): string {
  return [error.message, ...error.usage.map((line, i) => `${i === 0 ? t('cli.help.usage_prefix') : '      '} onewallet ${line}`)].join('\n');
}

export async function runCli(argv: string[], io: CliIo, testOnly: CliTestOnly = {}): Promise<number> {
  const output = guardOutput(io);
  const code = await runCommand(argv, io, output, testOnly);
  // Output that never arrived is the last thing to report: the command's own result came first.
  const failure = await output.stdout.settled();
  if (failure === null) return code;
  if (code !== 0) return code;
  const error = outputError(failure, true);
  output.stderr.write(`${t(error.messageKey, error.params)}\n`);
  await output.stderr.settled();
  return exitCodeFor(error.code);
}

async function runCommand(argv: string[], io: CliIo, output: ReturnType<typeof guardOutput>, testOnly: CliTestOnly): Promise<number> {
  const write = (stream: NodeJS.WritableStream, text: string) => (stream === io.stdout ? output.stdout : output.stderr).write(`${text}\n`);
  let parsed: GlobalParse;
  try {
    parsed = parseGlobals(argv);
  } catch (error) {
    write(io.stderr, error instanceof UsageError ? usageText(error) : t('cli.usage_error', { detail: (error as Error).message }));
    return 2;
  }
  const [name, ...args] = parsed.rest;
  const command = name === undefined ? undefined : COMMANDS.find((c) => c.name === name);
  if (parsed.help) {
    write(io.stdout, command ? commandHelp(command, args) : globalHelp(COMMANDS));
    return 0;
  }
  if (name === undefined) {
    write(io.stderr, globalHelp(COMMANDS));
    return 2;
  }
  if (!command) {
    write(io.stderr, t('cli.unknown_command', { name }));
    return 2;
  }
  try {
    return await command.run(new CliContext(io, parsed.options, output, testOnly), args);
  } catch (error) {
    if (error instanceof UsageError) {
      write(io.stderr, usageText(error));
      return 2;
    }
    // A known OS or SQLite failure that no layer named yet (e.g. the wallet file itself): name the path.
    const known = isDomainError(error) ? error : fileProblem(error) ? fileError(error, (error as { path?: string }).path ?? parsed.options.vault ?? '') : null;
    if (known) {
      write(io.stderr, terminalSafe(t(known.messageKey, known.params)));
      return exitCodeFor(known.code);
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

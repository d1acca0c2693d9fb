/**
 * Argument parsing in two steps: global options are taken out of the whole command line first
 * (they may stand before or after the command), then the chosen command parses what is left
 * strictly against the options its form declares. Mistakes are UsageErrors carrying the form's
 * usage, so the message on stderr says what is wrong and how to call the command.
 */
import { parseArgs } from 'node:util';
import { UsageError, type GlobalOptions } from './context';
import { t } from './messages';
import type { Action, Command, Form, Options } from './registry';

/** Options every command accepts, anywhere on the line (described by cli.opt_* in `onewallet --help`). */
export const GLOBAL_OPTIONS = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  'key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface GlobalParse {
  options: GlobalOptions;
  help: boolean;
  /** Everything else, in order: the command words, then its own options and arguments. */
  rest: string[];
}

/** Takes the global options out of argv wherever they stand (up to a `--` terminator). */
export function parseGlobals(argv: readonly string[]): GlobalParse {
  const { tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: GLOBAL_OPTIONS,
  });
  const options: GlobalOptions = { json: false, passwordStdin: false };
  let help = false;
  const taken = new Set<number>();
  let terminated = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') terminated = true;
    if (terminated || token.kind !== 'option' || !(token.name in GLOBAL_OPTIONS)) continue;
    taken.add(token.index);
    const name = token.name as keyof typeof GLOBAL_OPTIONS;
    if (GLOBAL_OPTIONS[name].type === 'string') {
      let value = token.value;
      if (token.inlineValue === false || token.inlineValue === undefined) {
        value = argv[token.index + 1];
        if (value === undefined) throw new UsageError(t('cli.help.missing_value', { option: `--${name}` }));
        taken.add(token.index + 1);
      }
      if (name === 'vault') options.vault = value ?? '';
      else options.keyFile = value ?? '';
    } else if (name === 'json') options.json = true;
    else if (name === 'password-stdin') options.passwordStdin = true;
    else help = true;
  }
  return { options, help, rest: argv.filter((_, index) => !taken.has(index)) };
}

/** The parsed arguments of one form, read through typed accessors. */
export class Parsed {
  constructor(
    private readonly values: Readonly<Record<string, unknown>>,
    readonly positionals: readonly string[],
  ) {}

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** The n-th positional; the form's count was checked already. */
  arg(index: number): string {
    return this.positionals[index] ?? '';
  }
}

/**
 * A negative number after a string option is its value, not an option: `--opening -500` reads as
 * `--opening=-500` (Node's parser would call it ambiguous).
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A form's full syntax, e.g. 'account add NAME --type T --currency C [--opening X]'. */
export function syntax(form: Form): string {
  const options = Object.entries(form.options).map(([name, spec]) => {
    const text = spec.type === 'string' ? `--${name} ${spec.value ?? 'X'}` : `--${name}`;
    return spec.required ? text : `[${text}]`;
  });
  return [form.usage, ...options].join(' ');
}

/** Parses a form's own options and positionals; anything else is a UsageError with its usage. */
export function parseForm(form: Form, args: readonly string[]): Parsed {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, form.options),
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(Object.entries(form.options).map(([name, spec]) => [name, { type: spec.type }])),
    });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error), [syntax(form)]);
  }
  const { positionals } = parsed;
  if (positionals.length > form.positionals) {
    throw new UsageError(t('cli.help.unexpected_argument', { arg: positionals[form.positionals] ?? '' }), [syntax(form)]);
  }
  if (positionals.length < form.positionals) throw new UsageError(t('cli.help.missing_argument'), [syntax(form)]);
  for (const [name, spec] of Object.entries(form.options)) {
    if (spec.required && parsed.values[name] === undefined) throw new UsageError(t('cli.help.missing_option', { option: `--${name}` }), [syntax(form)]);
  }
  return new Parsed(parsed.values, positionals);
}

/** Node's messages name the option; keep the first sentence, which is the useful one. */
function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return t('cli.help.unknown_option', { option: unknown[1] ?? '' });
  const missing = /^Option '(-\S+)(?: <value>)?' argument missing/.exec(message);
  if (missing) return t('cli.help.missing_value', { option: missing[1] ?? '' });
  return message.split('\n')[0] ?? message;
}

/** A command with one form: `name [options]`. */
export function single(name: string, action: Action): Command {
  return { name, forms: [action], run: (ctx, args) => action.run(ctx, parseForm(action, args)) };
}

/** A command whose first argument picks the action: `account add …`, `tx list …`. */
export function group(name: string, actions: Readonly<Record<string, Action>>): Command {
  const forms = Object.values(actions);
  return {
    name,
    forms,
    run(ctx, args) {
      const [word, ...rest] = args;
      const action = word === undefined ? undefined : Object.hasOwn(actions, word) ? actions[word] : undefined;
      if (!action) {
        const detail = word === undefined ? t('cli.help.missing_action', { command: name }) : t('cli.help.unknown_action', { command: name, action: word });
        throw new UsageError(detail, forms.map(syntax));
      }
      return action.run(ctx, parseForm(action, rest));
    },
  };
}

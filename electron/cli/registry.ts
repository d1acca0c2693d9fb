/**
 * The command registry: each area adds a module under commands/ exporting its Command list, and
 * commands/index.ts concatenates them. A command declares its forms (usage, summary, options) so
 * that parsing and help come from one description and cannot drift apart.
 */
import type { CliContext } from './context';
import type { Parsed } from './args';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder shown in help for a string option, e.g. 'NAME'. */
  value?: string;
  /** Message key of the option's one-line description. */
  helpKey: string;
  /** The form cannot run without it (checked by the parser, shown without brackets). */
  required?: boolean;
}

export type Options = Readonly<Record<string, OptionSpec>>;

/** One way of calling a command, e.g. `tx add --account A --amount X …`. */
export interface Form {
  /** Command words and positional placeholders after `onewallet`, e.g. 'account freeze NAME'; the options are added from `options`. */
  usage: string;
  /** Message key of one sentence saying what it does. */
  summaryKey: string;
  options: Options;
  /** How many positional arguments follow the command words (exactly). */
  positionals: number;
}

export interface Action extends Form {
  run(ctx: CliContext, input: Parsed): Promise<number>;
}

export interface Command {
  /** The word typed after `onewallet`. */
  name: string;
  /** Every form, in help order. */
  forms: readonly Form[];
  /** Gets the arguments after the command word (global options already removed); returns the exit code. */
  run(ctx: CliContext, args: readonly string[]): Promise<number>;
}

/**
 * The command registry: each area adds a module under commands/ exporting its Command list, and
 * commands/index.ts concatenates them. main.ts only knows this interface.
 */
import type { CliContext } from './context';

export interface Command {
  /** The word typed after `onewallet`. */
  name: string;
  /** Message key of the one-line help (cli.cmd.*). */
  helpKey: string;
  /** Returns the exit code; throws DomainError / UsageError for failures. */
  run(ctx: CliContext, args: readonly string[]): Promise<number>;
}

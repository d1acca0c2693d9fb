/**
 * Child process for the one-writer tests (bundled by the test): unlocks a wallet through the same
 * session code the CLI uses and holds it open until its stdin closes (or it is killed), printing
 * `held` once it is the wallet's writer. argv: wallet path; the password comes on stdin's first line.
 */
import { CliContext } from '../../electron/cli/context';
import { withLedger } from '../../electron/cli/session';

const [vault] = process.argv.slice(2);
const ctx = new CliContext(
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: {} },
  { vault, json: false, passwordStdin: true },
);
void withLedger(ctx, () =>
  new Promise<void>((resolve) => {
    process.stdout.write('held\n');
    process.stdin.resume();
    process.stdin.once('end', resolve);
  }),
).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

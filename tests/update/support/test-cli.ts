/**
 * The CLI with one test-only difference: it trusts the throw-away key a test feed is signed with
 * (ONEWALLET_TEST_UPDATE_KEY) instead of the pinned release key. Bundled by the test itself;
 * never shipped.
 */
import { runCli } from '../../../electron/cli/main';

void runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }, {
  updatePublicKey: process.env.ONEWALLET_TEST_UPDATE_KEY,
}).then((code) => (process.exitCode = code));

/**
 * The crash tests' child process: a bundled test entry that writes to a wallet and prints one line
 * per milestone ("ready", "ack …"), killed with SIGKILL at a moment the test picks from those lines.
 */
import { spawn } from 'node:child_process';
import { bundleEntry, childEnv, TEST_BUILD_DEFINE } from '../../cli/support';

/** Bundles `entry` (a path from the repo root) into `outFile` with the test build's constants. */
export async function bundleCrashChild(entry: string, outFile: string): Promise<string> {
  await bundleEntry(entry, outFile, TEST_BUILD_DEFINE);
  return outFile;
}

/**
 * Runs the bundled child with `args`; `onLine(line, kill)` sees every stdout line and may kill it;
 * `killAfterMs` kills it that long after the start, whatever it printed. Resolves with the child's
 * stderr when it exits (killed or not).
 */
export function runCrashChild(
  child: string,
  args: string[],
  onLine: (line: string, kill: () => void) => void,
  killAfterMs?: number,
): Promise<{ stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [child, ...args], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kill = () => proc.kill('SIGKILL');
    const startTimer = killAfterMs === undefined ? null : setTimeout(kill, killAfterMs);
    let buffer = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        onLine(line, kill);
      }
    });
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('error', reject);
    proc.on('exit', () => {
      if (startTimer) clearTimeout(startTimer);
      resolvePromise({ stderr });
    });
  });
}

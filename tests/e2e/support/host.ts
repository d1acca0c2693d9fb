/**
 * Starts browser mode as a real child process (the built `out/web/host.cjs`, exactly what
 * `npm run web` runs) on a fresh data folder, and waits for its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Sends a signal that does not end the host (the test host's SIGUSR2: a simulated sleep). */
  signal(signal: NodeJS.Signals): void;
  /** Ends the host with `signal` (SIGKILL: a crash) or waits for it to end by itself; resolves to its exit code (null when signalled). */
  exit(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = resolve(__dirname, '../../..');

/**
 * `production: true` runs exactly `npm run web`'s host (calibrated Argon2id); otherwise the
 * test host, identical but for a cheap Argon2id cost.
 */
export async function startHost(
  options: { lang?: 'zh-CN' | 'en-US'; dataDir?: string; production?: boolean; seed?: { transactions: number; password: string; transfer?: boolean }; extraArgs?: string[]; crashEndpoint?: string } = {},
): Promise<RunningHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'onewallet-e2e-'));
  const script = options.production ? 'out/web/host.cjs' : 'out/test/test-host.cjs';
  const args = [join(ROOT, script), '--data-dir', dataDir];
  if (options.lang) args.push('--lang', options.lang);
  if (options.seed) args.push('--seed-transactions', String(options.seed.transactions), '--seed-password', options.seed.password);
  if (options.seed?.transfer) args.push('--seed-transfer');
  if (options.extraArgs) args.push(...options.extraArgs);
  if (options.crashEndpoint) args.push('--crash-endpoint', options.crashEndpoint);
  // One V8 compile cache for every host the suite starts: each would otherwise compile its ~7 MB bundle anew.
  const env = { ...process.env, NODE_COMPILE_CACHE: join(ROOT, 'tests', '.tmp', 'node-compile-cache') };
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });

  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), options.seed ? 600_000 : 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /OneWallet ready at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });

  // The engine's own complaints belong in the test log: a crash would otherwise look like a UI bug.
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[host] ${chunk}`));
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`[host] exited with ${code ?? signal}\n`);
      done(code);
    }),
  );
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    signal(signal) {
      child.kill(signal);
    },
    async exit(signal) {
      if (signal && child.exitCode === null) child.kill(signal);
      return exited;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

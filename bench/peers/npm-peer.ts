/**
 * Peers from npm for the bench, installed outside the project's dependencies: into
 * `<os tmpdir>/onewallet-bench-peers/<name>` with the ordinary npm client, once, and reused while
 * the install is intact. A failed install is a printed note, never a bench failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface InstalledPeer {
  /** The folder holding node_modules (the child process runs here so `require` finds the package). */
  dir: string;
  version: string;
}

export type PeerInstall = InstalledPeer | { skipped: string };

export function peersRoot(): string {
  return process.env.ONEWALLET_BENCH_PEERS ?? join(tmpdir(), 'onewallet-bench-peers');
}

function installedVersion(dir: string, pkg: string): string | null {
  const manifest = join(dir, 'node_modules', ...pkg.split('/'), 'package.json');
  // The marker is written only after npm exited 0: a half-finished install (killed mid-build) is redone.
  if (!existsSync(manifest) || !existsSync(join(dir, '.onewallet-installed'))) return null;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '?';
}

/** Installs `pkg` into `<peersRoot>/<folder>` unless already there; `log` tells the user what is happening. */
export function ensureNpmPeer(folder: string, pkg: string, log: (line: string) => void = console.log): PeerInstall {
  const dir = join(peersRoot(), folder);
  const found = installedVersion(dir, pkg);
  if (found) return { dir, version: found };
  mkdirSync(dir, { recursive: true });
  log(`Installing the peer ${pkg} into ${dir} (once; npm install --prefix)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['install', '--prefix', dir, pkg, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 20 * 60_000,
    env: { ...process.env, npm_config_update_notifier: 'false', ...nodeHeaders() },
  });
  if (run.error || run.status !== 0) {
    const why = run.error?.message ?? (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / ');
    return { skipped: `${pkg} could not be installed (${why || `npm exited ${run.status}`}); its rows are skipped` };
  }
  writeFileSync(join(dir, '.onewallet-installed'), `${new Date().toISOString()}\n`);
  const version = installedVersion(dir, pkg);
  return version ? { dir, version } : { skipped: `${pkg} installed but its package.json is missing; its rows are skipped` };
}

/**
 * Native addons of a peer (Actual's better-sqlite3) must be built for the Node that runs the
 * child — this one — not for whatever headers the system's npm defaults to (Debian's point at
 * /usr/include/node, another major version): use this Node's own headers when it ships them.
 */
function nodeHeaders(): Record<string, string> {
  if (process.env.npm_config_nodedir) return {};
  const root = dirname(dirname(process.execPath));
  return existsSync(join(root, 'include', 'node', 'node_version.h')) ? { npm_config_nodedir: root } : {};
}

/**
 * Native minidumps: Electron's crashReporter (started with uploadToServer: false) leaves them in
 * its crashDumps folder. At each start they are moved beside the crash reports, one report each,
 * so the Crash reports view lists them and delete/export treat them like any other report.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CrashReporter } from './reporter';

function dumpsUnder(dir: string, depth = 0): string[] {
  if (depth > 3 || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try {
      if (statSync(path).isDirectory()) return dumpsUnder(path, depth + 1);
    } catch {
      return [];
    }
    return name.endsWith('.dmp') ? [path] : [];
  });
}

/** Moves every minidump under `dumpDir` into the crash store; returns how many were collected. */
export function collectMinidumps(dumpDir: string, reporter: CrashReporter): number {
  let collected = 0;
  for (const dump of dumpsUnder(dumpDir)) {
    const name = basename(dump).replace(/[^A-Za-z0-9._-]/g, '_');
    try {
      mkdirSync(reporter.store.dir, { recursive: true, mode: 0o700 });
      copyFileSync(dump, join(reporter.store.dir, name));
      const when = statSync(dump).mtime.toISOString();
      const error = Object.assign(new Error(`A process crashed and left a minidump (${when}).`), { name: 'NativeCrash', stack: '' });
      if (reporter.capture({ process: 'main', kind: 'nativeCrash', error, minidump: name, details: { dumpedAt: when } })) {
        rmSync(dump, { force: true });
        collected++;
      }
    } catch {
      // an unreadable dump stays where it is; the next start tries again
    }
  }
  return collected;
}

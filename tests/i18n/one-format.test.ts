/**
 * Money, dates and numbers reach the screen through one formatter (shared/format.ts, bound to the
 * language by renderer/src/lib/format.ts), and the CLI's human text through the same module. A
 * view that formats on its own (Intl, toLocale*, toFixed, a dayjs display pattern) would show a
 * second convention; this test names the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Formatting done by hand. `.format('YYYY-MM-DD')`/`'YYYY-MM'` is the wire form of a date, not display. */
const STRAY = [
  /\bIntl\.\w+/,
  /\.toLocale(?:Date|Time)?String\(/,
  /\.toFixed\(/,
  /\bformatAmount\(/,
  /\.format\('(?!YYYY-MM(?:-DD)?')[^']*'\)/,
];

/** The formatter itself. */
const ALLOWED = new Set(['shared/format.ts', 'shared/money.ts']);

function strayLines(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    sourceFiles(join(ROOT, dir)).flatMap((file) => {
      const name = relative(ROOT, file);
      if (ALLOWED.has(name)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (STRAY.some((pattern) => pattern.test(line)) ? [`${name}:${i + 1}: ${line.trim()}`] : []));
    }),
  );
}

describe('one formatter', () => {
  it('the renderer formats money, dates and numbers only through lib/format', () => {
    expect(strayLines(['renderer/src'])).toEqual([]);
  });

  it('the CLI formats amounts only through shared/format', () => {
    expect(strayLines(['electron/cli'])).toEqual([]);
  });
});

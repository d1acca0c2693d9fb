/**
 * Running hledger (the Debian package) as the reference implementation: find it, time one
 * invocation (process start + parsing the whole journal + the report, as a user would run it)
 * and read its CSV output back into minor units.
 */
import { spawnSync } from 'node:child_process';
import { parseAmount } from '../shared/money';
import { timed } from './stats';

export function findHledger(): string | null {
  const found = spawnSync('which', ['hledger'], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path || null;
}

export function hledgerVersion(bin: string): string {
  return spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** One timed run; hledger needs a UTF-8 locale to read the Chinese account names and payees. */
export function runHledger(bin: string, journal: string, args: readonly string[]): { ms: number; stdout: string } {
  const run = timed(() =>
    spawnSync(bin, ['-f', journal, ...args], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    }),
  );
  const result = run.value;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`hledger ${args.join(' ')} failed (${result.status}): ${result.stderr.trim().slice(0, 500)}`);
  return { ms: run.ms, stdout: result.stdout };
}

/** Minimal CSV reader for hledger's output: quoted fields, "" escapes, no embedded newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i]!;
      if (quoted) {
        if (char === '"' && line[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (char === '"') quoted = false;
        else field += char;
      } else if (char === '"') quoted = true;
      else if (char === ',') {
        fields.push(field);
        field = '';
      } else field += char;
    }
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

/** '15180376.77 CNY, 70521.054 KWD' → { CNY: 1518037677, KWD: 70521054 }; '0' → {}. */
export function amountsToMinor(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const piece of text.split(',')) {
    const match = /^\s*(-?[\d.]+)\s+([A-Z]{3})\s*$/.exec(piece);
    if (match) out[match[2]!] = (out[match[2]!] ?? 0) + parseAmount(match[1]!, match[2]!);
    else if (piece.trim() !== '0' && piece.trim() !== '') throw new Error(`bench: cannot read hledger amount '${piece}'`);
  }
  return out;
}

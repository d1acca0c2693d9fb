/**
 * Running hledger and ledger (the Debian packages) as reference implementations: find them
 * (installing them with apt when missing and allowed), time one invocation (process start +
 * parsing the whole journal + the report, as a user would run it) and read their output back
 * into minor units.
 */
import { spawnSync } from 'node:child_process';
import { parseAmount } from '../shared/money';
import { timed } from './stats';

function which(bin: string): string | null {
  const found = spawnSync('which', [bin], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path || null;
}

/**
 * The tool's path; when missing, installs its Debian package (as root with apt-get, once per
 * run) or says how. ONEWALLET_BENCH_NO_APT=1 never installs.
 */
export function findTool(bin: 'hledger' | 'ledger', note: (line: string) => void = console.log): string | null {
  const found = which(bin);
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !which('apt-get') || process.env.ONEWALLET_BENCH_NO_APT === '1') {
    note(`${bin} not found: install with apt-get install ${bin} to compare`);
    return null;
  }
  note(`${bin} not found: installing the Debian package (apt-get install -y ${bin})…`);
  const run = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', bin], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run.status !== 0) note(`${bin}: apt-get failed (${(run.stderr || run.stdout).trim().split('\n').at(-1) ?? run.status}); its columns stay empty`);
  return which(bin);
}

export function findHledger(note?: (line: string) => void): string | null {
  return findTool('hledger', note);
}

export function hledgerVersion(bin: string): string {
  return spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? '';
}

/** One timed run; hledger and ledger need a UTF-8 locale to read the Chinese account names and payees. */
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

/**
 * `ledger bal --flat` text: one line per account ('29003083.24 CNY  assets:bank:…'); the totals
 * under the rule are skipped. Account name → { currency: minor }.
 */
export function ledgerBalances(text: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const line of text.split('\n')) {
    if (line.startsWith('-')) break;
    const match = /^\s*(-?[\d.,]+)\s+([A-Z]{3})\s{2,}(\S.*)$/.exec(line);
    if (match) out.set(match[3]!.trim(), amountsToMinor(`${match[1]!.replace(/,/g, '')} ${match[2]!}`));
  }
  return out;
}

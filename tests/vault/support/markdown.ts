/**
 * Reading the machine-checkable parts of our Markdown specs: fenced blocks tagged with a name
 * (```vectors, ```events, ```balances) and their `name = value` lines. The documents are the
 * source; the tests only ever read values out of them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** The text of the first ```<tag> block of the document at `relativePath` (from the repo root). */
export function fencedBlock(relativePath: string, tag: string): string {
  const text = readFileSync(resolve(ROOT, relativePath), 'utf8');
  const block = new RegExp('```' + tag + '\\n([\\s\\S]*?)```').exec(text)?.[1];
  if (block === undefined) throw new Error(`${relativePath} has no \`\`\`${tag} block`);
  return block;
}

/** `name = value` lines of a block, in order (names may contain spaces, values may not start with one). */
export function keyValues(block: string): Record<string, string> {
  return Object.fromEntries(
    block
      .split('\n')
      .filter((line) => line.includes(' = '))
      .map((line) => [line.slice(0, line.indexOf(' = ')), line.slice(line.indexOf(' = ') + 3)]),
  );
}

export function documentedVectors(relativePath: string): Record<string, string> {
  return keyValues(fencedBlock(relativePath, 'vectors'));
}

/** The cells of each row starting with `` | ` `` in the section under `heading` (up to the next `## `), backticks removed. */
export function tableRows(relativePath: string, heading: string): string[][] {
  const text = readFileSync(resolve(ROOT, relativePath), 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`${relativePath} has no section ${heading}`);
  const end = text.indexOf('\n## ', start + heading.length);
  return text
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')));
}

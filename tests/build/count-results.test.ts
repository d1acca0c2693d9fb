/**
 * The CI summary line (build/scripts/count-results.mjs, run by .ci/run): passed, failed and
 * skipped summed over the vitest and Playwright JSON reports, run as a real child process on
 * reports shaped like the ones both runners write.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve(__dirname, '../../build/scripts/count-results.mjs');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function summary(reports: { vitest?: object; playwright?: object }, status = 0): string {
  dir = mkdtempSync(join(tmpdir(), 'ow-count-'));
  mkdirSync(join(dir, 'tests/.tmp'), { recursive: true });
  if (reports.vitest) writeFileSync(join(dir, 'tests/.tmp/vitest-report.json'), JSON.stringify(reports.vitest));
  if (reports.playwright) writeFileSync(join(dir, 'tests/.tmp/playwright-report.json'), JSON.stringify(reports.playwright));
  return execFileSync(process.execPath, [SCRIPT, String(status)], { cwd: dir, encoding: 'utf8' }).trim();
}

/** The closing line CI reads: always the last. */
const closing = (output: string) => output.split('\n').at(-1);

const vitest = { numTotalTests: 30, numPassedTests: 20, numFailedTests: 2, numPendingTests: 5, numTodoTests: 3 };
const playwright = { stats: { expected: 7, unexpected: 1, flaky: 1, skipped: 4 } };

describe('count-results', () => {
  it('sums passed, failed and skipped (vitest pending + todo, Playwright skipped) from both reports', () => {
    expect(closing(summary({ vitest, playwright }))).toBe('28 passed, 3 failed, 12 skipped');
  });

  it('counts each report alone, and a failed step before the tests as one failure', () => {
    expect(closing(summary({ vitest }))).toBe('20 passed, 2 failed, 8 skipped');
    expect(closing(summary({ playwright }))).toBe('8 passed, 1 failed, 4 skipped');
    expect(summary({}, 2)).toBe('0 passed, 1 failed, 0 skipped');
  });

  it('says where the time went before the closing line: wall time of each half and the slowest spec files', () => {
    const timedVitest = { ...vitest, startTime: 1_000, testResults: [{ startTime: 1_000, endTime: 61_000 }, { startTime: 2_000, endTime: 31_000 }] };
    const spec = (file: string, ...durations: number[]) => ({ file, specs: [{ file, tests: [{ results: durations.map((duration) => ({ duration })) }] }] });
    const timedPlaywright = { stats: { ...playwright.stats, duration: 95_000 }, suites: [spec('a.spec.ts', 10_000), spec('b.spec.ts', 30_000, 20_000)] };
    expect(summary({ vitest: timedVitest, playwright: timedPlaywright }).split('\n')).toEqual([
      'vitest: 60 s wall, 2 files',
      'playwright: 95 s wall; slowest: b.spec.ts 50 s, a.spec.ts 10 s',
      '28 passed, 3 failed, 12 skipped',
    ]);
  });
});

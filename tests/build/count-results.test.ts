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

const vitest = { numTotalTests: 30, numPassedTests: 20, numFailedTests: 2, numPendingTests: 5, numTodoTests: 3 };
const playwright = { stats: { expected: 7, unexpected: 1, flaky: 1, skipped: 4 } };

describe('count-results', () => {
  it('sums passed, failed and skipped (vitest pending + todo, Playwright skipped) from both reports', () => {
    expect(summary({ vitest, playwright })).toBe('28 passed, 3 failed, 12 skipped');
  });

  it('counts each report alone, and a failed step before the tests as one failure', () => {
    expect(summary({ vitest })).toBe('20 passed, 2 failed, 8 skipped');
    expect(summary({ playwright })).toBe('8 passed, 1 failed, 4 skipped');
    expect(summary({}, 2)).toBe('0 passed, 1 failed, 0 skipped');
  });
});

// Sums the vitest and Playwright JSON reports into the one closing line CI reads:
// `N passed, N failed, N skipped`.
// A failing step before the tests (typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
// Skipped tests are counted so that a suite quietly skipping itself shows in the summary.
let skipped = 0;

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const vitest = read('tests/.tmp/vitest-report.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // Jest-style report: `pending` is skipped (it.skip, skipIf, -t filtered out), `todo` is it.todo.
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const playwright = read('tests/.tmp/playwright-report.json');
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
}
// Where the time went, so a slow CI run can be read afterwards: wall time of each half and the
// spec files that took the longest (summed over their tests, across the workers).
const lines = [];
if (vitest?.testResults?.length) {
  const end = Math.max(...vitest.testResults.map((file) => file.endTime ?? 0));
  lines.push(`vitest: ${Math.round((end - vitest.startTime) / 1000)} s wall, ${vitest.testResults.length} files`);
}
if (typeof playwright?.stats?.duration === 'number') {
  const perFile = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const run of spec.tests ?? []) for (const result of run.results ?? []) perFile.set(spec.file, (perFile.get(spec.file) ?? 0) + (result.duration ?? 0));
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of playwright.suites ?? []) walk(suite);
  const slowest = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([file, ms]) => `${file} ${Math.round(ms / 1000)} s`);
  lines.push(`playwright: ${Math.round(playwright.stats.duration / 1000)} s wall; slowest: ${slowest.join(', ')}`);
}
for (const line of lines) console.log(line);
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

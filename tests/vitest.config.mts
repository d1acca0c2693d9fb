import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files that take minutes (child processes killed at random, hundreds of CLI runs), longest
 * first. A fresh clone has no timing cache, so Vitest keeps the glob's order; import-crash then
 * started 371 s into a 507 s run and ran alone for its last 60 s while the other worker sat idle.
 * Started first, they overlap with the short files instead.
 */
const LONG_FILES = [
  'tests/cli/import.test.ts',
  'tests/ledger/import-crash.test.ts',
  'tests/vault/crash-consistency.test.ts',
  'tests/cli/ledger-commands.test.ts',
  'tests/security/panic-lock.test.ts',
  'tests/cli/vault-commands.test.ts',
  'tests/cli/vault-safety.test.ts',
];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONG_FILES.indexOf(relative(file.project.config.root, file.moduleId).replaceAll('\\', '/'));
      return index < 0 ? LONG_FILES.length : index;
    };
    // Array.prototype.sort is stable: the rest keep the order Vitest gave them.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // Test builds only (electron/vault/kdf.ts): wallets made with the cheap test KDF are not re-wrapped on unlock.
  define: { __ONEWALLET_TEST_KDF_FLOOR__: '8192' },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    sequence: { sequencer: LongFilesFirst },
    // Vitest's default is one fewer worker than cores: one on a 2-core CI machine, which ran the
    // suite file by file. Much of it waits on child processes and fsync, so a worker per core
    // (at least two) nearly halves the wall time. ONEWALLET_VITEST_WORKERS=1 runs files one by one.
    maxWorkers: Number(process.env.ONEWALLET_VITEST_WORKERS ?? Math.max(2, availableParallelism())),
    // Hang guards, not speed targets: CI may share both cores with other work (speed lives in npm run bench).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The JSON report is what .ci/run counts for its closing `N passed, N failed, N skipped` line.
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/.tmp/vitest-report.json' },
  },
});

import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // Test builds only (electron/vault/kdf.ts): wallets made with the cheap test KDF are not re-wrapped on unlock.
  define: { __ONEWALLET_TEST_KDF_FLOOR__: '8192' },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
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

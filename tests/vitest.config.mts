import { defineConfig } from 'vitest/config';
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
    // Hang guards, not speed targets: CI may share both cores with other work (speed lives in npm run bench).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The JSON report is what .ci/run counts for its closing `N passed, N failed, N skipped` line.
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/.tmp/vitest-report.json' },
  },
});

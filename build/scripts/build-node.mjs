// Bundles the Node-side entry points with esbuild into single CommonJS files under out/.
// A sandboxed preload must be one file; the CLI and the browser host start faster bundled.
// Native and WASM-carrying packages stay external and are loaded from node_modules (or app.asar).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const external = ['electron', 'better-sqlite3', 'libsodium-wrappers-sumo', 'electron-updater', 'electron-log'];
const entries = [
  { in: 'electron/main.ts', out: 'out/main/main.cjs' },
  // The statement parser's worker thread (electron/import/parse-off-loop.ts), found beside main.cjs by every host.
  { in: 'electron/import/parse-worker.ts', out: 'out/main/import-parse-worker.cjs', minify: true },
  // Parsed in every window before the page: minified (most of it is zod, for the contract's schemas).
  { in: 'electron/preload.ts', out: 'out/preload/preload.cjs', minify: true },
  { in: 'electron/web/main.ts', out: 'out/web/host.cjs' },
  { in: 'electron/cli/main.ts', out: 'out/cli/main.cjs' },
  { in: 'bench/bench.ts', out: 'out/bench/bench.cjs' },
  // The test host alone may unlock cheap test-KDF wallets without re-wrapping them (electron/vault/kdf.ts).
  { in: 'tests/e2e/support/test-host.ts', out: 'out/test/test-host.cjs', define: { __ONEWALLET_TEST_KDF_FLOOR__: '8192' } },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(join(root, entry.in)))
    .map((entry) =>
      build({
        absWorkingDir: root,
        entryPoints: [entry.in],
        outfile: entry.out,
        bundle: true,
        platform: 'node',
        // Electron 45 embeds Node 22, and tests run on Node 22 (build/scripts/check-node.cjs).
        target: 'node22',
        format: 'cjs',
        sourcemap: 'linked',
        external,
        define: {
          'process.env.ONEWALLET_VERSION': JSON.stringify(pkg.version),
          // The distributor's support channels and crash endpoint (electron/crash/build-config.ts).
          'process.env.ONEWALLET_SUPPORT': JSON.stringify(JSON.stringify(pkg.onewallet?.support ?? {})),
          ...entry.define,
        },
        minify: entry.minify ?? false,
        logLevel: 'warning',
      }),
    ),
);

/**
 * Packaging: electron-builder.yml is valid against electron-builder's own schema, and a
 * `--linux dir` build (with a stand-in Electron) produces an app.asar holding main, preload and
 * renderer, the runtime dependencies, and no development dependencies.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
/** The Electron fuses electron-builder.yml sets and the packaged binary must carry. */
const EXPECTED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
};

describe('electron-builder.yml', () => {
  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

  it('validates against app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a misspelt option fails the same validation (the check can fail)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, asarr: true })).toBe(false);
  });

  it('declares what the release needs', () => {
    expect(config.appId).toBe('app.onewallet.desktop');
    expect(config.productName).toBe('OneWallet');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(config.publish).toMatchObject({ provider: 'generic', url: expect.stringContaining('${env.') });
  });

  it('sets the Electron fuses the update and security design relies on', () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
  });
});

describe('the test host and its cheap-KDF knob never ship', () => {
  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { files: string[] };

  it('electron-builder packs only out/main, out/preload and out/renderer from out/ (never out/test)', () => {
    const fromOut = config.files.filter((pattern) => pattern.replace(/^!/, '').startsWith('out/'));
    expect(fromOut.every((pattern) => /^out\/(main|preload|renderer)\//.test(pattern))).toBe(true);
    expect(config.files.some((pattern) => pattern.includes('test'))).toBe(false);
  });

  it('production bundles keep the Argon2id floor at 64 MiB; only the test host lowers it', () => {
    const bundle = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    expect(existsSync(join(ROOT, 'out/main/main.cjs')), 'run `npm run build:node` first').toBe(true);
    // kdf.ts reads a global only a bundler define sets: in production it stays an undefined identifier.
    for (const path of ['out/main/main.cjs', 'out/cli/main.cjs', 'out/web/host.cjs']) {
      expect(bundle(path), path).toContain('typeof __ONEWALLET_TEST_KDF_FLOOR__');
    }
    expect(bundle('out/test/test-host.cjs')).not.toContain('__ONEWALLET_TEST_KDF_FLOOR__');
  });
});

describe('linux dir build', () => {
  const out = mkdtempSync(join(tmpdir(), 'onewallet-package-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('app.asar holds main, preload and renderer and no dev dependencies', async () => {
    expect(existsSync(join(ROOT, 'out/main/main.cjs')), 'run `npm run build` first').toBe(true);
    const { buildLinuxDir } = await import('../../build/scripts/package-check.mjs');
    const asar = buildLinuxDir(out) as string;
    const files = listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    // The statement parser's worker thread ships beside main.cjs (electron/import/parse-off-loop.ts reads it from there).
    expect(files).toEqual(expect.arrayContaining(['/out/main/main.cjs', '/out/main/import-parse-worker.cjs', '/out/preload/preload.cjs', '/out/renderer/index.html', '/package.json']));
    expect(files.some((file) => file.startsWith('/node_modules/better-sqlite3/'))).toBe(true);
    expect(files.some((file) => file.startsWith('/node_modules/libsodium-wrappers-sumo/'))).toBe(true);
    for (const devOnly of ['electron', 'vite', 'react', 'antd', 'vitest', 'typescript', 'esbuild', '@playwright/test', 'electron-builder']) {
      expect(files.some((file) => file.startsWith(`/node_modules/${devOnly}/`)), devOnly).toBe(false);
    }
    expect(files.some((file) => file.endsWith('.map'))).toBe(false);
    // Of better-sqlite3 only what loads it ships: not SQLite's C sources, object files or its test extension.
    const sqliteFiles = files.filter((file) => file.startsWith('/node_modules/better-sqlite3/'));
    expect(sqliteFiles.filter((file) => !/^\/node_modules\/better-sqlite3\/(package\.json|LICENSE|README\.md|lib(\/.*)?|build|build\/Release|build\/Release\/better_sqlite3\.node)$/.test(file))).toEqual([]);
    // The test host takes a seed password on its command line and a cheap Argon2id cost: never shipped.
    expect(files.filter((file) => file.startsWith('/out/test/') || file.startsWith('/tests/'))).toEqual([]);
    // The native addon is unpacked beside the archive so it can be loaded.
    expect(existsSync(join(out, 'linux-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    // …and so is libsodium, which the Argon2id worker thread loads by path.
    expect(existsSync(join(out, 'linux-unpacked/resources/app.asar.unpacked/node_modules/libsodium-wrappers-sumo/package.json'))).toBe(true);
  }, 240_000);

  it('ships app-update.yml (generic feed, URL from the build) and the flipped fuses', async () => {
    const { readFuses } = await import('../../build/scripts/package-check.mjs');
    const updateConfig = load(readFileSync(join(out, 'linux-unpacked/resources/app-update.yml'), 'utf8')) as Record<string, unknown>;
    expect(updateConfig).toMatchObject({ provider: 'generic', url: process.env.ONEWALLET_UPDATE_URL ?? 'https://updates.invalid/onewallet' });
    const files = listPackage(join(out, 'linux-unpacked/resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    expect(files.some((file) => file.startsWith('/node_modules/electron-updater/'))).toBe(true);
    expect(readFuses(join(out, 'linux-unpacked/onewallet'))).toMatchObject(EXPECTED_FUSES);
  });
});

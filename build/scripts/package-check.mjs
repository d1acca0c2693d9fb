// Builds the Linux app folder (`electron-builder --linux dir`) without the real Electron: a
// stand-in electronDist holds an empty `electron` executable, which is all electron-builder
// needs to lay out the app and write app.asar. Native modules are not rebuilt here (that needs
// Electron's headers from the network); a real release build does rebuild them.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

// electron-builder flips the electronFuses of electron-builder.yml in the binary, where Electron
// keeps them after a sentinel: version 1, the number of fuses, then one byte per fuse ('0' off,
// '1' on). The stand-in carries that wire with Electron's defaults (after its `exit 0`, so the
// shell never reads it), so the flip really happens here and tests can read the result.
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_NAMES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
const STAND_IN_FUSE_WIRE = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSE_NAMES.length]), Buffer.from('10110001'), Buffer.from('\n')]);

/** The fuses of a packaged binary by name (true = on), read the way @electron/fuses reads them. */
export function readFuses(binary) {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${binary}`);
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1];
  return Object.fromEntries(FUSE_NAMES.slice(0, length).map((name, i) => [name, bytes[start + 2 + i] === 0x31]));
}

export function buildLinuxDir(outputDir) {
  const standIn = mkdtempSync(join(tmpdir(), 'onewallet-electron-dist-'));
  writeFileSync(join(standIn, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n'), STAND_IN_FUSE_WIRE]));
  chmodSync(join(standIn, 'electron'), 0o755);
  mkdirSync(outputDir, { recursive: true });
  execFileSync(
    join(root, 'node_modules/.bin/electron-builder'),
    [
      '--linux', 'dir',
      `-c.electronDist=${standIn}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${outputDir}`,
      '-c.npmRebuild=false',
      '--publish', 'never',
    ],
    { cwd: root, stdio: process.env.ONEWALLET_VERBOSE ? 'inherit' : 'pipe', env: { ONEWALLET_UPDATE_URL: 'https://updates.invalid/onewallet', ...process.env } },
  );
  return join(outputDir, 'linux-unpacked', 'resources', 'app.asar');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asar = buildLinuxDir(join(root, 'dist'));
  console.log(`Built ${asar}`);
  // What electron-updater will read in the installed app: the feed (URL from ONEWALLET_UPDATE_URL at build time).
  const updateConfig = join(dirname(asar), 'app-update.yml');
  console.log(`\n${updateConfig}:\n${readFileSync(updateConfig, 'utf8')}`);
  console.log(`Fuses: ${JSON.stringify(readFuses(join(root, 'dist', 'linux-unpacked', 'onewallet')))}`);
}

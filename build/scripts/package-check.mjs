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

export function buildLinuxDir(outputDir) {
  const standIn = mkdtempSync(join(tmpdir(), 'onewallet-electron-dist-'));
  writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
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
    { cwd: root, stdio: process.env.ONEWALLET_VERBOSE ? 'inherit' : 'pipe', env: { ...process.env, ONEWALLET_UPDATE_URL: 'https://updates.invalid/onewallet' } },
  );
  return join(outputDir, 'linux-unpacked', 'resources', 'app.asar');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asar = buildLinuxDir(join(root, 'dist'));
  console.log(`Built ${asar}`);
}

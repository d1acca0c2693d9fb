/**
 * Shell wiring of updates: electron-updater's platform `autoUpdater` (NSIS, AppImage, deb/rpm,
 * macOS) behind the engine's UpdateSource, on the feed electron-builder wrote into
 * resources/app-update.yml and the pinned release key. The policy (electron/update) decides
 * everything; this file only knows how to quit, install and relaunch.
 */
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpdateWiring } from './update/capability';
import { ElectronUpdaterSource } from './update/electron-updater-source';
import { decodePublicKey } from './update/feed-signature';
import { PINNED_UPDATE_PUBLIC_KEY } from './update/pinned-key';

/** The feed URL electron-builder put into app-update.yml (`publish.url`), if any. */
function packagedFeedUrl(): string | null {
  const file = join(process.resourcesPath, 'app-update.yml');
  if (!existsSync(file)) return null;
  const match = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(readFileSync(file, 'utf8'));
  return match?.[1] ?? null;
}

export function electronUpdateWiring(): UpdateWiring {
  // An unpackaged run (npm start) has no installer to replace: checks report "not configured".
  const feedUrl = app.isPackaged ? packagedFeedUrl() : null;
  if (!feedUrl) return { source: null };
  const source = new ElectronUpdaterSource(autoUpdater, {
    feedUrl,
    publicKey: decodePublicKey(PINNED_UPDATE_PUBLIC_KEY),
    installNow: () => {
      // NSIS, AppImage and macOS start the new version themselves (isForceRunAfter); the deb/rpm/
      // pacman installers do not, which left Linux users with a closed app after updating.
      const relaunchesItself = process.platform !== 'linux' || process.env.APPIMAGE !== undefined;
      if (!relaunchesItself) app.relaunch();
      autoUpdater.quitAndInstall(false, true);
    },
  });
  return { source };
}

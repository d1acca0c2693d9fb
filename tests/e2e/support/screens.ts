/** Where e2e screenshots go and the two window sizes every view is looked at in. */
import { join } from 'node:path';

/** tests/.tmp/screenshots/<area>: one folder per area keeps a few hundred PNGs findable. */
export const screenshotDir = (area: string): string => join(__dirname, '../../.tmp/screenshots', area);

/** The smallest supported window and a common desktop one. */
export const SCREEN_SIZES = [
  { width: 1024, height: 640 },
  { width: 1920, height: 1080 },
] as const;

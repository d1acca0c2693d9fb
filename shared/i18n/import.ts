import type { AreaMessages } from './types';

/** Messages of statement import: parser errors (errors.import.*), the wizard (import.*) and `onewallet import` (cli.import.*). */
export const importMessages: AreaMessages = {
  'en-US': {},
  'zh-CN': {},
};

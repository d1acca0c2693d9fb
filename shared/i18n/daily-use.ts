import type { AreaMessages } from './types';

/** Messages of the everyday path: record dialog, categories, payees, bill view, reconcile adjustments (daily.*). */
export const dailyUseMessages: AreaMessages = {
  'en-US': {},
  'zh-CN': {},
};

import type { AreaMessages } from './types';

/** Messages of the security centre: event log, anomaly alerts, panic lock, auto-lock and checkup (security.*). */
export const securityMessages: AreaMessages = {
  'en-US': {
    security: { tabs: { checkup: 'Checkup', alerts: 'Alerts', log: 'Security log' } },
  },
  'zh-CN': {
    security: { tabs: { checkup: '安全体检', alerts: '异常提醒', log: '安全日志' } },
  },
};

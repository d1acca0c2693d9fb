import type { AreaMessages } from './types';

/** The crash reporter: recovery screens, the Crash reports view, Report a problem, Diagnostics, the CLI. */
export const crashMessages: AreaMessages = {
  'en-US': {
    errors: {
      crash: {
        not_found: 'That crash report no longer exists.',
        no_endpoint: 'This build has no address to send reports to. Export the report and hand it to support instead.',
        send_failed: 'The report could not be sent (status {{status}}). Nothing was kept for sending later; you can export it instead.',
        write_failed: 'The file could not be written ({{reason}}). Check the folder and try again.',
      },
    },
  },
  'zh-CN': {
    errors: {
      crash: {
        not_found: '该崩溃报告已不存在。',
        no_endpoint: '此版本没有配置发送报告的地址。请导出报告后交给客服。',
        send_failed: '报告未能发送（状态 {{status}}）。没有保留待发送的内容；你可以改为导出。',
        write_failed: '无法写入文件（{{reason}}）。请检查文件夹后重试。',
      },
    },
  },
};

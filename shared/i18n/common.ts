import type { AreaMessages } from './types';

/** The shell: navigation, settings, about, connection states. */
export const commonMessages: AreaMessages = {
  'en-US': {
    app: { name: 'OneWallet', tagline: 'Your money, on your computer, encrypted.' },
    nav: {
      label: 'Main navigation',
      dashboard: 'Dashboard',
      accounts: 'Accounts',
      transactions: 'Transactions',
      reports: 'Budgets & Reports',
      import: 'Import',
      backup: 'Backup & Restore',
      security: 'Security',
      crashes: 'Crash reports',
      settings: 'Settings & About',
    },
    theme: { label: 'Theme', light: 'Light', dark: 'Dark', system: 'Follow system', toggle: 'Switch between light and dark theme' },
    language: { label: 'Language', system: 'Follow system ({{language}})', 'zh-CN': '简体中文', 'en-US': 'English' },
    settings: {
      title: 'Settings',
      saved: 'Settings saved.',
      appearance: 'Appearance',
    },
    about: {
      title: 'About OneWallet',
      version: 'Version',
      mode: 'Running as',
      modes: { electron: 'Desktop app', browser: 'Browser mode (local only)' },
      platform: 'Platform',
      dataDir: 'Data folder',
      localFirst: 'OneWallet keeps everything on this computer. Nothing is sent anywhere.',
    },
    placeholder: {
      title: '{{view}} is on its way',
      body: 'This part of OneWallet is being built. Your data is safe in the meantime.',
    },
    connection: {
      connecting: 'Connecting to the OneWallet engine…',
      failed: 'Cannot reach the OneWallet engine',
      unauthorized: 'This page is not authorised to open the wallet. Open the exact link printed by `npm run web` (it carries a one-time token).',
      retry: 'Retry',
    },
    common: { loading: 'Loading…', cancel: 'Cancel', save: 'Save', close: 'Close', copy: 'Copy', copied: 'Copied', back: 'Back', next: 'Next', done: 'Done', retry: 'Retry', refresh: 'Refresh' },
  },
  'zh-CN': {
    app: { name: '一钱包', tagline: '你的钱，存在你自己的电脑上，全程加密。' },
    nav: {
      label: '主导航',
      dashboard: '总览',
      accounts: '账户',
      transactions: '交易记录',
      reports: '预算与报表',
      import: '导入',
      backup: '备份与恢复',
      security: '安全中心',
      crashes: '崩溃报告',
      settings: '设置与关于',
    },
    theme: { label: '主题', light: '浅色', dark: '深色', system: '跟随系统', toggle: '切换浅色/深色主题' },
    language: { label: '语言', system: '跟随系统（{{language}}）', 'zh-CN': '简体中文', 'en-US': 'English' },
    settings: {
      title: '设置',
      saved: '设置已保存。',
      appearance: '外观',
    },
    about: {
      title: '关于一钱包',
      version: '版本',
      mode: '运行方式',
      modes: { electron: '桌面应用', browser: '浏览器模式（仅本机）' },
      platform: '平台',
      dataDir: '数据文件夹',
      localFirst: '一钱包的所有数据都保存在这台电脑上，不会发送到任何地方。',
    },
    placeholder: {
      title: '“{{view}}”即将上线',
      body: '这部分功能正在开发中，你的数据在此期间安全无虞。',
    },
    connection: {
      connecting: '正在连接一钱包引擎…',
      failed: '无法连接一钱包引擎',
      unauthorized: '此页面无权打开钱包。请使用 `npm run web` 打印的完整链接（其中带有一次性令牌）。',
      retry: '重试',
    },
    common: { loading: '加载中…', cancel: '取消', save: '保存', close: '关闭', copy: '复制', copied: '已复制', back: '返回', next: '下一步', done: '完成', retry: '重试', refresh: '刷新' },
  },
};

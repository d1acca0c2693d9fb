import type { AreaMessages } from './types';

/** Messages for the error codes of the contract and transport (see shared/errors.ts). Capabilities add their own under `errors.` in their area file. */
export const errorMessages: AreaMessages = {
  'en-US': {
    errors: {
      invalid_input: 'The request was not valid: {{detail}}',
      unknown_method: 'This action is not available.',
      payload_too_large: 'The request is too large.',
      forbidden: 'This request is not allowed.',
      internal: 'Something went wrong inside OneWallet. Nothing was changed. Please try again.',
      transport: 'OneWallet’s engine cannot be reached. Check that the app is still running.',
      keyfile_size: 'A key file must be between 32 bytes and 1 MiB.',
      wallet_locked: 'The wallet is locked. Unlock it first.',
      wallet_not_found: 'That wallet file is no longer in the data folder.',
    },
  },
  'zh-CN': {
    errors: {
      invalid_input: '请求无效：{{detail}}',
      unknown_method: '此操作不可用。',
      payload_too_large: '请求过大。',
      forbidden: '不允许此请求。',
      internal: '一钱包内部出现问题，没有做任何更改。请重试。',
      transport: '无法连接一钱包的引擎，请确认应用仍在运行。',
      keyfile_size: '密钥文件大小必须在 32 字节到 1 MiB 之间。',
      wallet_locked: '钱包已锁定，请先解锁。',
      wallet_not_found: '数据文件夹中已找不到该钱包文件。',
    },
  },
};

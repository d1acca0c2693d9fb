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
    },
  },
};

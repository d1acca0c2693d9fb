/** The contract applies the same new-password policy as the CLI, and answers with its translated sentence. */
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import { createRouter, type Handlers } from '../../electron/router/router';

const context = { transport: 'test' as const };
const log = { error: () => undefined };

function router(onCall: () => void) {
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      () => {
        onCall();
        throw new DomainError('rejected', 'errors.unknown_method');
      },
    ]),
  ) as unknown as Handlers;
  return createRouter({ handlers, log, isWalletUnlocked: () => true });
}

describe('new passwords through the contract', () => {
  it('wallet/create, wallet/recover and wallet/changePassword refuse fewer than 8 characters with errors.password.too_short', async () => {
    let called = 0;
    const r = router(() => called++);
    const calls: Array<[Parameters<typeof r.call>[0], unknown]> = [
      ['wallet/create', { name: 'W', password: 'short' }],
      ['wallet/create', { name: 'W', password: '😀😀😀😀' }],
      ['wallet/recover', { walletId: 'w1', recoveryKey: 'A'.repeat(30), newPassword: '1234567' }],
      ['wallet/changePassword', { oldPassword: 'old', newPassword: 'x' }],
    ];
    for (const [method, input] of calls) {
      const result = await r.call(method, input, context);
      expect(result).toEqual({ ok: false, code: 'invalid_input', messageKey: 'errors.password.too_short', params: { min: 8, max: 1024 } });
    }
    expect(called).toBe(0);
    expect(translate('zh-CN', 'errors.password.too_short', { min: 8, max: 1024 })).toBe('新密码至少需要 8 个字符。');
  });

  it('a password of 8 characters passes the contract (the handler is reached)', async () => {
    let called = 0;
    const r = router(() => called++);
    await r.call('wallet/create', { name: 'W', password: '八个字的中文密码' }, context);
    expect(called).toBe(1);
  });
});

describe('wallet names through the contract', () => {
  it('a name with a newline or an escape is refused with errors.text.name before any handler runs', async () => {
    let called = 0;
    const r = router(() => called++);
    for (const name of ['Home\nSecond line', 'Red\u001b[31m']) {
      expect(await r.call('wallet/create', { name, password: 'long enough password' }, context)).toEqual({ ok: false, code: 'invalid_input', messageKey: 'errors.text.name', params: {} });
      expect(await r.call('backup/restoreAsNew', { path: '/tmp/x.owbackup', name }, context)).toMatchObject({ ok: false, messageKey: 'errors.text.name' });
    }
    expect(called).toBe(0);
  });
});

/** The one zxcvbn configuration knows Chinese habits: love numbers, pinyin names, birthdays, phone numbers. */
import { describe, expect, it } from 'vitest';
import { passwordScore } from '../../shared/password-strength';

describe('password strength, Chinese habits', () => {
  it.each([
    // Common Chinese passwords and love numbers (520 我爱你, 1314 一生一世).
    'woaini', 'woaini1314', 'aini1314', '5201314', '1314520', 'qq123456', 'Woaini1314',
    // Pinyin names, alone and with a year or a love number.
    'zhangwei', 'zhangwei1988', 'liuyang1990', 'wangfang520', 'wangxiaohong', 'chenjie0808', 'ZhangWei1988', 'xiaoming2000',
    // Birthdays in the usual shapes.
    '19880808', '880808', '1988-08-08', '08081988',
    // Mainland mobile numbers.
    '13912876543', '18600419277', '+8613912876543',
  ])('%s is weak (score ≤ 1)', (password) => {
    expect(passwordScore(password)).toBeLessThanOrEqual(1);
  });

  it.each(['correct horse battery staple', 'Tr0ub4dor&3x!Lq', '月光 bicycle 铅笔 ocean', 'plum-Lantern-vivid-42-quartz', 'hunan shoe frozen ladder', 'a brand new passphrase 2026', 'another long passphrase 77'])(
    '%s stays strong (score ≥ 3)',
    (password) => {
      expect(passwordScore(password)).toBeGreaterThanOrEqual(3);
    },
  );

  it('scores nothing as 0', () => {
    expect(passwordScore('')).toBe(0);
  });
});

/**
 * Names are one line without control characters; notes may break lines. Checked once
 * (shared/text-rules.ts) for the ledger, so the UI's and the CLI's commands get the same answer.
 */
import { describe, expect, it } from 'vitest';
import { isFreeText, isSingleLineText, terminalSafe } from '../../shared/text-rules';
import { translate } from '../../shared/i18n';
import { errorOf } from '../vault/support/helpers';
import { makeLedger, requestId } from './support';

describe('text rules', () => {
  it('refuses control characters in names, payees and tags; notes keep line breaks but not escapes', async () => {
    const { ledger, sink } = makeLedger();
    const open = (name: string) => ledger.execute({ type: 'openAccount', requestId: requestId(), name, kind: 'cash', currency: 'CNY', openingBalance: '100' });
    for (const name of ['Cash\n2', 'Red\u001b[31m', 'Tab\there', 'C1\u009b2J', 'rtl\u202eevil']) {
      expect(await errorOf(() => open(name))).toMatchObject({ code: 'invalid_input', messageKey: 'errors.text.name' });
    }
    expect(await errorOf(() => ledger.execute({ type: 'defineCategory', requestId: requestId(), name: 'Food\r', kind: 'expense' }))).toMatchObject({ messageKey: 'errors.text.name' });
    expect(sink.events).toHaveLength(0);

    const cash = open('Cash').id;
    const pay = (extra: Record<string, unknown>) => ledger.execute({ type: 'recordTransaction', requestId: requestId(), kind: 'expense', accountId: cash, amount: '0', currency: 'CNY', date: '2024-06-01', ...extra });
    expect(await errorOf(() => pay({ amount: '1', payee: 'Shop\u001b]0;owned\u0007' }))).toMatchObject({ messageKey: 'errors.text.payee' });
    expect(await errorOf(() => pay({ amount: '1', tags: ['ok', 'bad\n'] }))).toMatchObject({ messageKey: 'errors.text.tag' });
    expect(await errorOf(() => pay({ amount: '1', note: 'clear\u001b[2J' }))).toMatchObject({ messageKey: 'errors.text.note' });
    expect(sink.events).toHaveLength(1);
    pay({ amount: '1', note: 'line one\nline two\ttabbed' });
    expect(sink.events).toHaveLength(2);
    expect(translate('zh-CN', 'errors.text.name')).toBe('名称必须是一行，且不能包含控制字符。');
  });

  it('terminalSafe shows every control character as an escape, and leaves other text alone', () => {
    expect(terminalSafe('a\u001b[31mred\u001b[0m\nb\t\u009b2J\u202e·中文')).toBe('a\\e[31mred\\e[0m\\nb\\t\\u009b2J\\u202e·中文');
    expect(isSingleLineText('Alipay 余额')).toBe(true);
    expect(isFreeText('two\nlines')).toBe(true);
    expect(isFreeText('bell\u0007')).toBe(false);
  });
});

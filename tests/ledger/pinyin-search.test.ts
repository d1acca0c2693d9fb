/** Search by pinyin and pinyin initials: `xingbake`, `xing ba ke`, `xbk` and `xb` find 星巴克. */
import { beforeEach, describe, expect, it } from 'vitest';
import { searchTransactions } from '../../electron/ledger/search';
import { matchesPinyin, pinyinKeys, pinyinQuery } from '../../electron/ledger/pinyin-match';
import { makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: '现金', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const coffee = run({ type: 'defineCategory', name: '咖啡', kind: 'expense' }).id;
  const spend = (amount: string, extra: Record<string, unknown>) =>
    run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount, currency: 'CNY', date: '2024-02-01', ...extra }).id;
  const starbucks = spend('32', { payee: '星巴克' });
  const lunch = spend('45', { payee: 'Noodle House', note: '和老王吃午饭' });
  const latte = spend('28', { payee: 'Luckin', categoryId: coffee });
  const voided = spend('30', { payee: '星巴克' });
  run({ type: 'voidTransaction', transactionId: voided });
  return { ...made, run, ids: { starbucks, lunch, latte, voided } };
}

let f: ReturnType<typeof build>;
beforeEach(() => {
  f = build();
});

const ids = (text: string, includeVoided = false) => searchTransactions(f.projection, { text, includeVoided }).rows.map((row) => row.id);

describe('pinyin search', () => {
  it('finds a Chinese payee by full pinyin, spaced pinyin, initials and a prefix of the initials', () => {
    for (const text of ['xingbake', 'xing ba ke', 'XingBaKe', 'xbk', 'XBK', 'xb', 'bake']) expect(ids(text), text).toEqual([f.ids.starbucks]);
  });

  it('does not match letters that are not in the pinyin', () => {
    expect(ids('abc')).toEqual([]);
    expect(ids('xbkx')).toEqual([]);
  });

  it('matches notes and category names too', () => {
    expect(ids('laowang')).toEqual([f.ids.lunch]);
    expect(ids('wufan')).toEqual([f.ids.lunch]);
    expect(ids('kafei')).toEqual([f.ids.latte]);
    expect(ids('kf')).toEqual([f.ids.latte]);
  });

  it('keeps voided transactions out unless asked for, and plain text search as it was', () => {
    expect(ids('xbk', true).sort()).toEqual([f.ids.starbucks, f.ids.voided].sort());
    expect(ids('星巴')).toEqual([f.ids.starbucks]);
    expect(ids('noodle')).toEqual([f.ids.lunch]);
    expect(ids('%')).toEqual([]);
  });

  it('reads only letters as pinyin, and keys are lower-case without spaces or tones', () => {
    expect(pinyinQuery(' Xing Ba ')).toBe('xingba');
    expect(pinyinQuery('x')).toBeNull(); // one letter would match most Chinese text
    expect(pinyinQuery('x1')).toBeNull();
    expect(pinyinQuery('星巴克')).toBeNull();
    expect(pinyinKeys('星巴克 Coffee')).toEqual({ full: 'xingbakecoffee', initials: 'xbkcoffee' });
    expect(pinyinKeys('绿茶').full).toBe('lvcha');
    expect(matchesPinyin('重庆小面', 'chongqing')).toBe(true);
  });
});

describe('pinyin search after changes', () => {
  it('finds texts recorded and amended after an earlier search', () => {
    expect(ids('dd')).toEqual([]);
    const didi = f.run({ type: 'recordTransaction', kind: 'expense', accountId: f.projection.sql.get<{ id: string }>('SELECT id FROM accounts')!.id, amount: '18', currency: 'CNY', date: '2024-02-02', payee: '滴滴出行' }).id;
    expect(ids('dd')).toEqual([didi]);
    expect(ids('didi')).toEqual([didi]);
    f.run({ type: 'amendTransaction', transactionId: f.ids.lunch, payee: '兰州拉面' });
    expect(ids('lzlm')).toEqual([f.ids.lunch]);
  });
});

/**
 * The zh-CN copy speaks with one voice: it addresses the reader as 你 (never 您), uses full-width
 * punctuation in Chinese sentences (，。：；！？（）), and the native terms for the wallet's things.
 * Placeholders ({{name}}), code (`…`), URLs, file names (.owbackup, latest*.yml) and column names quoted as
 * a statement writes them (“金额(元)”) keep ASCII.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../shared/i18n';
import type { MessageTree } from '../../shared/i18n/types';

function leaves(tree: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const zh = leaves(messagesFor('zh-CN'));

/** What is not prose: placeholders, inline code, URLs, and names quoted exactly as a file writes them (“金额(元)”). */
const prose = (text: string) =>
  text.replace(/\{\{[^}]*\}\}/g, '{}').replace(/`[^`]*`/g, '``').replace(/https?:\/\/\S+/g, 'URL').replace(/“[^”]*”/g, '“”');

/** A Chinese character (or closing Chinese quote/bracket) followed by ASCII sentence punctuation that ends a clause. */
const ASCII_AFTER_CJK = /[\p{Script=Han}”」』》）]\s*[,.:;!?](?=\s|$|[\p{Script=Han}“「（])/u;
/** ASCII brackets around Chinese text. */
const ASCII_BRACKETS = /[\p{Script=Han}”]\s*\(|\(\s*\p{Script=Han}|\p{Script=Han}\s*\)/u;

/** Words that have a native term in the wallet's vocabulary, and that term. */
const NATIVE_TERMS: [RegExp, string][] = [
  [/帐/, '账（账户、转账、对账、余额）'],
  [/恢复码|恢复秘钥|秘钥/, '恢复密钥 / 密钥'],
  [/登陆/, '登录'],
  [/密码重置码|重置码/, '恢复密钥'],
];

describe('zh-CN copy', () => {
  it('addresses the reader as 你, never 您', () => {
    expect(zh.filter(([, text]) => text.includes('您')).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('uses full-width punctuation in Chinese sentences', () => {
    const found = zh.filter(([, text]) => ASCII_AFTER_CJK.test(prose(text)) || ASCII_BRACKETS.test(prose(text)));
    expect(found.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('uses the native terms', () => {
    const found = zh.flatMap(([key, text]) =>
      NATIVE_TERMS.filter(([pattern]) => pattern.test(prose(text))).map(([, term]) => `${key}: ${text} → ${term}`),
    );
    expect(found).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    expect(ASCII_AFTER_CJK.test('备份未写入,请重试.')).toBe(true);
    expect(ASCII_AFTER_CJK.test('包含 latest*.yml 及其 .sig 文件')).toBe(false);
    expect(ASCII_BRACKETS.test('无法写入(只读)')).toBe(true);
    expect(ASCII_AFTER_CJK.test(prose('路径：{{path}}.'))).toBe(false);
  });
});

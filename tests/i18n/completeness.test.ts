/**
 * Every message a user can see exists in both languages: the two trees have the same keys, and
 * every translation key spelled in the engine or the renderer resolves in both.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../shared/i18n';
import type { MessageTree } from '../../shared/i18n/types';

const ROOT = resolve(__dirname, '../..');

function leaves(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** i18next plural forms: `key_one`/`key_other` answer for `key`. */
function resolves(keys: Set<string>, key: string): boolean {
  return keys.has(key) || keys.has(`${key}_other`) || [...keys].some((k) => k.startsWith(`${key}.`));
}

describe('translations', () => {
  const en = new Set(leaves(messagesFor('en-US')));
  const zh = new Set(leaves(messagesFor('zh-CN')));

  it('zh-CN and en-US have exactly the same keys', () => {
    expect([...en].filter((key) => !zh.has(key))).toEqual([]);
    expect([...zh].filter((key) => !en.has(key))).toEqual([]);
  });

  it('no zh-CN message is left in English by mistake', () => {
    const english = messagesFor('en-US');
    const chinese = messagesFor('zh-CN');
    const same = [...en].filter((key) => {
      const get = (tree: MessageTree) => key.split('.').reduce<unknown>((node, part) => (node as MessageTree)?.[part], tree);
      const a = get(english);
      const b = get(chinese);
      // Identical strings are fine when they carry no letters to translate (e.g. "English", codes).
      return a === b && typeof a === 'string' && /[a-z]{4,}/.test(a) && !/^(English|OneWallet)$/.test(a);
    });
    expect(same).toEqual([]);
  });

  it('every error key and t() key spelled in the code exists in both languages', () => {
    const files = [...sourceFiles(join(ROOT, 'electron')), ...sourceFiles(join(ROOT, 'renderer/src')), ...sourceFiles(join(ROOT, 'shared'))];
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const keys = [
        ...[...text.matchAll(/['"`](errors\.[a-z_]+(?:\.[a-z_]+)*)['"`]/g)].map((m) => m[1]!),
        ...[...text.matchAll(/\bt\(\s*'([a-zA-Z_.-]+)'/g)].map((m) => m[1]!),
      ];
      for (const key of keys) {
        if (!resolves(en, key) || !resolves(zh, key)) missing.push(`${file.slice(ROOT.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

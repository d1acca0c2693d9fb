/** The CLI speaks en-US: messages come from the shared area files (errors.* and cli.*), interpolated here. */
import { messagesFor } from '../../shared/i18n';
import type { MessageTree } from '../../shared/i18n/types';

let tree: MessageTree | null = null;

export function t(key: string, params: Record<string, string | number> = {}): string {
  tree ??= messagesFor('en-US');
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

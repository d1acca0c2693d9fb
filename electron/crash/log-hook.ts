/**
 * electron-log's hook: every argument of every log call (main and renderer, every transport,
 * file included) passes the one scrubber before it is written.
 */
import type { SensitiveMemory } from './scrub';

interface LogMessageLike {
  data: unknown[];
}

export function scrubLogHook(memory: SensitiveMemory) {
  return <M extends LogMessageLike>(message: M): M => ({
    ...message,
    data: message.data.map((item) => {
      if (typeof item === 'string') return memory.scrub(item);
      if (item instanceof Error) return memory.scrub(`${item.name}: ${item.message}\n${item.stack ?? ''}`);
      if (item && typeof item === 'object') {
        try {
          return memory.scrub(JSON.stringify(item));
        } catch {
          return '[unserializable]';
        }
      }
      return item;
    }),
  });
}

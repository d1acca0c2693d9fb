/**
 * A small preferences file: JSON validated by a schema, written atomically. A damaged or older
 * file falls back to the defaults for what it cannot supply: preferences are not worth refusing to
 * start over, and nothing secret or irreplaceable lives in them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

export class JsonSettingsFile<T extends object> {
  private current: T;

  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    defaults: T,
  ) {
    this.current = { ...defaults };
    if (!existsSync(file)) return;
    try {
      this.current = schema.parse({ ...defaults, ...JSON.parse(readFileSync(file, 'utf8')) });
    } catch {
      // keep the defaults
    }
  }

  get(): T {
    return { ...this.current };
  }

  update(patch: Partial<T>): T {
    const next = this.schema.parse({ ...this.current, ...patch });
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.current = next;
    return this.get();
  }
}

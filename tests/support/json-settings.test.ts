import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonSettingsFile } from '../../electron/support/json-settings';

const Schema = z.object({ theme: z.enum(['light', 'dark']), hours: z.number().int().min(0) });
const DEFAULTS = { theme: 'light' as const, hours: 24 };

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ow-settings-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('JsonSettingsFile', () => {
  it('persists updates and reads them back in a new instance', () => {
    const file = join(dir, 's.json');
    new JsonSettingsFile(file, Schema, DEFAULTS).update({ theme: 'dark' });
    expect(new JsonSettingsFile(file, Schema, DEFAULTS).get()).toEqual({ theme: 'dark', hours: 24 });
  });

  it('falls back to defaults for a damaged file and does not rewrite it until asked', () => {
    const file = join(dir, 's.json');
    writeFileSync(file, '{"theme": "purple", ');
    expect(new JsonSettingsFile(file, Schema, DEFAULTS).get()).toEqual(DEFAULTS);
    expect(readFileSync(file, 'utf8')).toBe('{"theme": "purple", ');
  });

  it('refuses an invalid update and leaves the file and the value as they were', () => {
    const file = join(dir, 's.json');
    const settings = new JsonSettingsFile(file, Schema, DEFAULTS);
    settings.update({ hours: 12 });
    expect(() => settings.update({ hours: -1 })).toThrow();
    expect(settings.get().hours).toBe(12);
    expect(JSON.parse(readFileSync(file, 'utf8')).hours).toBe(12);
  });
});

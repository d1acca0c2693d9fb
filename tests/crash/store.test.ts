/** The report store on real files: newest first, retention (newest 50, none older than 90 days), damaged files skipped, delete. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CrashReport } from '../../shared/crash';
import { CrashStore, KEEP_NEWEST } from '../../electron/crash/store';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ow-crash-store-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;
function report(id: string, createdAt: Date): CrashReport {
  return {
    id, createdAt: createdAt.toISOString(), process: 'engine', kind: 'uncaughtException', test: false,
    versions: { app: '1.0.0', electron: null, chrome: null, node: '22', os: 'Linux' },
    error: { name: 'Error', message: 'boom', stack: '' }, details: {}, breadcrumbs: [],
    wallet: { state: 'locked', sizeClass: 'none', lastIntegrityCheck: null }, minidump: null,
  };
}

it('keeps the newest 50 and nothing older than 90 days; lists newest first; skips damaged files', () => {
  const store = new CrashStore(dir);
  const now = Date.now();
  store.write(report('old-report-1', new Date(now - 91 * DAY)));
  expect(store.list()).toEqual([]); // older than 90 days: pruned as soon as the store is written
  for (let i = 0; i < KEEP_NEWEST + 5; i++) store.write(report(`report-${String(i).padStart(4, '0')}`, new Date(now - (100 - i) * 60_000)));
  const ids = store.list().map((r) => r.id);
  expect(ids).toHaveLength(KEEP_NEWEST);
  expect(ids[0]).toBe(`report-${String(KEEP_NEWEST + 4).padStart(4, '0')}`);
  expect(ids).not.toContain('report-0000');
  writeFileSync(join(store.dir, 'damaged-1.json'), '{not json');
  expect(store.list()).toHaveLength(KEEP_NEWEST);
  expect(store.read('damaged-1')).toBeNull();
  expect(store.read('../../etc/passwd')).toBeNull();
  expect(store.delete(ids[0]!)).toBe(true);
  expect(store.delete(ids[0]!)).toBe(false);
  expect(store.deleteAll()).toBe(KEEP_NEWEST - 1);
  expect(readdirSync(store.dir).filter((n) => n.startsWith('report-'))).toEqual([]);
});

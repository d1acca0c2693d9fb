/**
 * Crash reports on disk: `<dataDir>/crashes/<id>.json` (plus `<id>.dmp` when Electron left a
 * minidump). Writes are synchronous and atomic so a report survives the crash that caused it
 * (an uncaught exception may end the process right after). Retention: the newest 50, none older
 * than 90 days. Files that do not parse are skipped when listing, never fatal.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CrashReport, type CrashSummary } from '../../shared/crash';
import { writeFileAtomic } from '../support/atomic-file';

export const KEEP_NEWEST = 50;
export const KEEP_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const ID = /^[0-9a-z-]{8,64}$/;

export const crashDirOf = (dataDir: string) => join(dataDir, 'crashes');

export class CrashStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = crashDirOf(dataDir);
  }

  write(report: CrashReport): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(join(this.dir, `${report.id}.json`), `${JSON.stringify(CrashReport.parse(report), null, 2)}\n`);
    this.prune();
  }

  /** Newest first. */
  list(): CrashReport[] {
    if (!existsSync(this.dir)) return [];
    const reports: CrashReport[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json') || !ID.test(name.slice(0, -5))) continue;
      const report = this.read(name.slice(0, -5));
      if (report) reports.push(report);
    }
    return reports.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  summaries(): CrashSummary[] {
    return this.list().map((r) => ({ id: r.id, createdAt: r.createdAt, process: r.process, kind: r.kind, test: r.test, name: r.error.name, message: r.error.message }));
  }

  read(id: string): CrashReport | null {
    if (!ID.test(id)) return null;
    try {
      return CrashReport.parse(JSON.parse(readFileSync(join(this.dir, `${id}.json`), 'utf8')));
    } catch {
      return null;
    }
  }

  delete(id: string): boolean {
    const report = this.read(id);
    if (!report) return false;
    if (report.minidump) rmSync(join(this.dir, report.minidump), { force: true });
    rmSync(join(this.dir, `${id}.json`), { force: true });
    return true;
  }

  deleteAll(): number {
    const reports = this.list();
    for (const report of reports) this.delete(report.id);
    return reports.length;
  }

  prune(now = Date.now()): void {
    this.list().forEach((report, index) => {
      const age = now - Date.parse(report.createdAt);
      if (index >= KEEP_NEWEST || !(age <= KEEP_DAYS * DAY_MS)) this.delete(report.id);
    });
  }
}

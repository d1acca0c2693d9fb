/**
 * Memory as the OS sees it: resident set size now (process.memoryUsage) and the peak so far
 * (VmHWM in /proc/self/status, Linux only). A peak is per process, so the heavy scenarios run in
 * child processes (child.ts) to get one peak per scenario.
 */
import { readFileSync } from 'node:fs';

export function rssBytes(): number {
  return process.memoryUsage().rss;
}

/** Peak RSS of this process so far, bytes; NaN where /proc is not there. */
export function peakRssBytes(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1e6)} MB` : '—';
}

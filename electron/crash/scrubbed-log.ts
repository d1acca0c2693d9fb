/**
 * Every log line goes through the scrubber before any transport sees it, and the last 200
 * scrubbed lines are kept for "Report a problem". The inner logger is electron-log in the app,
 * the console logger in the Node hosts.
 */
import type { Logger } from '../support/logger';
import type { SensitiveMemory } from './scrub';

export const KEPT_LOG_LINES = 200;

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}\n${detail.stack ?? ''}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}

export class ScrubbedLog implements Logger {
  private readonly lines: string[] = [];

  constructor(
    private readonly memory: SensitiveMemory,
    private readonly inner: Logger,
  ) {}

  /** One line: the message and its details, scrubbed. Exposed so other transports (electron-log hooks) share it. */
  format(message: string, details: unknown[]): string {
    return this.memory.scrub([message, ...details.map(describe)].join(' '));
  }

  private write(level: 'info' | 'warn' | 'error', message: string, details: unknown[]): void {
    const line = this.format(message, details);
    this.lines.push(`${new Date().toISOString()} ${level} ${line}`);
    if (this.lines.length > KEPT_LOG_LINES) this.lines.shift();
    this.inner[level](line);
  }

  info(message: string, ...details: unknown[]): void {
    this.write('info', message, details);
  }
  warn(message: string, ...details: unknown[]): void {
    this.write('warn', message, details);
  }
  error(message: string, ...details: unknown[]): void {
    this.write('error', message, details);
  }

  recent(): string[] {
    return [...this.lines];
  }
}

/** Logger for the Node hosts (browser mode, CLI): timestamps to stderr, never secrets. */
import type { Logger } from './logger';

const line = (level: string, message: string) => `${new Date().toISOString()} ${level} ${message}`;

export const consoleLogger: Logger = {
  info: (message, ...details) => console.error(line('info', message), ...details),
  warn: (message, ...details) => console.error(line('warn', message), ...details),
  error: (message, ...details) => console.error(line('error', message), ...details),
};

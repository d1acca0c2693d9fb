/** The engine's logging seam: electron-log in the app, the same library's Node flavour elsewhere. */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** For tests and tools that must stay quiet but still surface errors. */
export const stderrLogger: Logger = {
  info: () => {},
  warn: (message, ...details) => console.warn(message, ...details),
  error: (message, ...details) => console.error(message, ...details),
};

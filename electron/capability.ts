/**
 * What every capability folder's `init(deps)` returns, and what the engine gives it.
 * Engine needs from the platform come in through `EngineDeps`: the shell (Electron) and the
 * browser host (plain Node) implement them; no capability imports 'electron'.
 */
import type { Handlers } from './router/router';
import type { EventBus } from './router/event-bus';
import type { Logger } from './support/logger';

export interface PlatformInfo {
  mode: 'electron' | 'browser';
  appVersion: string;
  platform: string;
  /** The operating system's (or browser host's) locale, e.g. `zh-CN`. */
  systemLocale: string;
}

export interface EngineDeps {
  dataDir: string;
  platform: PlatformInfo;
  bus: EventBus;
  log: Logger;
}

export interface Capability {
  handlers: Partial<Handlers>;
  dispose?: () => void | Promise<void>;
}

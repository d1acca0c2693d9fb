/**
 * A real engine for tests: real files in a temp data dir, real Argon2id at a test cost, the real
 * router. Calls go through `engine.router.call` exactly as the preload and the WebSocket bridge do.
 */
import type { MethodName } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';

export const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
export const PASSWORD = 'correct horse battery staple';

export type BusEvent = { name: string; payload: unknown };

export function startTestEngine(dataDir: string, events?: BusEvent[]): Promise<Engine> {
  const bus = new EventBus();
  if (events) bus.subscribe((name, payload) => events.push({ name, payload }));
  return startEngine(
    { dataDir, bus, log: { info() {}, warn() {}, error: console.error }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF } },
  );
}

/** The value of a call that must succeed; a refusal throws with its code and message key. */
export async function callOk<T = any>(engine: Engine, method: MethodName, input: unknown = {}): Promise<T> {
  const result = await engine.router.call(method, input, { transport: 'test' });
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.code} ${result.messageKey} ${JSON.stringify(result.params)}`), result);
  return result.value as T;
}

/** The refusal of a call that must fail. */
export async function callRefused(engine: Engine, method: MethodName, input: unknown = {}): Promise<{ ok: false; code: string; messageKey: string; params?: Record<string, unknown> }> {
  const result = await engine.router.call(method, input, { transport: 'test' });
  if (result.ok) throw new Error(`${method} should have been refused, got ${JSON.stringify(result.value)}`);
  return result as { ok: false; code: string; messageKey: string };
}

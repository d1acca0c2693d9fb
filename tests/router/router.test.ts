import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';
import { createRouter, type Handlers } from '../../electron/router/router';

const context = { transport: 'test' as const };
const logged: unknown[] = [];
const log = { error: (_message: string, error: unknown) => void logged.push(error) };

/** Handlers for every method (those a test does not exercise refuse), each replaceable per test. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const refuse = () => {
    throw new DomainError('rejected', 'errors.unknown_method');
  };
  return {
    ...Object.fromEntries(METHOD_NAMES.map((name) => [name, refuse])),
    'app/info': () => ({ name: 'OneWallet', version: '1', mode: 'browser', platform: 'linux', systemLanguage: 'en-US', dataDir: '/x' }),
    'settings/get': () => ({ language: null, theme: 'system' }),
    'settings/update': (patch) => ({ language: patch.language ?? null, theme: patch.theme ?? 'system' }),
    ...overrides,
  } as Handlers;
}

describe('router', () => {
  it('answers a valid call with ok and the parsed value', async () => {
    const router = createRouter({ handlers: handlers(), log, isWalletUnlocked: () => false });
    expect(await router.call('settings/update', { theme: 'dark' }, context)).toEqual({
      ok: true,
      value: { language: null, theme: 'dark' },
    });
  });

  it('rejects unknown methods, including prototype names', async () => {
    const router = createRouter({ handlers: handlers(), log, isWalletUnlocked: () => false });
    for (const name of ['vault/dump', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await router.call(name, {}, context)).toMatchObject({ ok: false, code: 'unknown_method' });
    }
  });

  it('rejects inputs that fail the schema without calling the handler, and names the path not the value', async () => {
    let called = 0;
    const router = createRouter({
      handlers: handlers({ 'settings/update': () => (called++, { language: null, theme: 'light' }) }),
      log,
      isWalletUnlocked: () => false,
    });
    const bad = [{ theme: 'purple-secret' }, { theme: 'dark', extra: 1 }, 'string', null, [1], { language: 'fr-FR' }];
    for (const input of bad) {
      const result = await router.call('settings/update', input, context);
      expect(result).toMatchObject({ ok: false, code: 'invalid_input', messageKey: 'errors.invalid_input' });
      expect(JSON.stringify(result)).not.toContain('purple-secret');
    }
    expect(called).toBe(0);
  });

  it('rejects payloads over the method limit and values that are not JSON', async () => {
    const router = createRouter({ handlers: handlers(), log, isWalletUnlocked: () => false });
    const big = { theme: 'x'.repeat(methods['settings/update'].maxPayloadBytes) };
    expect(await router.call('settings/update', big, context)).toMatchObject({ ok: false, code: 'payload_too_large' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await router.call('settings/update', cyclic, context)).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('maps domain errors to code, key and params', async () => {
    const router = createRouter({
      handlers: handlers({
        'settings/get': () => {
          throw new DomainError('locked_out', 'errors.locked_out', { waitSeconds: 8 });
        },
      }),
      log,
      isWalletUnlocked: () => false,
    });
    expect(await router.call('settings/get', {}, context)).toEqual({
      ok: false,
      code: 'locked_out',
      messageKey: 'errors.locked_out',
      params: { waitSeconds: 8 },
    });
  });

  it('hides unexpected errors and stack traces behind internal, and logs them', async () => {
    logged.length = 0;
    const router = createRouter({
      handlers: handlers({
        'settings/get': () => {
          throw new Error('SQLITE_CORRUPT at /home/alice/secret.db key=deadbeef');
        },
      }),
      log,
      isWalletUnlocked: () => false,
    });
    const result = await router.call('settings/get', {}, context);
    expect(result).toEqual({ ok: false, code: 'internal', messageKey: 'errors.internal', params: {} });
    expect(JSON.stringify(result)).not.toContain('alice');
    expect(logged).toHaveLength(1);
  });

  it('strips undeclared output fields and refuses outputs that break the contract', async () => {
    const leaky = createRouter({
      handlers: handlers({ 'settings/get': () => ({ language: null, theme: 'light', dataKey: 'c2VjcmV0' }) as never }),
      log,
      isWalletUnlocked: () => false,
    });
    const result = await leaky.call('settings/get', {}, context);
    expect(result).toEqual({ ok: true, value: { language: null, theme: 'light' } });

    const broken = createRouter({
      handlers: handlers({ 'settings/get': () => ({ language: 'xx', theme: 'light' }) as never }),
      log,
      isWalletUnlocked: () => false,
    });
    expect(await broken.call('settings/get', {}, context)).toMatchObject({ ok: false, code: 'internal' });
  });

  it('refuses to start when a contract method has no handler', () => {
    const partial = handlers();
    delete (partial as Partial<Handlers>)['settings/get'];
    expect(() => createRouter({ handlers: partial, log, isWalletUnlocked: () => false })).toThrow(/settings\/get/);
  });
});

describe('engine composition', () => {
  let dir: string;
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a handler for every contract method and persists settings through the router', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-engine-'));
    const bus = new EventBus();
    const heard: unknown[] = [];
    bus.subscribe((name, payload) => heard.push({ name, payload }));
    engine = await startEngine({
      dataDir: dir,
      bus,
      log: { info() {}, warn() {}, error() {} },
      platform: { mode: 'browser', appVersion: '9.9.9', platform: 'linux', systemLocale: 'zh_CN.UTF-8' },
    });
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    const info = await engine.router.call('app/info', {}, context);
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', systemLanguage: 'zh-CN', dataDir: dir } });
    await engine.router.call('settings/update', { language: 'en-US' }, context);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'en-US', theme: 'system' });
    expect(heard).toEqual([{ name: 'settings/changed', payload: { language: 'en-US', theme: 'system' } }]);
  });
});

/**
 * The contract path of issue #8's odd inputs, through the router with real files: the same
 * translated messageKey and code the CLI gets, and nothing changed.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { startEngine, type Engine } from '../../electron/engine';
import { EventBus } from '../../electron/router/event-bus';

const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
let dir: string;
let engine: Engine;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-hostile-'));
  engine = await startEngine(
    { dataDir: dir, bus: new EventBus(), log: { info() {}, warn() {}, error: console.error }, platform: { mode: 'browser', appVersion: '1.0.0', platform: 'linux', systemLocale: 'en-US' } },
    { testOnly: { kdf: TEST_KDF } },
  );
  await call('wallet/create', { name: 'Home', password: 'correct horse battery' });
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T = any>(method: MethodName, input: unknown = {}): Promise<T> {
  const result = await engine.router.call(method, input, { transport: 'test' });
  if (!result.ok) throw new Error(`${method}: ${result.code} ${result.messageKey}`);
  return result.value as T;
}
const answer = (method: MethodName, input: unknown = {}) => engine.router.call(method, input, { transport: 'test' });

describe('through the contract', () => {
  it('a reused request id with other content is refused; the same content returns the first result', async () => {
    const open = { requestId: 'open-1', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' };
    const first = await call('ledger/openAccount', open);
    expect(await call('ledger/openAccount', open)).toEqual({ ...first, replayed: true });
    expect(await answer('ledger/openAccount', { ...open, openingBalance: '1000' })).toMatchObject({ ok: false, code: 'rejected', messageKey: 'errors.request_id_reused', params: { requestId: 'open-1' } });
    expect((await call('ledger/accounts')).accounts).toHaveLength(1);
  });

  it('a cash account cannot open below 0; a card can, within its limit', async () => {
    expect(await answer('ledger/openAccount', { requestId: 'a', name: 'Pocket', kind: 'cash', currency: 'CNY', openingBalance: '-500' })).toMatchObject({ ok: false, code: 'rejected', messageKey: 'errors.opening_below_floor' });
    expect((await answer('ledger/openAccount', { requestId: 'b', name: 'Card', kind: 'credit', currency: 'CNY', openingBalance: '-500', creditLimit: '1000' })).ok).toBe(true);
  });

  it('names with control characters are refused with errors.text.name', async () => {
    expect(await answer('ledger/openAccount', { requestId: 'c', name: 'Cash\u001b[2J', kind: 'cash', currency: 'CNY' })).toMatchObject({ ok: false, code: 'invalid_input', messageKey: 'errors.text.name' });
  });

  it('a backup folder or an export folder that is a file: a precise io_error, not an internal error', async () => {
    await call('ledger/openAccount', { requestId: 'd', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1' });
    // The default folder, ours to create, is in the way as a file.
    writeFileSync(join(dir, 'backups'), 'x');
    expect(await answer('backup/create')).toMatchObject({ ok: false, code: 'io_error', messageKey: 'errors.backup.folder_is_file', params: { dir: join(dir, 'backups') } });
    rmSync(join(dir, 'backups'));
    // A chosen folder that is a file.
    const file = join(dir, 'usb-stick');
    writeFileSync(file, 'x');
    await call('backup/updateSettings', { primaryDir: file });
    expect(await answer('backup/create')).toMatchObject({ ok: false, code: 'io_error', messageKey: 'errors.backup.folder_is_file', params: { dir: file } });
    // Exports: a chosen folder that is a file, and the default folder in the way as a file.
    expect(await answer('backup/export', { format: 'csv', dir: file })).toMatchObject({ ok: false, code: 'io_error', messageKey: 'errors.export.not_a_folder', params: { dir: file } });
    writeFileSync(join(dir, 'exports'), 'x');
    expect(await answer('backup/export', { format: 'json' })).toMatchObject({ ok: false, code: 'io_error', messageKey: 'errors.export.not_a_folder' });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await call('wallet/verify')).toMatchObject({ ok: true });
  });
});

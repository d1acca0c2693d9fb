/**
 * `checkup/*` through the real router and engine: every item changes state when its condition
 * changes, fixes the engine can run itself do so, and a drop below the reviewed score reminds.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { DEFAULT_ALERT_SETTINGS, type CheckupItemId, type CheckupReport } from '../../shared/security-centre';
import type { Engine } from '../../electron/engine';
import { assessCheckup, type CheckupFacts } from '../../electron/security/checkup/assess';
import { callOk, PASSWORD, startTestEngine } from '../engine/support';

let dir: string;
let engine: Engine;
let walletId: string;

const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const run = () => call<CheckupReport>('checkup/run');
const item = async (id: CheckupItemId) => (await run()).items.find((entry) => entry.id === id)!;
const WEAK = 'password1234';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-checkup-'));
  engine = await startTestEngine(dir);
  walletId = (await call('wallet/create', { name: 'Home', password: PASSWORD })).walletId;
  await call('backup/updateSettings', { primaryDir: join(dir, 'backups') });
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('checkup items follow their conditions', () => {
  it('password strength: noted at create / unlock / change as a score, never stored', async () => {
    expect(await item('passwordStrength')).toMatchObject({ status: 'ok' });
    await call('wallet/changePassword', { oldPassword: PASSWORD, newPassword: WEAK });
    expect(await item('passwordStrength')).toMatchObject({ status: 'bad', fix: 'openSettings' });
    await engine.dispose();
    engine = await startTestEngine(dir);
    await call('wallet/unlock', { walletId, password: WEAK });
    expect(await item('passwordStrength')).toMatchObject({ status: 'bad' });
    await call('wallet/changePassword', { oldPassword: WEAK, newPassword: PASSWORD });
    expect(await item('passwordStrength')).toMatchObject({ status: 'ok', fix: null });
    // Only the score is kept, and only in memory: no file in the data folder holds the password or its score.
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json'));
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toMatch(/passwordScore|strength|password1234/);
  });

  it('recovery key: a regenerated key not yet confirmed is "to do" until typed back', async () => {
    expect((await item('recoveryKey')).status).toBe('ok');
    const { recoveryKey } = await call('wallet/regenerateRecoveryKey', { password: PASSWORD });
    expect(await item('recoveryKey')).toMatchObject({ status: 'bad' });
    await call('wallet/confirmRecoveryKey', { recoveryKey });
    expect((await item('recoveryKey')).status).toBe('ok');
  });

  it('recent backup and second location: the one-click backup fixes the first; a second folder the other', async () => {
    expect(await item('recentBackup')).toMatchObject({ status: 'bad', fix: 'runBackup' });
    expect(await item('secondLocation')).toMatchObject({ status: 'bad', fix: 'openBackup' });
    const fixed = await call<CheckupReport>('checkup/fix', { fix: 'runBackup' });
    expect(fixed.items.find((entry) => entry.id === 'recentBackup')).toMatchObject({ status: 'ok', fix: null });
    const second = join(dir, 'second');
    mkdirSync(second);
    await call('backup/updateSettings', { secondaryDir: second });
    expect(await item('secondLocation')).toMatchObject({ status: 'warn' });
    await call('checkup/fix', { fix: 'runBackup' });
    expect(await item('secondLocation')).toMatchObject({ status: 'ok', params: { dir: second } });
  });

  it('integrity check: never run is "to do"; the one-click verify records a passing result', async () => {
    expect(await item('integrityCheck')).toMatchObject({ status: 'bad', fix: 'runVerify' });
    const fixed = await call<CheckupReport>('checkup/fix', { fix: 'runVerify' });
    expect(fixed.items.find((entry) => entry.id === 'integrityCheck')!.status).toBe('ok');
    // Remembered across a restart (security-checkup.json).
    await engine.dispose();
    engine = await startTestEngine(dir);
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect((await item('integrityCheck')).status).toBe('ok');
  });

  it('key file, alerts switched off, auto-lock, app updates', async () => {
    expect((await item('keyFile')).status).toBe('warn');
    await call('wallet/setKeyFile', { password: PASSWORD, keyFile: Buffer.alloc(64, 7).toString('base64') });
    expect((await item('keyFile')).status).toBe('ok');

    expect((await item('alertsOn')).status).toBe('ok');
    const off = (rule: keyof typeof DEFAULT_ALERT_SETTINGS) => ({ ...(DEFAULT_ALERT_SETTINGS[rule] as object), enabled: false });
    await call('alerts/updateSettings', { ...DEFAULT_ALERT_SETTINGS, largeAmount: off('largeAmount') });
    expect(await item('alertsOn')).toMatchObject({ status: 'warn', params: { on: 4, total: 5 }, fix: 'openAlerts' });
    await call('alerts/updateSettings', {
      ...DEFAULT_ALERT_SETTINGS,
      largeAmount: off('largeAmount'),
      unusualAmount: off('unusualAmount'),
      doubleCharge: off('doubleCharge'),
      dormantAccount: off('dormantAccount'),
      newPayee: off('newPayee'),
    });
    expect((await item('alertsOn')).status).toBe('bad');

    // Auto-lock (the security capability's setting): default 5 minutes, a long time could be better, never is "to do".
    expect(await item('autoLock')).toMatchObject({ status: 'ok', params: { minutes: 5 } });
    await call('security/updateAutoLock', { idleMinutes: 120 });
    expect((await item('autoLock')).status).toBe('warn');
    await call('security/updateAutoLock', { idleMinutes: null });
    expect(await item('autoLock')).toMatchObject({ status: 'bad', fix: 'openSettings' });

    // No update feed in this engine: never checked is "unknown" and does not count in the score.
    expect(await item('appUpToDate')).toMatchObject({ status: 'unknown', fix: 'runUpdateCheck' });
  });

  it('review: the score seen becomes the reference; a drop below it reminds', async () => {
    expect((await run()).reminder).toBe(true);
    await call('checkup/fix', { fix: 'runVerify' });
    const reviewed = await call<CheckupReport>('checkup/review');
    expect(reviewed).toMatchObject({ reminder: false, previousScore: reviewed.score });
    await call('wallet/changePassword', { oldPassword: PASSWORD, newPassword: WEAK });
    const dropped = await run();
    expect(dropped.score).toBeLessThan(reviewed.score);
    expect(dropped.reminder).toBe(true);
  });
});

describe('the score', () => {
  const base: CheckupFacts = {
    passwordScore: 4,
    recoveryKeyPending: false,
    lastVerifiedBackupAt: '2026-01-09T00:00:00.000Z',
    secondaryDir: '/mnt/usb',
    secondaryHasVerifiedBackup: true,
    autoLockMinutes: 5,
    keyFile: true,
    update: { state: 'up-to-date', currentVersion: '1.0.0', available: null, lastCheckAt: '2026-01-09T00:00:00.000Z' },
    lastVerify: { at: '2026-01-09T00:00:00.000Z', ok: true },
    alertRulesOn: 5,
    alertRulesTotal: 5,
  };
  const now = new Date('2026-01-10T00:00:00.000Z');

  it('100 when everything is done; unknown items are left out; ageing makes items stale', () => {
    expect(assessCheckup(base, now).score).toBe(100);
    expect(assessCheckup({ ...base, autoLockMinutes: undefined, passwordScore: null }, now).score).toBe(100);
    expect(assessCheckup({ ...base, autoLockMinutes: null }, now).score).toBe(90);
    const later = new Date('2026-03-01T00:00:00.000Z');
    const statuses = Object.fromEntries(assessCheckup(base, later).items.map((entry) => [entry.id, entry.status]));
    expect(statuses).toMatchObject({ recentBackup: 'bad', integrityCheck: 'warn' });
    expect(assessCheckup({ ...base, update: { ...base.update, state: 'available', available: '1.1.0' } }, now).items.find((entry) => entry.id === 'appUpToDate')).toMatchObject({
      status: 'bad',
      params: { available: '1.1.0', version: '1.0.0' },
    });
  });
});

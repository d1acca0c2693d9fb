/**
 * `alerts/*` through the real router and engine: a large payment fires `alerts/fired` after it is
 * durable, shows in the list with its reason, and dismiss / "not unusual" / rule settings are
 * journal events (they survive a lock, change no balance, and an unknown key changes nothing).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { DEFAULT_ALERT_SETTINGS, type AlertView } from '../../shared/security-centre';
import type { Engine } from '../../electron/engine';
import { localDate } from '../../electron/ledger/dates';
import { callOk, callRefused, PASSWORD, startTestEngine, type BusEvent } from '../engine/support';

let dir: string;
let engine: Engine;
let bus: BusEvent[];
let n = 0;
let walletId: string;
const today = localDate(new Date());

const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const requestId = () => `req-${++n}`;
const list = async () => (await call<{ alerts: AlertView[] }>('alerts/list')).alerts;
const fired = () => bus.filter((event) => event.name === 'alerts/fired').flatMap((event) => (event.payload as { alerts: AlertView[] }).alerts);

/** Waits for a state, not for a time: the judging runs after the command's reply, on the next turn of the event loop. */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function spend(accountId: string, amount: string, payee: string) {
  return (await call('ledger/recordTransaction', { requestId: requestId(), kind: 'expense', accountId, amount, currency: 'CNY', date: today, payee })).ids[0] as string;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-alerts-'));
  bus = [];
  engine = await startTestEngine(dir, bus);
  walletId = (await call('wallet/create', { name: 'Home', password: PASSWORD })).walletId;
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const openBank = async () => (await call('ledger/openAccount', { requestId: requestId(), name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '100000' })).ids[0] as string;

describe('alerts over the router', () => {
  it('a large payment is recorded, then fires alerts/fired with its reason, and is listed', async () => {
    const bank = await openBank();
    await spend(bank, '35', 'Coffee');
    const big = await spend(bank, '8888', 'Apple Store');
    const [alert] = await until(() => (fired().length ? fired() : undefined));
    expect(alert).toMatchObject({ rule: 'largeAmount', transactionId: big, messageKey: 'security.alerts.reason.largeAmount', params: expect.objectContaining({ amount: '8888.00', threshold: '5000.00' }) });
    // The record is there whatever the alert: alerts never block.
    expect((await call('ledger/accounts')).accounts[0].balanceMinor).toBe(10_000_000 - 3500 - 888_800);
    expect((await list()).map((a) => a.key)).toEqual([alert!.key]);
  });

  it('dismiss and "not unusual" are kept in the journal: they survive a lock, change no balance, and teach the rule', async () => {
    const bank = await openBank();
    await spend(bank, '6000', 'Apple Store');
    await spend(bank, '7000', 'Furniture Co');
    await until(() => fired().length === 2 || undefined);
    const [furniture, apple] = await list();
    const balance = (await call('ledger/accounts')).accounts[0].balanceMinor;
    const eventsBefore = (await call('wallet/verify')).events;
    await call('alerts/dismiss', { alertKey: furniture!.key });
    await call('alerts/markUsual', { alertKey: apple!.key });
    expect(await list()).toEqual([]);
    expect((await call('wallet/verify')).events).toBe(eventsBefore + 2);
    expect((await call('wallet/verify')).ok).toBe(true);
    expect((await call('ledger/accounts')).accounts[0].balanceMinor).toBe(balance);
    expect(bus.some((event) => event.name === 'alerts/changed')).toBe(true);

    await call('wallet/lock');
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await list()).toEqual([]);
    // Taught: the same payee up to that amount is quiet; a bigger payment to it still alerts.
    const before = fired().length;
    await spend(bank, '5500', 'Apple Store');
    const bigger = await spend(bank, '9000', 'apple store');
    const news = await until(() => (fired().length > before ? fired().slice(before) : undefined));
    expect(news.map((a) => a.transactionId)).toEqual([bigger]);
  });

  it('rule settings: switched off, nothing fires; the settings are read back after a lock', async () => {
    const bank = await openBank();
    const off = { ...DEFAULT_ALERT_SETTINGS, largeAmount: { ...DEFAULT_ALERT_SETTINGS.largeAmount, enabled: false }, newPayee: { ...DEFAULT_ALERT_SETTINGS.newPayee, enabled: false } };
    expect(await call('alerts/updateSettings', off)).toEqual(off);
    await spend(bank, '9000', 'Apple Store');
    // The same charge again proves the judge ran: only the rule still on (double charge) speaks.
    const again = await spend(bank, '9000', 'Apple Store');
    await until(() => fired().length > 0 || undefined);
    expect(fired().map((a) => [a.rule, a.transactionId])).toEqual([['doubleCharge', again]]);
    await call('alerts/updateSettings', off);
    await call('wallet/lock');
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await call('alerts/settings')).toEqual(off);
  });

  it('the same charge twice on one day in an imported bill is a possible double charge "in the import"', async () => {
    const alipay = (await call('ledger/openAccount', { requestId: requestId(), name: 'Alipay', kind: 'ewallet', currency: 'CNY', openingBalance: '1000' })).ids[0] as string;
    // The Alipay fixture's preamble and header, then two Meituan orders of 58.00 today with their own order numbers.
    const fixture = iconv.decode(readFileSync(join(__dirname, '..', 'fixtures', 'import', 'alipay-app.csv')), 'gb18030');
    const head = fixture.slice(0, fixture.indexOf('\n', fixture.indexOf('交易时间,')) + 1);
    const line = (id: string, time: string) => `${today} ${time},餐饮美食,美团,,外卖,支出,58.00 ,花呗,交易成功,${id}\t,M${id}\t,,\r\n`;
    const bill = head + line('2099010122001100000001', '12:01:00') + line('2099010122001100000002', '12:03:00');
    const source = { fileName: 'alipay-double.csv', base64: iconv.encode(bill, 'gb18030').toString('base64') };
    const preview = await call('import/preview', { source, accountId: alipay, neutral: { mode: 'omit' } });
    expect(preview.counts.new).toBe(2);
    await call('import/commit', { planId: preview.planId, include: [], requestId: requestId() });
    const alert = await until(() => fired().find((a) => a.rule === 'doubleCharge'));
    expect(alert).toMatchObject({ messageKey: 'security.alerts.reason.doubleChargeImport', params: expect.objectContaining({ amount: '58.00', payee: '美团', date: today }) });
  });

  it('refuses an unknown alert key and bad settings, writing nothing', async () => {
    const bank = await openBank();
    await spend(bank, '10', 'Coffee');
    const eventsBefore = (await call('wallet/verify')).events;
    const unknown = await callRefused(engine, 'alerts/dismiss', { alertKey: 'largeAmount:nope' });
    expect(unknown.messageKey).toBe('errors.alerts.unknown_alert');
    const bad = await callRefused(engine, 'alerts/updateSettings', { ...DEFAULT_ALERT_SETTINGS, suppressDays: -1 });
    expect(bad.code).toBe('invalid_input');
    expect((await call('wallet/verify')).events).toBe(eventsBefore);
  });

  it('needs an unlocked wallet', async () => {
    await call('wallet/lock');
    expect((await callRefused(engine, 'alerts/list')).code).toBe('wallet_locked');
  });
});

/**
 * Exchange rates kept in the wallet (issue #13): set through the router, read back, used by net
 * worth and reports by default, kept across lock/unlock and a backup restore, refused when wrong.
 * Real engine, real vault file, real backups.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import type { Engine } from '../../electron/engine';
import { callOk, callRefused, PASSWORD, startTestEngine } from './support';

let dir: string;
let engine: Engine;

const call = <T = any>(method: MethodName, input: unknown = {}) => callOk<T>(engine, method, input);
const fails = (method: MethodName, input: unknown = {}) => callRefused(engine, method, input);
const rates = async () => (await call('ledger/exchangeRates')).rates;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-rates-'));
  engine = await startTestEngine(dir);
});
afterEach(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function walletInTwoCurrencies() {
  const { walletId } = await call('wallet/create', { name: 'Home', password: PASSWORD });
  await call('ledger/openAccount', { requestId: 'cny', name: 'Bank', kind: 'bank', currency: 'CNY', openingBalance: '1000.00' });
  await call('ledger/openAccount', { requestId: 'usd', name: 'Card', kind: 'bank', currency: 'USD', openingBalance: '100.00' });
  return walletId as string;
}

describe('exchange rates in the wallet', () => {
  it('set → query → used by net worth and reports → still there after lock and unlock', async () => {
    const walletId = await walletInTwoCurrencies();
    expect(await rates()).toEqual([]);
    expect(await call('ledger/netWorth', { currency: 'CNY' })).toEqual({ currency: 'CNY', totalMinor: 100000, missingRates: ['USD'] });

    await call('ledger/setExchangeRate', { requestId: 'rate-1', currency: 'USD', base: 'CNY', rate: ' 7.10 ' });
    expect(await rates()).toEqual([{ currency: 'USD', base: 'CNY', rate: '7.10' }]);
    expect(await call('ledger/netWorth', { currency: 'CNY' })).toEqual({ currency: 'CNY', totalMinor: 171000, missingRates: [] });
    // Rates given with the query still win for that query.
    expect((await call('ledger/netWorth', { currency: 'CNY', rates: { USD: '7' } })).totalMinor).toBe(170000);
    const month = new Date().toISOString().slice(0, 7);
    const report = await call('ledger/reports', { from: month, to: month, currency: 'CNY' });
    expect(report.netWorth.at(-1)).toMatchObject({ missingRates: [] });

    await call('wallet/lock');
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await rates()).toEqual([{ currency: 'USD', base: 'CNY', rate: '7.10' }]);

    await call('ledger/setExchangeRate', { requestId: 'rate-2', currency: 'USD', base: 'CNY', rate: null });
    expect(await rates()).toEqual([]);
  });

  it('refuses a bad rate, one currency twice, an unknown currency and a rate that is already set, changing nothing', async () => {
    await walletInTwoCurrencies();
    await call('ledger/setExchangeRate', { requestId: 'ok', currency: 'USD', base: 'CNY', rate: '7.1' });
    expect(await fails('ledger/setExchangeRate', { requestId: 'a', currency: 'USD', base: 'CNY', rate: '-7' })).toMatchObject({ code: 'invalid_input', messageKey: 'errors.rate_invalid' });
    expect(await fails('ledger/setExchangeRate', { requestId: 'b', currency: 'USD', base: 'CNY', rate: '0' })).toMatchObject({ messageKey: 'errors.rate_invalid' });
    expect(await fails('ledger/setExchangeRate', { requestId: 'c', currency: 'USD', base: 'USD', rate: '1' })).toMatchObject({ code: 'invalid_input', messageKey: 'errors.rate_same_currency' });
    expect(await fails('ledger/setExchangeRate', { requestId: 'd', currency: 'XYZ', base: 'CNY', rate: '1' })).toMatchObject({ messageKey: 'errors.currency_unknown' });
    expect(await fails('ledger/setExchangeRate', { requestId: 'e', currency: 'USD', base: 'CNY', rate: '7.1' })).toMatchObject({ messageKey: 'errors.nothing_to_change' });
    expect(await rates()).toEqual([{ currency: 'USD', base: 'CNY', rate: '7.1' }]);
  });

  it('a full restore of a backup brings back the rates it had', async () => {
    const walletId = await walletInTwoCurrencies();
    await call('ledger/setExchangeRate', { requestId: 'rate-usd', currency: 'USD', base: 'CNY', rate: '7.1' });
    await call('ledger/setExchangeRate', { requestId: 'rate-eur', currency: 'EUR', base: 'CNY', rate: '7.8' });
    const backup = await call('backup/create');
    await call('ledger/setExchangeRate', { requestId: 'rate-usd-2', currency: 'USD', base: 'CNY', rate: '7.3' });

    await call('backup/restoreFull', { dir: backup.dir, file: backup.file });
    await call('wallet/unlock', { walletId, password: PASSWORD });
    expect(await rates()).toEqual([
      { currency: 'EUR', base: 'CNY', rate: '7.8' },
      { currency: 'USD', base: 'CNY', rate: '7.1' },
    ]);
    expect(await call('wallet/verify')).toMatchObject({ ok: true, problems: [] });
  });

  it('a merge from a backup brings back a rate the wallet never had and keeps the wallet’s own', async () => {
    await walletInTwoCurrencies();
    await call('ledger/setExchangeRate', { requestId: 'rate-eur', currency: 'EUR', base: 'CNY', rate: '7.8' });
    const backup = await call('backup/create');
    // A second wallet that lost the EUR rate and set USD itself.
    await call('wallet/create', { name: 'Other', password: PASSWORD });
    await call('ledger/setExchangeRate', { requestId: 'rate-usd', currency: 'USD', base: 'CNY', rate: '7.3' });
    const preview = await call('backup/previewMerge', { dir: backup.dir, file: backup.file, secret: { password: PASSWORD } });
    await call('backup/applyMerge', { planId: preview.planId, picked: null });
    expect(await rates()).toEqual([
      { currency: 'EUR', base: 'CNY', rate: '7.8' },
      { currency: 'USD', base: 'CNY', rate: '7.3' },
    ]);
  });
});

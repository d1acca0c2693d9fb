/**
 * The same request id, submitted again or several at once through the engine, records once and
 * returns the first result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { callOk, PASSWORD, startTestEngine } from '../engine/support';
import { ledgerProjectionFactory } from '../../electron/ledger/projection';
import { Ledger } from '../../electron/ledger/ledger';
import { errorOf } from '../vault/support/helpers';
import { makeLedger, requestId } from './support';

describe('idempotency', () => {
  it('a repeated request returns the first result without writing', () => {
    const { ledger, sink, projection } = makeLedger();
    const open = { type: 'openAccount', requestId: 'open-1', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '50' };
    const first = ledger.execute(open);
    const digest = projection.digest();
    for (let i = 0; i < 5; i += 1) expect(ledger.execute(open)).toEqual(first);
    expect(sink.events).toHaveLength(1);
    expect(projection.digest()).toBe(digest);
  });

  it('twenty submissions in flight at once through the engine router record the payment once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-idem-'));
    const engine = await startTestEngine(dir);
    try {
      const call = (method: MethodName, input: unknown) => callOk(engine, method, input);
      await call('wallet/create', { name: 'Home', password: PASSWORD });
      const cash = (await call('ledger/openAccount', { requestId: requestId(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' })).ids[0];
      const pay = { requestId: 'double-click', kind: 'expense', accountId: cash, amount: '30', currency: 'CNY', date: '2024-06-01' };
      // All twenty are started before any is awaited, as a burst of IPC messages would be.
      const results = await Promise.all(Array.from({ length: 20 }, () => call('ledger/recordTransaction', pay)));
      expect(new Set(results.map((result) => JSON.stringify(result.ids))).size).toBe(1);
      expect(results.filter((result) => !result.replayed)).toHaveLength(1);
      const accounts = await call('ledger/accounts', {});
      expect(accounts.accounts[0].balanceMinor).toBe(7000);
      expect((await call('wallet/verify', {})).events).toBe(2);
    } finally {
      await engine.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a retry with the same id still gets the first result after the state changed', () => {
    const { ledger, projection } = makeLedger();
    const cash = ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' }).id;
    const pay = { type: 'recordTransaction', requestId: 'retry', kind: 'expense', accountId: cash, amount: '100', currency: 'CNY', date: '2024-06-01' };
    const first = ledger.execute(pay);
    // The balance is now 0: deciding again would fail with insufficient funds. It must not be decided again.
    expect(ledger.execute(pay)).toEqual(first);
    expect(projection.balance(cash)).toBe(0);
  });

  it('a rejected request writes nothing, so a corrected retry with the same id can succeed', () => {
    const { ledger, sink } = makeLedger();
    const cash = ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1' }).id;
    const pay = { type: 'recordTransaction', requestId: 'fix-me', kind: 'expense', accountId: cash, currency: 'CNY', date: '2024-06-01' };
    expect(() => ledger.execute({ ...pay, amount: '2' })).toThrow();
    const ok = ledger.execute({ ...pay, amount: '1' });
    expect(sink.events).toHaveLength(2);
    expect(ledger.execute({ ...pay, amount: '1' })).toEqual(ok);
  });

  it('idempotency survives a restart: results are rebuilt from the journal', () => {
    const { ledger, sink } = makeLedger();
    const open = { type: 'openAccount', requestId: 'survives', name: 'Cash', kind: 'cash', currency: 'CNY' };
    const first = ledger.execute(open);
    const replayed = ledgerProjectionFactory.empty();
    for (const { seq, payload } of sink.events) replayed.apply(seq, payload);
    const restarted = new Ledger({ sink, projection: replayed });
    expect(restarted.execute(open)).toEqual(first);
    expect(sink.events).toHaveLength(1);
  });
});

describe('a request id reused for a different command', () => {
  it('is refused with request_id_reused, writes nothing, and the first result stays', async () => {
    const { ledger, sink, projection } = makeLedger();
    const cash = ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' }).id;
    const pay = { type: 'recordTransaction', requestId: 'reused', kind: 'expense', accountId: cash, amount: '30', currency: 'CNY', date: '2024-06-01' };
    const first = ledger.execute(pay);
    const digest = projection.digest();
    // Key order does not make a command different; content does.
    expect(ledger.execute(Object.fromEntries(Object.entries(pay).reverse()))).toEqual(first);
    for (const changed of [{ ...pay, amount: '31' }, { type: 'openAccount', requestId: 'reused', name: 'Other', kind: 'cash', currency: 'CNY' }, { ...pay, payee: 'someone' }]) {
      const error = await errorOf(() => ledger.execute(changed));
      expect(error).toMatchObject({ code: 'rejected', messageKey: 'errors.request_id_reused', params: { requestId: 'reused' } });
    }
    expect(sink.events).toHaveLength(2);
    expect(projection.digest()).toBe(digest);
    expect(projection.balance(cash)).toBe(7000);
  });

  it('holds after a replay of the journal (the digest travels in the event)', async () => {
    const { ledger, sink } = makeLedger();
    ledger.execute({ type: 'openAccount', requestId: 'open', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' });
    const replayed = ledgerProjectionFactory.empty();
    for (const { seq, payload } of sink.events) replayed.apply(seq, payload);
    const again = new Ledger({ sink, projection: replayed });
    const error = await errorOf(() => again.execute({ type: 'openAccount', requestId: 'open', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '999' }));
    expect(error).toMatchObject({ messageKey: 'errors.request_id_reused' });
  });
});

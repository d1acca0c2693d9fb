/** The same request id, submitted again or concurrently, records once and returns the first result. */
import { describe, expect, it } from 'vitest';
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

  it('concurrent submissions of one payment record it once', async () => {
    const { ledger, sink, projection } = makeLedger();
    const cash = ledger.execute({ type: 'openAccount', requestId: requestId(), name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '100' }).id;
    const pay = { type: 'recordTransaction', requestId: 'double-click', kind: 'expense', accountId: cash, amount: '30', currency: 'CNY', date: '2024-06-01' };
    // What an IPC handler does: an async wrapper around the synchronous execute.
    const submit = async () => {
      await Promise.resolve();
      return ledger.execute(pay);
    };
    const results = await Promise.all(Array.from({ length: 20 }, submit));
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    expect(sink.events).toHaveLength(2);
    expect(projection.balance(cash)).toBe(7000);
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

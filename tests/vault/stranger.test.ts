/**
 * "A stranger with SQLite and libsodium can open it": reads a vault the engine wrote using only
 * better-sqlite3, raw libsodium calls and the rules in FORMAT.md — with the password and with the
 * recovery key — and gets the same events back; then folds them by EVENTS.md alone
 * (support/stranger-fold.ts) into every balance, and must agree with the engine.
 */
import Database from 'better-sqlite3';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { budgetProgress, queries } from '../../electron/ledger';
import { createVault, vaultReady } from '../../electron/vault';
import { newWallet } from '../backup/support/wallet';
import { payee, tempDir, TEST_KDF } from './support/helpers';
import { availableOf, balances, budgetFor, foldDocumented } from './support/stranger-fold';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

type SlotRow = { kind: number; salt: Buffer; ops_limit: number; mem_limit: number; nonce: Buffer; wrapped: Buffer };

function unwrap(vaultId: Buffer, slot: SlotRow, kek: Uint8Array): Uint8Array {
  const ad = cat(vaultId, Uint8Array.of(slot.kind), slot.salt, u32(slot.ops_limit), u64(slot.mem_limit));
  return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, slot.wrapped, ad, slot.nonce, kek);
}

function readEvents(db: Database.Database, vaultId: Buffer, dk: Uint8Array): unknown[] {
  const kJournal = sodium.crypto_kdf_derive_from_key(32, 1, 'journal_', dk);
  const kChain = sodium.crypto_kdf_derive_from_key(32, 1, 'chainmac', dk);
  let prev: Uint8Array = new Uint8Array(32);
  const out: unknown[] = [];
  for (const row of db.prepare('SELECT seq, nonce, ciphertext, tag FROM journal ORDER BY seq').all() as { seq: number; nonce: Buffer; ciphertext: Buffer; tag: Buffer }[]) {
    expect(row.seq).toBe(out.length + 1);
    const tag = sodium.crypto_generichash(32, cat(prev, u64(row.seq), row.nonce, row.ciphertext), kChain);
    expect(Buffer.from(tag).equals(row.tag)).toBe(true);
    const json = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, row.ciphertext, cat(vaultId, u64(row.seq), prev), row.nonce, kJournal);
    out.push(JSON.parse(Buffer.from(json).toString('utf8')));
    prev = tag;
  }
  const head = db.prepare('SELECT seq, tag FROM head').get() as { seq: number; tag: Buffer };
  expect(head.seq).toBe(out.length);
  expect(Buffer.from(prev).equals(head.tag)).toBe(true);
  return out;
}

function decodeRecovery(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const data = Array.from({ length: 8 }, (_, g) => clean.slice(g * 8, g * 8 + 7)).join('');
  let bits = '';
  for (const c of data) bits += ALPHABET.indexOf(c).toString(2).padStart(5, '0');
  const bytes = Uint8Array.from({ length: 35 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2));
  const secret = bytes.slice(0, 32);
  expect(Buffer.from(sodium.crypto_generichash(32, secret, null).subarray(0, 3)).equals(Buffer.from(bytes.subarray(32)))).toBe(true);
  return secret;
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  await vaultReady();
  await sodium.ready;
  tmp = tempDir('ow-stranger-');
});
afterAll(() => tmp.cleanup());

describe('reading a vault from FORMAT.md alone', () => {
  test('with the password, the key file, and the recovery key', async () => {
    const path = tmp.file('w.onewallet');
    const keyFile = new Uint8Array(48).fill(0x5a);
    const { session, recoveryKey } = await createVault(path, { password: 'stranger pw', keyFile, testOnlyKdf: TEST_KDF });
    const written = [payee(1), payee(2), { note: '中文备注', amount: -5 }];
    session.append(written);
    session.lock();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x4f57564c);
    const meta = db.prepare('SELECT format, format_version, vault_id FROM meta').get() as { format: string; format_version: number; vault_id: Buffer };
    expect([meta.format, meta.format_version]).toEqual(['onewallet-vault', 1]);

    const primary = db.prepare("SELECT * FROM keyslots WHERE role = 'primary'").get() as SlotRow;
    expect(primary.kind).toBe(2);
    const stretched = sodium.crypto_pwhash(32, 'stranger pw', primary.salt, primary.ops_limit, primary.mem_limit, sodium.crypto_pwhash_ALG_ARGON2ID13);
    const kek = sodium.crypto_generichash(32, cat(Buffer.from('onewallet-keyfile-kek'), sodium.crypto_generichash(32, keyFile, null)), stretched);
    expect(readEvents(db, meta.vault_id, unwrap(meta.vault_id, primary, kek))).toEqual(written);

    const recovery = db.prepare("SELECT * FROM keyslots WHERE role = 'recovery'").get() as SlotRow;
    const secret = decodeRecovery(recoveryKey);
    const rkek = sodium.crypto_generichash(32, cat(Buffer.from('onewallet-recovery-kek'), meta.vault_id, recovery.salt), secret);
    expect(readEvents(db, meta.vault_id, unwrap(meta.vault_id, recovery, rkek))).toEqual(written);
    db.close();
  });
});

describe('rebuilding balances from FORMAT.md and EVENTS.md alone', () => {
  test('every balance of a wallet that went through every command type equals the engine’s', async () => {
    const path = tmp.file('all-commands.onewallet');
    const wallet = await newWallet(path, 'stranger ledger pw');
    const { run, projection } = wallet;
    const open = (name: string, kind: string, currency: string, openingBalance: string, creditLimit?: string) =>
      run({ type: 'openAccount', name, kind, currency, openingBalance, openedOn: '2025-01-01', ...(creditLimit ? { creditLimit } : {}) });
    const bank = open('Bank', 'bank', 'CNY', '5000.00');
    const cash = open('Cash', 'cash', 'CNY', '300.50');
    const alipay = open('Alipay', 'ewallet', 'CNY', '0');
    const card = open('Card', 'credit', 'CNY', '-120.00', '20000');
    const savings = open('Savings', 'savings', 'USD', '1000.00');
    const spare = open('Spare', 'cash', 'CNY', '0');
    const food = run({ type: 'defineCategory', name: 'Food', kind: 'expense' });
    const groceries = run({ type: 'defineCategory', name: 'Groceries', kind: 'expense', parentId: food });
    const salary = run({ type: 'defineCategory', name: 'Salary', kind: 'income' });
    run({ type: 'defineCategory', categoryId: food, name: 'Food & drink', kind: 'expense' });
    const expense = (accountId: string, amount: string, date: string, categoryId: string | null = groceries) =>
      run({ type: 'recordTransaction', kind: 'expense', accountId, amount, currency: 'CNY', date, categoryId });
    const lunch = expense(bank, '38.50', '2025-02-03');
    const coffee = expense(card, '25.00', '2025-02-04', food);
    const taxi = expense(cash, '12.00', '2025-02-05', null);
    const pay = run({ type: 'recordTransaction', kind: 'income', accountId: bank, amount: '12000', currency: 'CNY', date: '2025-02-10', categoryId: salary });
    const topUp = run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: alipay, amount: '200', currency: 'CNY', date: '2025-02-11' });
    const exchange = run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: savings, amount: '700', currency: 'CNY', toAmount: '98.76', toCurrency: 'USD', date: '2025-02-12' });
    const payCard = run({ type: 'recordTransfer', fromAccountId: bank, toAccountId: card, amount: '145', currency: 'CNY', date: '2025-02-13' });
    const [exchangeOut] = projection.transferLegs(exchange);
    const [, payCardIn] = projection.transferLegs(payCard);
    const [topUpOut] = projection.transferLegs(topUp);
    run({ type: 'amendTransaction', transactionId: lunch, amount: '40.00', payee: 'Noodles' });
    run({ type: 'amendTransaction', transactionId: taxi, accountId: bank });
    run({ type: 'amendTransaction', transactionId: exchangeOut?.id, amount: '710', toAmount: '100.01' });
    run({ type: 'voidTransaction', transactionId: payCardIn?.id, reason: 'entered twice' });
    run({ type: 'voidTransaction', transactionId: coffee });
    run({ type: 'restoreTransaction', transactionId: coffee });
    run({ type: 'voidTransaction', transactionId: topUpOut?.id });
    run({ type: 'restoreTransaction', transactionId: topUpOut?.id });
    run({ type: 'setTransactionStatus', transactionId: pay, status: 'pending' });
    run({ type: 'setBudget', categoryId: food, month: '2025-02', amount: '1500', currency: 'CNY' });
    run({ type: 'setBudget', categoryId: food, month: '2025-03', amount: '0', currency: 'CNY' });
    run({ type: 'reconcile', accountId: savings, statementDate: '2025-02-28', statementBalance: '1100.01', clearedTransactionIds: [projection.transferLegs(exchange)[1]?.id] });
    run({ type: 'updateAccount', accountId: card, name: 'Visa', creditLimit: '30000' });
    run({ type: 'freezeAccount', accountId: cash, reason: 'lost wallet' });
    run({ type: 'unfreezeAccount', accountId: cash });
    run({ type: 'freezeAccount', accountId: alipay });
    run({ type: 'closeAccount', accountId: spare });
    const engine = queries.listAccounts(projection, { includeClosed: true });
    const engineBudgets = ['2025-02', '2025-03'].map((month) => budgetProgress(projection, month).find((b) => b.categoryId === food) ?? null);
    wallet.close();

    // The stranger: the file, the password, raw libsodium, FORMAT.md and EVENTS.md — nothing else.
    const db = new Database(path, { readonly: true });
    const meta = db.prepare('SELECT vault_id FROM meta').get() as { vault_id: Buffer };
    const primary = db.prepare("SELECT * FROM keyslots WHERE role = 'primary'").get() as SlotRow;
    expect(primary.kind).toBe(1);
    const kek = sodium.crypto_pwhash(32, 'stranger ledger pw', primary.salt, primary.ops_limit, primary.mem_limit, sodium.crypto_pwhash_ALG_ARGON2ID13);
    const events = readEvents(db, meta.vault_id, unwrap(meta.vault_id, primary, kek));
    db.close();
    expect(new Set(events.map((e) => (e as { type: string }).type)).size).toBe(14);

    const state = foldDocumented(events);
    expect(balances(state)).toEqual(Object.fromEntries(engine.map((a) => [a.id, [a.balanceMinor, a.currency]])));
    for (const account of engine) expect(availableOf(state, account.id), account.name).toBe(account.availableMinor);
    expect(['2025-02', '2025-03'].map((month) => budgetFor(state, food, month))).toEqual(
      engineBudgets.map((b) => (b ? { budget: b.budgetMinor, spent: b.spentMinor } : null)),
    );
    // Hand-checked, so that both sides being wrong the same way would still show.
    expect(balances(state)[bank]).toEqual([500000 - 4000 + 1200000 - 20000 - 71000 - 1200, 'CNY']);
    expect(balances(state)[savings]).toEqual([100000 + 10001, 'USD']);
    expect(balances(state)[card]).toEqual([-12000 - 2500, 'CNY']);
  });
});

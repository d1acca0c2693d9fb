/**
 * The one scrubber, on its own: seeded personal strings and secrets are replaced wherever they
 * appear, patterns catch what the engine never saw (paths, amounts, key-like strings), and what
 * makes a report useful (error names, stack frames with line numbers, versions) survives.
 */
import { describe, expect, it } from 'vitest';
import { SensitiveMemory } from '../../electron/crash/scrub';
import { seededRandom, testSeed } from '../vault/support/rng';

function seededWord(random: () => number, length = 10): string {
  const letters = 'bcdfghjkmnpqrstvwxz';
  return Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
}

describe('scrub', () => {
  it('replaces every seeded name, payee, note, amount and password the engine has seen', () => {
    const random = seededRandom(testSeed('scrub seeded strings'));
    const payee = `Payee ${seededWord(random)}`;
    const note = `note ${seededWord(random)} 你好`;
    const account = `Card ${seededWord(random)}`;
    const password = `pw-${seededWord(random, 14)}`;
    const amount = `${Math.floor(random() * 90000) + 10000}.${Math.floor(random() * 90) + 10}`;
    const memory = new SensitiveMemory();
    memory.remember({ name: account, password, payee, note, amount, kind: 'expense' });

    const text = `TypeError: cannot book ${amount} to ${payee.toUpperCase()} (${note}) on ${account}; password=${password} ${password}`;
    const out = memory.scrub(text);
    for (const secret of [payee, payee.toUpperCase(), note, account, password, amount]) expect(out).not.toContain(secret);
    expect(out).toContain('TypeError: cannot book');
    // Non-personal words of the input (the kind of transaction) are not remembered.
    expect(memory.scrub('kind expense')).toBe('kind expense');
  });

  it('keeps secrets only as hashes, yet finds them inside any text', () => {
    const memory = new SensitiveMemory();
    memory.remember({ newPassword: 'hunter2-but-longer', recoveryKey: 'K3Y-MATERIAL-X' });
    expect(JSON.stringify(memory.knowledge().known instanceof Set ? [...memory.knowledge().known] : [])).not.toContain('hunter2');
    expect(memory.scrub('x hunter2-but-longery')).toBe('x <secret>y');
    expect(memory.scrub('->K3Y-MATERIAL-X<-')).toBe('-><secret><-');
  });

  it('replaces the data folder, the home folder and any other home, keeping the rest of a path', () => {
    const memory = new SensitiveMemory();
    memory.addFolder('/tmp/ow-data-123', '<data>');
    memory.addFolder('/home/alice', '<home>');
    expect(memory.scrub('open /tmp/ow-data-123/wallets/a.onewallet')).toBe('open <data>/wallets/a.onewallet');
    expect(memory.scrub('at f (/home/alice/app/out/main.cjs:12:345)')).toBe('at f (<home>/app/out/main.cjs:12:345)');
    expect(memory.scrub('C:\\Users\\bob\\AppData and /Users/carol/x and /home/dave/y')).toBe('<home>\\AppData and <home>/x and <home>/y');
  });

  it('replaces amounts, long numbers, e-mail addresses and key-like strings by pattern', () => {
    const memory = new SensitiveMemory();
    const out = memory.scrub(
      'paid ¥1,234.50 and 98,765.43 and 4321 minor; mail me@example.com; key 0123456789abcdef0123; token aB3dE5fG7hJ9kL1mN3pQ5rS; ' +
        'rk ABCDEFG1-HJKMNPQ2-RSTVWXY3-Z0123454',
    );
    expect(out).toBe('paid <amount> and <amount> and <n> minor; mail <email>; key <hex>; token <key>; rk <key>');
  });

  it('keeps what makes a report useful: names, stack frames, versions, small numbers', () => {
    const memory = new SensitiveMemory();
    const stack = 'RangeError: kdf worker exited with code 1\n    at Worker.<anonymous> (node:internal/worker:12:34)\n    at http://127.0.0.1:5173/assets/index-Dx8fKq2L.js:1:23456';
    expect(memory.scrub(stack)).toBe(stack);
    expect(memory.scrub('OneWallet 1.2.3 on Node 22.12.0')).toBe('OneWallet 1.2.3 on Node 22.12.0');
  });
});

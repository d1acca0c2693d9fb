/** Argon2id: calibrated parameters never go under the floor, and the work never blocks the main thread. */
import { beforeAll, describe, expect, test } from 'vitest';
import { calibrateKdf, vaultReady } from '../../electron/vault';
import { deriveKey } from '../../electron/vault/kdf';

beforeAll(async () => {
  await vaultReady();
});

describe('key derivation', () => {
  test('calibration aims at the target and never goes below 64 MiB', async () => {
    const params = await calibrateKdf(300);
    expect(params.memLimitBytes).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(params.opsLimit).toBeGreaterThanOrEqual(1);
    const tiny = await calibrateKdf(1);
    expect(tiny).toEqual({ opsLimit: 1, memLimitBytes: 64 * 1024 * 1024 });
  }, 30_000);

  test('a 64 MiB derivation runs in a worker: the event loop keeps ticking meanwhile', async () => {
    let ticks = 0;
    let worstGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ticks++;
    }, 5);
    const started = performance.now();
    const key = await deriveKey('pw', new Uint8Array(16), { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(key).toHaveLength(32);
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
    expect(worstGap).toBeLessThan(Math.max(100, elapsed / 2));
  });
});

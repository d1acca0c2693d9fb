/**
 * Seeds for every random test (tamper, crash, damage, fast-check properties): each run picks a
 * fresh seed, prints it, and `ONEWALLET_SEED=<n>` replays exactly that run.
 */

/** A tiny seeded PRNG (mulberry32) so a failing random sample can be replayed from its printed seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ONEWALLET_SEED when set (a positive int32, so fast-check accepts it too), else a random one. */
export function seedFromEnv(): number {
  const fromEnv = Number(process.env.ONEWALLET_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 && fromEnv < 2 ** 31 ? fromEnv : Math.floor(Math.random() * (2 ** 31 - 1)) + 1;
}

/** This run's seed for `label`, printed before the test starts so even a timeout can be replayed. */
export function testSeed(label: string): number {
  const seed = seedFromEnv();
  console.log(`${label}: seed ${seed} (replay with ONEWALLET_SEED=${seed})`);
  return seed;
}

/** fast-check parameters with a printed, replayable seed. */
export function propertyParams(label: string): { seed: number } {
  return { seed: testSeed(label) };
}

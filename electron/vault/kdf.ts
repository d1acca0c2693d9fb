/**
 * Argon2id off the main thread. A derivation takes about a second by design, so it runs in a
 * worker_threads Worker: the Electron main process (and the CLI's event loop) stay responsive.
 * The worker is given as source text (`eval: true`) so this works from TypeScript under vitest and
 * from esbuild bundles alike; libsodium is located by absolute path for the same reason.
 */
import { Worker } from 'node:worker_threads';
import {
  KDF_ABSOLUTE_MIN_MEM_BYTES,
  KDF_MAX_MEM_BYTES,
  KDF_MAX_OPS,
  KDF_MIN_MEM_BYTES,
  KEY_BYTES,
  SALT_BYTES,
} from './constants';

export interface KdfParams {
  opsLimit: number;
  memLimitBytes: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.job === 'crash') throw new Error('Argon2id worker crash requested by Settings → Diagnostics');
const sodium = require(workerData.sodiumPath);
sodium.ready.then(() => {
  const alg = sodium.crypto_pwhash_ALG_ARGON2ID13;
  if (workerData.job === 'derive') {
    const { password, salt, opsLimit, memLimitBytes } = workerData;
    const key = sodium.crypto_pwhash(${KEY_BYTES}, password, salt, opsLimit, memLimitBytes, alg);
    sodium.memzero(password);
    parentPort.postMessage({ key }, [key.buffer]);
  } else {
    // Calibration: time ops=1 runs at each memory size (the first run also grows the WASM heap, so warm up).
    const pw = new Uint8Array(16), salt = new Uint8Array(${SALT_BYTES});
    const timings = [];
    for (const mem of workerData.memSizes) {
      sodium.crypto_pwhash(32, pw, salt, 1, mem, alg);
      const start = process.hrtime.bigint();
      sodium.crypto_pwhash(32, pw, salt, 2, mem, alg);
      timings.push(Number(process.hrtime.bigint() - start) / 2e6);
    }
    parentPort.postMessage({ timings });
  }
}).catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
`;

function sodiumPath(): string {
  // In the packaged app libsodium is unpacked beside app.asar (electron-builder.yml asarUnpack):
  // a worker thread cannot be relied on to read inside the archive.
  return require.resolve('libsodium-wrappers-sumo').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** Told about every crash of an Argon2id worker (the crash reporter listens); the caller still gets the error. */
const workerCrashListeners = new Set<(error: Error) => void>();
export function onKdfWorkerCrash(listener: (error: Error) => void): () => void {
  workerCrashListeners.add(listener);
  return () => workerCrashListeners.delete(listener);
}
function workerCrashed(error: Error): Error {
  for (const listener of workerCrashListeners) listener(error);
  return error;
}

function runWorker<T>(data: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { sodiumPath: sodiumPath(), ...data },
      transferList: transfer,
    });
    let settled = false;
    worker.once('message', (message: T & { error?: string }) => {
      settled = true;
      void worker.terminate();
      if (message.error) reject(new Error(`kdf worker: ${message.error}`));
      else resolve(message);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(workerCrashed(error));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(workerCrashed(new Error(`kdf worker exited with code ${code}`)));
    });
  });
}

/**
 * Test builds only: a lower floor under which unlock re-wraps the password slot. It is a global
 * that a bundler `define` (vitest.config.mts, tests/cli/support.ts, the test host's entry in
 * build-node.mjs) replaces; in production bundles the identifier is never defined, so nothing a
 * user, a file or an environment variable can do lowers the floor below 64 MiB.
 */
declare const __ONEWALLET_TEST_KDF_FLOOR__: number | undefined;

/** Argon2id memory below which a password slot is re-wrapped at calibrated cost on unlock. */
export function kdfFloorBytes(): number {
  return typeof __ONEWALLET_TEST_KDF_FLOOR__ === 'number' ? __ONEWALLET_TEST_KDF_FLOOR__ : KDF_MIN_MEM_BYTES;
}

export function validKdfParams(params: KdfParams, allowBelowFloor: boolean): boolean {
  const minMem = allowBelowFloor ? KDF_ABSOLUTE_MIN_MEM_BYTES : KDF_MIN_MEM_BYTES;
  return (
    Number.isSafeInteger(params.opsLimit) &&
    params.opsLimit >= 1 &&
    params.opsLimit <= KDF_MAX_OPS &&
    Number.isSafeInteger(params.memLimitBytes) &&
    params.memLimitBytes >= minMem &&
    params.memLimitBytes <= KDF_MAX_MEM_BYTES
  );
}

/**
 * Argon2id(password, salt) → 32 bytes, in a worker. The password's UTF-8 bytes are moved to the
 * worker and wiped there; the JS string itself cannot be wiped (strings are immutable).
 */
export async function deriveKey(password: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const passwordBytes = new TextEncoder().encode(password);
  const { key } = await runWorker<{ key: Uint8Array }>(
    { job: 'derive', password: passwordBytes, salt: new Uint8Array(salt), ...params },
    [passwordBytes.buffer as ArrayBuffer],
  );
  return key;
}

/** Settings → Diagnostics: crashes a real Argon2id worker so the whole capture path can be walked. */
export async function crashKdfWorkerForDiagnostics(): Promise<Error> {
  return runWorker({ job: 'crash' }).then(
    () => new Error('the worker did not crash'),
    (error: Error) => error,
  );
}

const MIB = 1024 * 1024;

/**
 * Parameters that take about `targetMs` here. Memory first (it is what makes guessing on GPUs
 * expensive): 256 MiB when three passes fit the budget, otherwise the 64 MiB floor; then as many
 * passes as fit. Never below 64 MiB, never fewer than 1 pass.
 */
export async function calibrateKdf(targetMs = 1000): Promise<KdfParams> {
  const memSizes = [KDF_MIN_MEM_BYTES, 256 * MIB];
  const { timings } = await runWorker<{ timings: number[] }>({ job: 'calibrate', memSizes });
  const [small = 1, large = 1] = timings;
  const useLarge = large * 3 <= targetMs;
  const perPass = Math.max(useLarge ? large : small, 1);
  const opsLimit = Math.min(KDF_MAX_OPS, Math.max(1, Math.round(targetMs / perPass)));
  return { opsLimit, memLimitBytes: useLarge ? 256 * MIB : KDF_MIN_MEM_BYTES };
}

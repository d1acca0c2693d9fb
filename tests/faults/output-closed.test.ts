/** Standard output that cannot be written: a pipe without reader (EPIPE) and /dev/full (ENOSPC). */
import { closeSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultReady } from '../../electron/vault';
import { bundleCli } from '../cli/support';
import { tempDir } from '../vault/support/helpers';
import { makeWallet, readerlessPipe, runCli, verifiedPayees } from './support';

let tmp: ReturnType<typeof tempDir>;
let bundle: string;

beforeAll(async () => {
  await vaultReady();
  tmp = tempDir('ow-faults-out-');
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => tmp.cleanup());

const sinks: Array<[string, string, (dir: string) => { fd: number; close: () => void }]> = [
  ['a pipe whose reader is gone (EPIPE)', 'The output could not be written: the program reading it stopped (broken pipe). The command itself completed.', readerlessPipe],
  [
    '/dev/full (ENOSPC)',
    'The output could not be written: the disk is full. The command itself completed.',
    () => {
      const fd = openSync('/dev/full', 'w');
      return { fd, close: () => closeSync(fd) };
    },
  ],
];

describe.each(sinks)('stdout is %s', (_name, message, open) => {
  it('a write still lands, and the run ends with one sentence on stderr and exit 5, no stack', async () => {
    const vault = tmp.file(`w-${Math.random().toString(36).slice(2)}.onewallet`);
    await makeWallet(vault);
    const sink = open(tmp.dir);
    try {
      const run = await runCli(bundle, ['--vault', vault, '--password-stdin', 'tx', 'add', '--account', 'Cash', '--amount', '2.50', '--payee', 'Acknowledged'], { stdoutFd: sink.fd });
      expect(run.stderr).toBe(`${message}\n`);
      expect(run.code).toBe(5);
      const help = await runCli(bundle, ['--help'], { stdoutFd: sink.fd });
      expect(help).toMatchObject({ code: 5, stderr: `${message}\n` });
    } finally {
      sink.close();
    }
    expect(await verifiedPayees(bundle, vault)).toContain('Acknowledged');
  });

  it('a failing command keeps its own message and exit code', async () => {
    const sink = open(tmp.dir);
    try {
      const run = await runCli(bundle, ['--vault', tmp.file('none/w.onewallet'), '--password-stdin', 'verify'], { stdoutFd: sink.fd });
      expect(run.code).toBe(5);
      expect(run.stderr).toBe(`The folder ${tmp.file('none')} does not exist.\n`);
    } finally {
      sink.close();
    }
  });
});

/** Vault commands: init, verify, passwd, recover, keyfile add|remove, recovery-key regenerate. */
import { DomainError, isDomainError } from '../../../shared/errors';
import { createVault, openVault, type UnlockResult } from '../../vault';
import { UsageError, type CliContext } from '../context';
import { t } from '../messages';
import { projectionFactory } from '../projection';
import type { Command } from '../registry';

/** Unlocks with password (+ --key-file), runs `work`, always locks. */
async function withSession<T>(ctx: CliContext, password: string, keyFile: Uint8Array | undefined, work: (r: UnlockResult) => Promise<T>): Promise<T> {
  const locked = openVault(ctx.vaultPath());
  try {
    const result = await locked.unlock(keyFile ? { password, keyFile } : { password });
    try {
      reportFailures(ctx, result);
      return await work(result);
    } finally {
      result.session.lock();
    }
  } finally {
    locked.close();
  }
}

function reportFailures(ctx: CliContext, result: UnlockResult): void {
  const { count } = result.failedAttemptsSinceLastUnlock;
  if (count > 0) ctx.err(t('cli.failed_attempts', { count }));
}

function noArgs(args: readonly string[]): void {
  if (args.length > 0) throw new UsageError(t('cli.usage_error', { detail: `Unexpected argument "${args[0]}".` }));
}

const init: Command = {
  name: 'init',
  helpKey: 'cli.cmd.init',
  async run(ctx, args) {
    noArgs(args);
    const path = ctx.vaultPath();
    const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    // Always the calibrated production KDF: there is deliberately no way to weaken it from here.
    const { session, recoveryKey } = await createVault(path, keyFile ? { password, keyFile } : { password });
    session.lock();
    if (ctx.options.json) ctx.json({ vault: path, recoveryKey });
    else {
      ctx.out(t('cli.init_done', { vault: path }));
      ctx.out(t('cli.recovery_key_intro'));
      ctx.out(recoveryKey);
    }
    return 0;
  },
};

const verify: Command = {
  name: 'verify',
  helpKey: 'cli.cmd.verify',
  async run(ctx, args) {
    noArgs(args);
    const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    try {
      const report = await withSession(ctx, password, keyFile, async ({ session }) => session.verify(projectionFactory()));
      const problems = report.problems.map(({ where, seq, detail }) => ({ where, ...(seq === undefined ? {} : { seq }), detail }));
      if (ctx.options.json) ctx.json({ ok: report.ok, problems, events: report.events });
      else if (report.ok) ctx.out(t('cli.verify_ok', { events: report.events }));
      else {
        ctx.out(t('cli.verify_failed', { count: problems.length }));
        for (const p of problems) ctx.out(`  - [${p.where}${p.seq === undefined ? '' : ` #${p.seq}`}] ${p.detail}`);
      }
      if (!report.ok) ctx.err(problems[0]?.detail ?? '');
      return report.ok ? 0 : 4;
    } catch (error) {
      // Damage found while unlocking (e.g. a truncated journal) is a verify result too.
      if (ctx.options.json && isDomainError(error) && error.code === 'integrity') {
        const detail = t(error.messageKey, error.params);
        const seq = typeof error.params.seq === 'number' ? { seq: error.params.seq } : {};
        ctx.json({ ok: false, problems: [{ where: String(error.params.where ?? 'file'), ...seq, detail }] });
      }
      throw error;
    }
  },
};

const passwd: Command = {
  name: 'passwd',
  helpKey: 'cli.cmd.passwd',
  async run(ctx, args) {
    noArgs(args);
    const [oldPassword = '', newPassword = ''] = await ctx.secrets([
      { name: 'old_password', env: 'ONEWALLET_PASSWORD' },
      { name: 'new_password', env: 'ONEWALLET_NEW_PASSWORD' },
    ]);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    await withSession(ctx, oldPassword, keyFile, ({ session }) => session.changePassword(oldPassword, newPassword, keyFile));
    if (ctx.options.json) ctx.json({ ok: true });
    else ctx.out(t('cli.passwd_done'));
    return 0;
  },
};

const recover: Command = {
  name: 'recover',
  helpKey: 'cli.cmd.recover',
  async run(ctx, args) {
    noArgs(args);
    const [recoveryKey = '', newPassword = ''] = await ctx.secrets([
      { name: 'recovery_key', env: 'ONEWALLET_RECOVERY_KEY' },
      { name: 'new_password', env: 'ONEWALLET_NEW_PASSWORD' },
    ]);
    const locked = openVault(ctx.vaultPath());
    try {
      const result = await locked.unlockWithRecoveryKey(recoveryKey, newPassword);
      result.session.lock();
      reportFailures(ctx, result);
      if (ctx.options.json) ctx.json({ ok: true, keyFileRemoved: result.keyFileRemoved === true });
      else {
        ctx.out(t('cli.recover_done'));
        if (result.keyFileRemoved) ctx.out(t('cli.recover_key_file_removed'));
      }
    } finally {
      locked.close();
    }
    return 0;
  },
};

const keyfile: Command = {
  name: 'keyfile',
  helpKey: 'cli.cmd.keyfile',
  async run(ctx, args) {
    const [action, path, ...rest] = args;
    if ((action !== 'add' && action !== 'remove') || !path || rest.length > 0) throw new UsageError(t('cli.keyfile_usage'));
    const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
    const named = await ctx.readKeyFile(path);
    if (!named) throw new DomainError('io_error', 'cli.key_file_unreadable', { path });
    if (action === 'add') {
      // Replacing a key file needs the current one too (--key-file).
      const current = await ctx.readKeyFile(ctx.options.keyFile);
      await withSession(ctx, password, current, ({ session }) => session.setKeyFile(password, named, current));
      if (ctx.options.json) ctx.json({ ok: true, keyFile: path });
      else ctx.out(t('cli.keyfile_added', { path }));
    } else {
      // PATH is the key file in use: it is what proves the right to remove the requirement.
      await withSession(ctx, password, named, ({ session }) => session.setKeyFile(password, null, named));
      if (ctx.options.json) ctx.json({ ok: true });
      else ctx.out(t('cli.keyfile_removed'));
    }
    return 0;
  },
};

const recoveryKey: Command = {
  name: 'recovery-key',
  helpKey: 'cli.cmd.recovery_key',
  async run(ctx, args) {
    if (args.length !== 1 || args[0] !== 'regenerate') throw new UsageError(t('cli.recovery_usage'));
    const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    const key = await withSession(ctx, password, keyFile, ({ session }) => session.regenerateRecoveryKey(password, keyFile));
    if (ctx.options.json) ctx.json({ vault: ctx.vaultPath(), recoveryKey: key });
    else {
      ctx.out(t('cli.recovery_key_new'));
      ctx.out(key);
    }
    return 0;
  },
};

export const vaultCommands: Command[] = [init, verify, passwd, recover, keyfile, recoveryKey];

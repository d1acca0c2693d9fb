/** Vault commands: init, verify, passwd, recover, keyfile add|remove, recovery-key regenerate. */
import { DomainError, isDomainError } from '../../../shared/errors';
import { requireNewPassword } from '../../../shared/password-policy';
import { createVault, openVault } from '../../vault';
import { group, single, syntax } from '../args';
import { deliver } from '../deliver';
import { t } from '../messages';
import { projectionFactory } from '../projection';
import { UsageError, type CliContext } from '../context';
import type { Action, Command } from '../registry';
import { logCliEvent, withUnlocked as withSession } from '../session';

const init: Action = {
  usage: 'init',
  summaryKey: 'cli.help.summary.init',
  positionals: 0,
  options: {},
  async run(ctx) {
    const path = ctx.vaultPath();
    const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
    requireNewPassword(password);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    // Always the calibrated production KDF: there is deliberately no way to weaken it from here.
    // The key is shown (and known to have arrived) before the wallet file appears at its path:
    // if stdout is full or closed, no wallet is left behind whose only recovery key was lost.
    const showKey = (recoveryKey: string) =>
      deliver(
        ctx.io.stdout,
        ctx.options.json
          ? `${JSON.stringify({ vault: path, recoveryKey })}\n`
          : `${t('cli.init_done', { vault: path })}\n${t('cli.recovery_key_intro')}\n${recoveryKey}\n`,
        'cli.output_failed_init',
      );
    const { session } = await createVault(path, { ...(keyFile ? { password, keyFile } : { password }), beforeCommit: showKey });
    session.lock();
    return 0;
  },
};

const verify: Action = {
  usage: 'verify',
  summaryKey: 'cli.help.summary.verify',
  positionals: 0,
  options: {},
  async run(ctx) {
    const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    try {
      const report = await withSession(ctx, password, keyFile, async ({ session }) => await session.verify(projectionFactory()));
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

const passwd: Action = {
  usage: 'passwd',
  summaryKey: 'cli.help.summary.passwd',
  positionals: 0,
  options: {},
  async run(ctx) {
    const [oldPassword = '', newPassword = ''] = await ctx.secrets([
      { name: 'old_password', env: 'ONEWALLET_PASSWORD' },
      { name: 'new_password', env: 'ONEWALLET_NEW_PASSWORD' },
    ]);
    requireNewPassword(newPassword);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    await withSession(ctx, oldPassword, keyFile, async ({ session }) => {
      await session.changePassword(oldPassword, newPassword, keyFile);
      logCliEvent(session, 'password_changed');
    });
    if (ctx.options.json) ctx.json({ ok: true });
    else ctx.out(t('cli.passwd_done'));
    return 0;
  },
};

const recover: Action = {
  usage: 'recover',
  summaryKey: 'cli.help.summary.recover',
  positionals: 0,
  options: {},
  async run(ctx) {
    const [recoveryKey = '', newPassword = ''] = await ctx.secrets([
      { name: 'recovery_key', env: 'ONEWALLET_RECOVERY_KEY' },
      { name: 'new_password', env: 'ONEWALLET_NEW_PASSWORD' },
    ]);
    requireNewPassword(newPassword);
    const locked = openVault(ctx.vaultPath());
    try {
      const result = await locked.unlockWithRecoveryKey(recoveryKey, newPassword);
      result.session.lock();
      const { count } = result.failedAttemptsSinceLastUnlock;
      if (count > 0) ctx.err(t('cli.failed_attempts', { count }));
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

async function keyfile(ctx: CliContext, action: 'add' | 'remove', path: string): Promise<number> {
  const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
  const named = await ctx.readKeyFile(path);
  if (!named) throw new DomainError('io_error', 'cli.key_file_unreadable', { path });
  if (action === 'add') {
    // Replacing a key file needs the current one too (--key-file).
    const current = await ctx.readKeyFile(ctx.options.keyFile);
    await withSession(ctx, password, current, async ({ session }) => {
      await session.setKeyFile(password, named, current);
      logCliEvent(session, 'key_file_changed', { required: true });
    });
    if (ctx.options.json) ctx.json({ ok: true, keyFile: path });
    else ctx.out(t('cli.keyfile_added', { path }));
  } else {
    // PATH is the key file in use: it is what proves the right to remove the requirement.
    await withSession(ctx, password, named, async ({ session }) => {
      await session.setKeyFile(password, null, named);
      logCliEvent(session, 'key_file_changed', { required: false });
    });
    if (ctx.options.json) ctx.json({ ok: true });
    else ctx.out(t('cli.keyfile_removed'));
  }
  return 0;
}

const keyfileAction: Action = {
  usage: 'keyfile add|remove PATH',
  summaryKey: 'cli.help.summary.keyfile',
  positionals: 2,
  options: {},
  run(ctx, input) {
    const action = input.arg(0);
    if (action !== 'add' && action !== 'remove') throw new UsageError(t('cli.keyfile_usage'), [syntax(keyfileAction)]);
    return keyfile(ctx, action, input.arg(1));
  },
};

const regenerate: Action = {
  usage: 'recovery-key regenerate',
  summaryKey: 'cli.help.summary.recovery_key',
  positionals: 0,
  options: {},
  async run(ctx) {
    const [password = ''] = await ctx.secrets([{ name: 'password', env: 'ONEWALLET_PASSWORD' }]);
    const keyFile = await ctx.readKeyFile(ctx.options.keyFile);
    await withSession(ctx, password, keyFile, async ({ session }) => {
      const key = await session.regenerateRecoveryKey(password, keyFile);
      // The new key replaces the old one only once it reached stdout: a full disk or a closed pipe keeps the old key.
      await deliver(
        ctx.io.stdout,
        ctx.options.json ? `${JSON.stringify({ vault: ctx.vaultPath(), recoveryKey: key })}\n` : `${t('cli.recovery_key_new')}\n${key}\n`,
        'cli.output_failed_regenerate',
      );
      session.confirmRecoveryKey(key);
      logCliEvent(session, 'recovery_key_changed');
    });
    return 0;
  },
};

export const vaultCommands: Command[] = [
  single('init', init),
  single('verify', verify),
  single('passwd', passwd),
  single('recover', recover),
  single('keyfile', keyfileAction),
  group('recovery-key', { regenerate }),
];

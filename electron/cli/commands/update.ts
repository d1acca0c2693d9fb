/**
 * `onewallet update check --feed URL [--channel stable|beta] [--app-version X] [--json]`: asks a
 * feed what the update policy would offer, the way "check now" in the app does (signature first,
 * never a downgrade, stable never offers a pre-release). Downloads nothing, changes nothing.
 * Exit codes: 0 answered (up to date or available), 4 bad signature or bad metadata,
 * 5 feed unreachable / offline / timeout, 2 usage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserUpdateWiring } from '../../update/browser-wiring';
import { UpdatePolicy } from '../../update/policy';
import { UpdateStore } from '../../update/settings-store';
import { group, syntax } from '../args';
import { UsageError } from '../context';
import { t } from '../messages';
import type { Action, Command } from '../registry';

const APP_VERSION = process.env.ONEWALLET_VERSION ?? '0.0.0-dev';
const INTEGRITY_KINDS = new Set(['bad_signature', 'bad_metadata']);

const check: Action = {
  usage: 'update check',
  summaryKey: 'cli.help.summary.update_check',
  positionals: 0,
  options: {
    feed: { type: 'string', value: 'URL', helpKey: 'cli.help.opt.feed', required: true },
    channel: { type: 'string', value: 'stable|beta', helpKey: 'cli.help.opt.channel' },
    'app-version': { type: 'string', value: 'X', helpKey: 'cli.help.opt.app_version' },
  },
  async run(ctx, input) {
    const channel = input.string('channel') ?? 'stable';
    if (channel !== 'stable' && channel !== 'beta') throw new UsageError(t('cli.update.bad_channel'), [syntax(check)]);
    const appVersion = input.string('app-version') ?? APP_VERSION;
    // A scratch data folder: the CLI's check must not touch the app's skip/remind choices.
    const scratch = mkdtempSync(join(tmpdir(), 'onewallet-update-check-'));
    try {
      let wiring;
      try {
        wiring = browserUpdateWiring({ feedUrl: input.string('feed'), appVersion, dataDir: scratch, publicKeyBase64: ctx.testOnly.updatePublicKey });
      } catch (error) {
        throw new UsageError((error as Error).message, [syntax(check)]);
      }
      const store = new UpdateStore(scratch);
      store.update({ channel, autoCheck: false });
      const policy = new UpdatePolicy({
        source: wiring.source,
        currentVersion: appVersion,
        store,
        log: { info() {}, warn() {}, error() {} },
        backup: () => Promise.resolve({ status: 'deferred' }),
        onChange: () => undefined,
        startDelayMs: 0,
      });
      const status = await policy.check(true);
      const message = status.error ? t(status.error.messageKey, status.error.params) : null;
      if (ctx.options.json) {
        ctx.json({
          state: status.state,
          currentVersion: status.currentVersion,
          channel,
          release: status.release && { version: status.release.version, releaseDate: status.release.releaseDate, sizeBytes: status.release.sizeBytes, notes: status.release.notes },
          error: status.error && { kind: status.error.kind, message },
        });
      } else if (status.state === 'available' && status.release) {
        ctx.out(t('cli.update.available', { version: status.release.version, current: appVersion, channel }));
        if (status.release.notes) ctx.out(status.release.notes);
      } else if (status.state === 'up-to-date') ctx.out(t('cli.update.up_to_date', { current: appVersion, channel }));
      else ctx.err(t('cli.update.failed', { message: message ?? '' }));
      if (!status.error) return 0;
      return INTEGRITY_KINDS.has(status.error.kind) ? 4 : 5;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

export const updateCommands: Command[] = [group('update', { check })];

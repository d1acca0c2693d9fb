/** `onewallet --help` (every command with its full syntax) and `onewallet COMMAND --help` (each option explained). */
import { syntax } from './args';
import { t } from './messages';
import type { Command, Form } from './registry';

const GLOBAL_OPTION_KEYS = ['opt_vault', 'opt_json', 'opt_password_stdin', 'opt_key_file', 'opt_help'] as const;

function describeForm(form: Form, withOptions: boolean): string[] {
  const lines = [`  onewallet ${syntax(form)}`, `      ${t(form.summaryKey)}`];
  if (withOptions) {
    for (const [name, spec] of Object.entries(form.options)) {
      const left = spec.type === 'string' ? `--${name} ${spec.value ?? 'X'}` : `--${name}`;
      lines.push(`        ${left.padEnd(22)} ${t(spec.helpKey)}`);
    }
  }
  return lines;
}

export function globalHelp(commands: readonly Command[]): string {
  return [
    t('cli.usage'),
    '',
    t('cli.help_intro'),
    '',
    t('cli.commands'),
    ...commands.flatMap((c) => c.forms.flatMap((form) => describeForm(form, false))),
    '',
    t('cli.global_options'),
    ...GLOBAL_OPTION_KEYS.map((k) => `  ${t(`cli.${k}`)}`),
    '',
    t('cli.help.command_help'),
    t('cli.env_note'),
    t('cli.exit_codes'),
  ].join('\n');
}

/** Help for one command, or for one action of it when the next word names one (`tx add --help`). */
export function commandHelp(command: Command, words: readonly string[]): string {
  const action = words[0];
  const chosen = command.forms.filter((form) => form.usage.split(' ')[1] === action);
  const forms = chosen.length > 0 ? chosen : command.forms;
  return [t('cli.help.usage_heading'), ...forms.flatMap((form) => describeForm(form, true)), '', t('cli.help.globals_note')].join('\n');
}

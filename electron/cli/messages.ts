/** The CLI speaks en-US: messages come from the shared area files (errors.* and cli.*) through i18next. */
import { translate } from '../../shared/i18n';

export function t(key: string, params: Record<string, string | number> = {}): string {
  return translate('en-US', key, params);
}

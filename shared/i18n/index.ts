/**
 * All translations, merged from one file per area so each capability owns its strings.
 * Used by the renderer (react-i18next) and by the CLI (plain i18next, en-US).
 */
import i18next, { type i18n } from 'i18next';
import { LANGUAGES, type AreaMessages, type Language, type MessageTree } from './types';
import { commonMessages } from './common';
import { errorMessages } from './errors';
import { vaultMessages } from './vault';
import { walletMessages } from './wallet';
import { ledgerMessages } from './ledger';
import { backupMessages } from './backup';
import { transactionMessages } from './views-transactions';
import { overviewMessages } from './views-overview';
import { cliLedgerMessages } from './cli-ledger';
import { updateMessages } from './update';
import { vaultSafetyMessages } from './vault-safety';
import { filesAndInputMessages } from './files-and-input';
import { crashMessages } from './crash';
import { importMessages, importWizardMessages } from './import';
import { securityMessages } from './security';
import { dailyUseMessages } from './daily-use';
import { billMessages } from './bill';

const AREAS: AreaMessages[] = [
  commonMessages,
  errorMessages,
  vaultMessages,
  walletMessages,
  ledgerMessages,
  backupMessages,
  transactionMessages,
  overviewMessages,
  cliLedgerMessages,
  updateMessages,
  vaultSafetyMessages,
  filesAndInputMessages,
  crashMessages,
  importMessages,
  importWizardMessages,
  securityMessages,
  dailyUseMessages,
  billMessages,
];

function mergeInto(target: MessageTree, source: MessageTree): MessageTree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') mergeInto(existing, value);
    else target[key] = typeof value === 'object' ? mergeInto({}, value) : value;
  }
  return target;
}

export function messagesFor(language: Language): MessageTree {
  return AREAS.reduce<MessageTree>((all, area) => mergeInto(all, area[language]), {});
}

export const resources = Object.fromEntries(
  LANGUAGES.map((language) => [language, { translation: messagesFor(language) }]),
) as Record<Language, { translation: MessageTree }>;

export function pickLanguage(candidates: readonly (string | undefined | null)[]): Language {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'en-US';
}

/** A standalone i18next instance (the CLI and the Node host use this; the renderer adds react-i18next). */
export function createTranslator(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en-US',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

const translators = new Map<Language, i18n>();

/** A translation outside React (the CLI, engine sentences for logs and reports), through i18next all the same. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  let translator = translators.get(language);
  if (!translator) translators.set(language, (translator = createTranslator(language)));
  return translator.t(key, params);
}

export { LANGUAGES, type Language };

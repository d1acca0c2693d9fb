/** react-i18next over the shared resources; the language comes from ?lang=, settings, or the browser/OS. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { pickLanguage, resources, type Language } from '../../../shared/i18n';

export function languageFromUrl(): Language | null {
  const lang = new URL(window.location.href).searchParams.get('lang');
  return lang === 'zh-CN' || lang === 'en-US' ? lang : null;
}

export const systemLanguage = (): Language => pickLanguage([...(navigator.languages ?? []), navigator.language]);

void i18next.use(initReactI18next).init({
  resources,
  lng: languageFromUrl() ?? systemLanguage(),
  fallbackLng: 'en-US',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function applyLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}

export default i18next;

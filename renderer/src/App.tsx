/**
 * Root: picks the transport, loads preferences, and provides locale and theme to antd. Nothing
 * here touches wallet data; views get it through the contract client.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import type { Language, Settings } from '../../shared/contract';
import { ApiContext } from './lib/api-context';
import { createClient, type ConnectionState } from './lib/client';
import { applyLanguage, languageFromUrl, systemLanguage } from './lib/i18n';
import { DARK_THEME, LIGHT_THEME } from './lib/theme';
import { useReducedMotion, useSettings, useSystemDark } from './lib/use-settings';
import { ConnectionScreen } from './shell/ConnectionScreen';
import { DocumentTheme } from './shell/DocumentTheme';
import { Preferences } from './shell/Preferences';
import { Shell } from './shell/Shell';
import { WalletGate } from './wallet/WalletGate';
import { installWindowCapture, setCrashApi } from './lib/crash-capture';
import { ErrorBoundary } from './views/crashes/ErrorBoundary';
import { StartupNotice } from './views/crashes/StartupNotice';

installWindowCapture();

/** antd's theme for the colour scheme; with reduced motion asked for, nothing animates (antd's `motion` token). */
function themeFor(dark: boolean, reducedMotion: boolean) {
  const base = dark ? DARK_THEME : LIGHT_THEME;
  return reducedMotion ? { ...base, token: { ...base.token, motion: false } } : base;
}

export function App() {
  const { t } = useTranslation();
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [attempt, setAttempt] = useState(0);
  const api = useMemo(() => createClient(setConnection), [attempt]);
  // Once the engine has answered, a brief reconnect keeps the page (and what is typed in it) mounted.
  const [everOpen, setEverOpen] = useState(false);
  useEffect(() => {
    if (connection === 'open') setEverOpen(true);
    if (connection === 'closed' || connection === 'lost' || connection === 'no-token') setEverOpen(false);
  }, [connection]);
  const live = connection === 'open' || (connection === 'connecting' && everOpen);
  const { settings, update } = useSettings(everOpen || connection === 'open' ? api : null);
  const [urlLanguage, setUrlLanguage] = useState<Language | null>(languageFromUrl);
  const language: Language = urlLanguage ?? settings?.language ?? systemLanguage();
  const systemDark = useSystemDark();
  const reducedMotion = useReducedMotion();
  const dark = settings?.theme === 'dark' || (settings?.theme !== 'light' && systemDark);

  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => setCrashApi(live ? api : null), [api, live]);

  const updateSettings = async (patch: Partial<Settings>) => {
    // An explicit choice in settings wins over the ?lang= of the link that opened the page.
    if (patch.language !== undefined) setUrlLanguage(null);
    await update(patch);
  };

  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      // antd puts a space between two CJK characters in buttons ("锁 定"); Chinese UI text should not have it.
      button={{ autoInsertSpace: false }}
      theme={themeFor(dark, reducedMotion)}
    >
      <DocumentTheme dark={dark} />
      <AntApp>
        {connection === 'connecting' && everOpen && (
          <Alert banner type="info" showIcon message={t('connection.reconnecting')} role="status" />
        )}
        {live && api && settings ? (
          <ApiContext.Provider value={api}>
            <ErrorBoundary scope="shell">
              <StartupNotice onUpdateSettings={updateSettings} />
              <WalletGate toolbar={<Preferences language={language} dark={dark} onUpdateSettings={updateSettings} />}>
                <Shell settings={settings} language={language} dark={dark} onUpdateSettings={updateSettings} />
              </WalletGate>
            </ErrorBoundary>
          </ApiContext.Provider>
        ) : (
          <ConnectionScreen state={connection} onRetry={() => setAttempt((n) => n + 1)} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}

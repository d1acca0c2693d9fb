/** The security centre: checkup, alerts and the security event log, one tab each. */
import { useEffect, useState } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { AlertsPanel } from './AlertsPanel';
import { CheckupPanel } from './CheckupPanel';
import { EventLogPanel } from './EventLogPanel';

const TABS = ['checkup', 'alerts', 'log'] as const;
type Tab = (typeof TABS)[number];

/** `#/security?tab=alerts` opens a tab directly (the dashboard card, the checkup, an OS notification). */
function tabInHash(): Tab {
  const tab = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('tab');
  return (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'checkup';
}

export function SecurityView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(tabInHash);
  useEffect(() => {
    const onChange = () => setTab(tabInHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => (window.location.hash = `#/security?tab=${key}`)}
      items={[
        { key: 'checkup', label: t('security.tabs.checkup'), children: <CheckupPanel /> },
        { key: 'alerts', label: t('security.tabs.alerts'), children: <AlertsPanel /> },
        { key: 'log', label: t('security.tabs.log'), children: <EventLogPanel /> },
      ]}
    />
  );
}

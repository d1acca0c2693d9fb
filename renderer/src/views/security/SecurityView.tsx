/** The security centre: checkup, alerts and the security event log, one tab each. */
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { AlertsPanel } from './AlertsPanel';
import { CheckupPanel } from './CheckupPanel';
import { EventLogPanel } from './EventLogPanel';

export function SecurityView() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'checkup', label: t('security.tabs.checkup'), children: <CheckupPanel /> },
        { key: 'alerts', label: t('security.tabs.alerts'), children: <AlertsPanel /> },
        { key: 'log', label: t('security.tabs.log'), children: <EventLogPanel /> },
      ]}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { PlaceholderView } from '../PlaceholderView';

export function AlertsPanel() {
  const { t } = useTranslation();
  return <PlaceholderView title={t('nav.security')} />;
}

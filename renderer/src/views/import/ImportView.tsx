/** The import wizard: statement file → detected format → mapping → preview → import → undo. */
import { useTranslation } from 'react-i18next';
import { PlaceholderView } from '../PlaceholderView';

export function ImportView() {
  const { t } = useTranslation();
  return <PlaceholderView title={t('nav.import')} />;
}

/** Who is answering: product, version and mode, read through `app/info` before any wallet is open. */
import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract';
import { unwrap, useApi } from '../lib/api-context';

export function GateFooter() {
  const { t } = useTranslation();
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => void unwrap(api.app.info({})).then(setInfo, () => setInfo(null)), [api]);
  if (!info) return null;
  return (
    <footer className="ow-gate-footer">
      <Typography.Text type="secondary">
        {t('app.name')} <span data-testid="gate-version">{info.version}</span> · {t(`about.modes.${info.mode}`)} · {t('about.localFirst')}
      </Typography.Text>
    </footer>
  );
}

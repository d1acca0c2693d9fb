/** Shown until the engine answers: connecting, or why it cannot (no or wrong token, host gone). */
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../lib/client';

export function ConnectionScreen({ state, onRetry }: { state: ConnectionState; onRetry: () => void }) {
  const { t } = useTranslation();
  if (state === 'connecting' || state === 'open') {
    return (
      <div className="ow-center" role="status" aria-live="polite">
        <Spin size="large" />
        <p>{t('connection.connecting')}</p>
      </div>
    );
  }
  return (
    <div className="ow-center">
      <Result
        status="warning"
        title={t('connection.failed')}
        subTitle={t(state === 'lost' ? 'connection.lost' : 'connection.unauthorized')}
        extra={<Button onClick={onRetry}>{t('connection.retry')}</Button>}
      />
    </div>
  );
}

/** Settings → Diagnostics: walk the whole crash path on purpose, for the engine and for the renderer. */
import { useEffect, useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { TEST_CRASH_MARK } from '../../lib/crash-capture';
import { ReportProblemButton } from './ReportProblem';

/** Throws while rendering: the view's error boundary must catch it and show the recovery screen. */
function RenderCrash(): never {
  throw new Error(`${TEST_CRASH_MARK}: renderer (requested by Settings → Diagnostics)`);
}

export function DiagnosticsCard() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [crashRenderer, setCrashRenderer] = useState(false);
  const [canSend, setCanSend] = useState(false);
  useEffect(() => {
    unwrap(api.crash.support({})).then((s) => setCanSend(s.uploadEndpoint), () => setCanSend(false));
  }, [api]);

  const testEngine = async () => {
    try {
      await unwrap(api.crash.test({ target: 'rejection' }));
      await unwrap(api.crash.test({ target: 'worker' }));
      void message.success(t('crash.diagnostics.engine_done'));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };

  return (
    <Card title={t('crash.diagnostics.title')}>
      {crashRenderer && <RenderCrash />}
      <Space direction="vertical">
        <Typography.Text type="secondary">{t('crash.diagnostics.body')}</Typography.Text>
        <Space wrap>
          <Button onClick={() => void testEngine()}>{t('crash.diagnostics.test_engine')}</Button>
          <Button danger onClick={() => setCrashRenderer(true)}>
            {t('crash.diagnostics.test_renderer')}
          </Button>
          <ReportProblemButton canSend={canSend} />
        </Space>
      </Space>
    </Card>
  );
}

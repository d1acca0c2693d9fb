/**
 * A React error boundary: a view (or the whole shell) that throws while rendering is replaced by
 * a recovery screen — "reload this view", "reload the app", "report" — never a white window. The
 * error is reported once, through the same path as window.onerror.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result, Space } from 'antd';
import i18next from 'i18next';
import { reportRendererCrash } from '../../lib/crash-capture';

interface Props {
  /** `view`: one view inside the shell; `shell`: everything inside the window. */
  scope: 'view' | 'shell';
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "reload this view": a fresh subtree, not the one that broke. */
  generation: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportRendererCrash('renderError', error, { componentStack: info.componentStack ?? undefined });
  }

  private reloadView = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  override render(): ReactNode {
    const t = i18next.t.bind(i18next);
    if (!this.state.error) return <div key={this.state.generation} style={{ display: 'contents' }}>{this.props.children}</div>;
    return (
      <Result
        status="error"
        role="alert"
        title={t(this.props.scope === 'view' ? 'crash.recovery.view_title' : 'crash.recovery.shell_title')}
        subTitle={t('crash.recovery.body')}
        extra={
          <Space wrap>
            <Button type="primary" onClick={this.reloadView}>
              {t('crash.recovery.reload_view')}
            </Button>
            <Button onClick={() => window.location.reload()}>{t('crash.recovery.reload_app')}</Button>
            <Button
              onClick={() => {
                window.location.hash = '#/crashes';
                this.reloadView();
              }}
            >
              {t('crash.recovery.report')}
            </Button>
          </Space>
        }
      />
    );
  }
}

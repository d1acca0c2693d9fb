/**
 * Crash reports: the list, the detail showing exactly what would be shared (the stored, scrubbed
 * JSON), delete one or all, export a bundle, and — only when the build has an endpoint, only
 * after consent for that one report — send it. Support channels and Report a problem live here too.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../../shared/format';
import type { CrashReport, CrashSummary, SupportConfig } from '../../../../shared/crash';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { breadcrumb, onRendererReport } from '../../lib/crash-capture';
import { ReportProblemButton } from './ReportProblem';

export function CrashesView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [reports, setReports] = useState<CrashSummary[] | null>(null);
  const [support, setSupport] = useState<SupportConfig | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<CrashReport | null>(null);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [withDiagnostics, setWithDiagnostics] = useState(true);

  const refresh = useCallback(() => {
    unwrap(api.crash.list({})).then(setReports, (e) => setError(errorText(e, t)));
  }, [api, t]);
  useEffect(() => {
    refresh();
    unwrap(api.crash.support({})).then(setSupport, () => setSupport(null));
    const stopEngine = api.on('crash/recorded', refresh);
    const stopRenderer = onRendererReport(refresh);
    return () => {
      stopEngine();
      stopRenderer();
    };
  }, [api, refresh]);

  const show = async (id: string) => {
    breadcrumb('dialog', 'crash report detail');
    setConsent(false);
    try {
      setOpen(await unwrap(api.crash.get({ id })));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const remove = async (input: { id: string } | { all: true }) => {
    try {
      await unwrap(api.crash.delete(input));
      setOpen(null);
      setSelected([]);
      refresh();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const exportBundle = async (ids: string[]) => {
    try {
      const result = await unwrap(api.crash.export({ ids, diagnostics: withDiagnostics }));
      setExported(result.path);
      void message.success(t('crash.view.exported', { count: result.reports }));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const send = async (id: string) => {
    try {
      await unwrap(api.crash.send({ id, consent: true }));
      setConsent(false);
      void message.success(t('crash.view.sent'));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const when = (iso: string) => formatInstant(iso, i18n.language);
  const ids = reports?.map((r) => r.id) ?? [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('crash.view.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
      {exported && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setExported(null)}
          message={t('crash.view.exported_to')}
          description={<Typography.Text code copyable data-testid="crash-export-path">{exported}</Typography.Text>}
        />
      )}
      <Card
        title={t('crash.view.list_title')}
        extra={
          <Space wrap>
            <Checkbox checked={withDiagnostics} onChange={(e) => setWithDiagnostics(e.target.checked)}>
              {t('crash.view.with_diagnostics')}
            </Checkbox>
            <Button disabled={ids.length === 0} onClick={() => void exportBundle(selected.length ? selected : ids)}>
              {selected.length ? t('crash.view.export_selected', { count: selected.length }) : t('crash.view.export_all')}
            </Button>
            <Popconfirm title={t('crash.view.delete_all_confirm')} okText={t('crash.view.delete_all')} cancelText={t('crash.view.cancel')} onConfirm={() => void remove({ all: true })}>
              <Button danger disabled={ids.length === 0}>
                {t('crash.view.delete_all')}
              </Button>
            </Popconfirm>
          </Space>
        }
      >
        {reports && reports.length === 0 ? (
          <Empty description={t('crash.view.none')} />
        ) : (
          <Table<CrashSummary>
            rowKey="id"
            size="small"
            loading={reports === null}
            dataSource={reports ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { title: t('crash.view.when'), dataIndex: 'createdAt', render: (v: string) => when(v), width: 190 },
              { title: t('crash.view.process'), dataIndex: 'process', render: (v: string) => t(`crash.process.${v}`), width: 140 },
              {
                title: t('crash.view.kind'),
                dataIndex: 'kind',
                render: (v: string, r) => (
                  <Space size={4} wrap>
                    {t(`crash.kind.${v}`)}
                    {r.test && <Tag color="blue">{t('crash.view.test_tag')}</Tag>}
                  </Space>
                ),
              },
              { title: t('crash.view.message'), dataIndex: 'message', ellipsis: true },
              {
                title: <span className="ow-visually-hidden">{t('crash.view.actions')}</span>,
                key: 'actions',
                width: 110,
                render: (_: unknown, r) => (
                  <Button size="small" onClick={() => void show(r.id)} aria-label={t('crash.view.open_aria', { when: when(r.createdAt) })}>
                    {t('crash.view.open')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('crash.help.title')}>
        <Space direction="vertical">
          <Typography.Text>{t('crash.help.body')}</Typography.Text>
          {support?.email && (
            <Typography.Text>
              {t('crash.help.email')}: <Typography.Link href={`mailto:${support.email}`}>{support.email}</Typography.Link>
            </Typography.Text>
          )}
          {support?.site && (
            <Typography.Text>
              {t('crash.help.site')}: <Typography.Link href={support.site} target="_blank" rel="noreferrer">{support.site}</Typography.Link>
            </Typography.Text>
          )}
          <ReportProblemButton canSend={support?.uploadEndpoint ?? false} />
        </Space>
      </Card>
      <Modal
        open={open !== null}
        width={860}
        title={t('crash.view.detail_title')}
        onCancel={() => setOpen(null)}
        footer={
          open && (
            <Space wrap>
              <Button onClick={() => void exportBundle([open.id])}>{t('crash.view.export_one')}</Button>
              <Button danger onClick={() => void remove({ id: open.id })}>
                {t('crash.view.delete')}
              </Button>
              {support?.uploadEndpoint && (
                <Button type="primary" disabled={!consent} onClick={() => void send(open.id)}>
                  {t('crash.view.send')}
                </Button>
              )}
            </Space>
          )
        }
      >
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('crash.view.when')}>{when(open.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('crash.view.process')}>{t(`crash.process.${open.process}`)}</Descriptions.Item>
              <Descriptions.Item label={t('crash.view.kind')}>{t(`crash.kind.${open.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('crash.view.version')}>{open.versions.app}</Descriptions.Item>
            </Descriptions>
            <Typography.Text strong>{t('crash.view.shared_exactly')}</Typography.Text>
            <pre className="ow-crash-json" data-testid="crash-report-json" tabIndex={0}>
              {JSON.stringify(open, null, 2)}
            </pre>
            {support?.uploadEndpoint && (
              <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
                {t('crash.view.consent')}
              </Checkbox>
            )}
          </Space>
        )}
      </Modal>
    </Space>
  );
}

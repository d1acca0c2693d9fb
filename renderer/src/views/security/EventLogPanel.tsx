/**
 * The security log: every entry of the open wallet's encrypted log, newest first, filtered by kind
 * and date range, paged by the engine (`security/log`). Refreshes when an entry is written.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SECURITY_EVENT_KINDS, type SecurityEvent, type SecurityEventKind, type SecurityLogPage } from '../../../../shared/contract';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { entryDetails, entryTitle } from './log-text';
import { formatInstant } from '../../../../shared/format';

const PAGE_SIZE = 20;

/** Semantic colours: red for what may be an attack or a loss, orange for what exposes data, green for safety nets. */
const DANGER = new Set<SecurityEventKind>(['unlock_failed', 'locked_out', 'auth_failed', 'backup_failed', 'panic_locked']);
const WARNING = new Set<SecurityEventKind>(['exported', 'recovery_used', 'restored', 'restore_reverted', 'all_frozen', 'account_frozen', 'crash_report_written']);
const SUCCESS = new Set<SecurityEventKind>(['backup_made', 'backup_verified']);
const colorOf = (kind: SecurityEventKind) => (DANGER.has(kind) ? 'error' : WARNING.has(kind) ? 'warning' : SUCCESS.has(kind) ? 'success' : 'default');

export function EventLogPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [kinds, setKinds] = useState<SecurityEventKind[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<SecurityLogPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    const from = range?.[0]?.startOf('day').toISOString();
    const to = range?.[1]?.endOf('day').toISOString();
    unwrap(
      api.security.log({
        ...(kinds.length > 0 ? { kinds } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    ).then(
      (value) => {
        setData(value);
        setError(null);
      },
      (e) => setError(errorText(e, t)),
    );
  }, [api, kinds, range, page, t]);

  useEffect(() => {
    load();
    return api.on('security/logged', load);
  }, [api, load]);

  const when = (iso: string) => formatInstant(iso, i18n.language);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('security.log.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 280 }}
          aria-label={t('security.log.filterKinds')}
          placeholder={t('security.log.allKinds')}
          value={kinds}
          onChange={(value) => {
            setKinds(value);
            setPage(1);
          }}
          options={SECURITY_EVENT_KINDS.map((kind) => ({ value: kind, label: t(`security.log.kinds.${kind}`) }))}
          maxTagCount="responsive"
          data-testid="security-log-kinds"
        />
        <DatePicker.RangePicker
          aria-label={t('security.log.filterDates')}
          placeholder={[t('security.log.from'), t('security.log.to')]}
          value={range}
          onChange={(value) => {
            setRange(value);
            setPage(1);
          }}
        />
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<SecurityEvent>
        rowKey="id"
        size="small"
        loading={data === null && error === null}
        dataSource={data?.entries ?? []}
        locale={{ emptyText: t('security.log.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t('security.log.total', { count }),
          onChange: setPage,
        }}
        columns={[
          { key: 'at', title: t('security.log.when'), width: 200, render: (_, entry) => when(entry.at) },
          {
            key: 'kind',
            title: t('security.log.what'),
            render: (_, entry) => <Tag color={colorOf(entry.kind)}>{entryTitle(entry, t)}</Tag>,
          },
          { key: 'details', title: t('security.log.details'), render: (_, entry) => entryDetails(entry, t) },
        ]}
      />
    </Space>
  );
}

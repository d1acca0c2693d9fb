/** Budgets & Reports: this month's budgets with progress, and charts over a chosen month range. */
import { useState } from 'react';
import { Alert, Card, DatePicker, Select, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../../lib/api-context';
import { useQuery } from '../../lib/use-query';
import { useLocalRatesMigration } from '../dashboard/net-worth-settings';
import { BudgetsPanel } from './BudgetsPanel';
import { ReportCharts } from './ReportCharts';
import { defaultMonthRange } from './chart-options';

export function ReportsView() {
  const { t } = useTranslation();
  const api = useApi();
  const accounts = useQuery(() => api.ledger.accounts({}), [api]);
  const held = accounts.data?.totals.map((total) => total.currency) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const currency = chosen && held.includes(chosen) ? chosen : held[0] ?? 'CNY';
  // Until a range is picked, it fits the data: from the first month with an account or a
  // transaction (imported history may be older than the account), at most a year back.
  const first = useQuery(() => api.ledger.transactions({ sort: 'date', direction: 'asc', limit: 1 }), [api]);
  const [picked, setPicked] = useState<[string, string] | null>(null);
  const dataDays = [...(accounts.data?.accounts.map((account) => account.openedOn) ?? []), ...(first.data?.rows.map((row) => row.date) ?? [])];
  const [from, to] = picked ?? defaultMonthRange(dataDays, dayjs().format('YYYY-MM-DD'));
  const range: [Dayjs, Dayjs] = [dayjs(`${from}-01`), dayjs(`${to}-01`)];
  // Net worth over time uses the rates typed on the dashboard, which the wallet keeps (the engine's default).
  useLocalRatesMigration(api);
  const report = useQuery(
    () => (accounts.data && (first.data || first.error) ? api.ledger.reports({ from, to, currency }) : Promise.resolve({ ok: true as const, value: null })),
    [api, from, to, currency, accounts.data !== null && (first.data !== null || first.error !== null)],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <BudgetsPanel defaultCurrency={currency} />
      <Card size="small">
        <Space wrap size="middle">
          <Typography.Text strong>{t('reports.charts.title')}</Typography.Text>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={range}
            aria-label={t('reports.range')}
            onChange={(value) => value?.[0] && value[1] && setPicked([value[0].format('YYYY-MM'), value[1].format('YYYY-MM')])}
          />
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Typography.Text>{t('reports.currency')}</Typography.Text>
            <Select
              aria-label={t('reports.currency')}
              value={currency}
              style={{ width: 110 }}
              options={(held.length ? held : ['CNY']).map((code) => ({ value: code, label: code }))}
              onChange={setChosen}
            />
          </label>
          {held.length > 1 && <Typography.Text type="secondary">{t('reports.currencyHint')}</Typography.Text>}
        </Space>
      </Card>
      {report.error ? (
        <Alert type="error" showIcon title={errorText(report.error, t)} />
      ) : !report.data ? (
        <Skeleton active />
      ) : (
        <ReportCharts report={report.data} currency={currency} from={from} to={to} />
      )}
    </Space>
  );
}

/**
 * Reports over a month range in one currency: spending by category (donut with the total in its
 * centre), income vs expense by month (bars), net worth at each month end (line); the options are
 * built in chart-options.ts. A slice or bar opens the matching transactions.
 */
import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Row, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportsView } from '../../../../shared/ledger-views';
import { openTransactions } from '../../lib/routes';
import { Chart } from './Chart';
import { reportChartOptions, type ChartTarget } from './chart-options';

/** A slice or a bar opens the transactions it sums (category and days as a hash query the transactions view reads). */
function openTarget(data: unknown): void {
  const target = (data as { target?: ChartTarget } | null)?.target;
  if (target) openTransactions({ categoryId: target.categoryId, from: target.from, to: target.to });
}

export function ReportCharts({ report, currency, from, to }: { report: ReportsView; currency: string; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const locale = i18n.language;
  // Spending and flows are per currency (never added across); net worth arrives converted into `currency`.
  const spending = report.spendingByCategory.filter((row) => row.currency === currency);
  const flows = report.incomeVsExpense.filter((row) => row.currency === currency);
  const missingRates = [...new Set(report.netWorth.flatMap((row) => row.missingRates))];

  const options = useMemo(
    () =>
      reportChartOptions({
        report,
        currency,
        locale,
        from,
        to,
        text: {
          uncategorized: t('ledger.uncategorized'),
          income: t('reports.charts.income'),
          expense: t('reports.charts.expense'),
          netWorth: t('reports.charts.netWorth'),
          total: t('reports.charts.total'),
        },
        colors: {
          income: token.colorSuccess,
          expense: token.colorError,
          line: token.colorPrimary,
          border: token.colorBgContainer,
          text: token.colorText,
          secondaryText: token.colorTextSecondary,
        },
      }),
    [report, currency, locale, from, to, token, t],
  );

  const noSpending = spending.every((row) => row.spentMinor === 0);
  const noFlows = flows.every((row) => row.incomeMinor === 0 && row.expenseMinor === 0);
  const noWorth = report.netWorth.length === 0 || report.netWorth.every((row) => row.totalMinor === 0);
  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ padding: '72px 0' }} />;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card title={t('reports.charts.byCategory', { currency })} style={{ height: '100%' }}>
          {noSpending ? empty(t('reports.charts.noSpending')) : <Chart option={options.pie} label={t('reports.charts.byCategory', { currency })} onClick={openTarget} />}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('reports.charts.incomeVsExpense', { currency })} style={{ height: '100%' }}>
          {noFlows ? empty(t('reports.charts.noFlows')) : <Chart option={options.bars} label={t('reports.charts.incomeVsExpense', { currency })} onClick={openTarget} />}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('reports.charts.netWorthOverTime', { currency })}>
          {missingRates.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dashboard.netWorth.missing', { currencies: missingRates.join(', ') })} />
          )}
          {noWorth ? empty(t('reports.charts.noWorth')) : <Chart option={options.line} label={t('reports.charts.netWorthOverTime', { currency })} height={260} />}
        </Card>
      </Col>
    </Row>
  );
}

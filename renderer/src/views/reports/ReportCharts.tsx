/**
 * Reports over a month range in one currency: spending by category (pie), income vs expense by
 * month (bars), net worth at each month end (line). Amounts reach echarts as numbers only to
 * place pixels; every label and tooltip is formatted from the integer minor units.
 */
import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Row, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { toDecimalString } from '../../../../shared/money';
import { formatCompact, formatMonth } from '../../../../shared/format';
import type { ReportsView } from '../../../../shared/ledger-views';
import { useMoney } from '../../lib/money';
import { Chart, type ChartOption } from './Chart';

const plot = (minor: number, currency: string) => Number(toDecimalString(minor, currency));

export function ReportCharts({ report, currency }: { report: ReportsView; currency: string }) {
  const { t, i18n } = useTranslation();
  const { format } = useMoney();
  const { token } = theme.useToken();
  const locale = i18n.language;
  // Spending and flows are per currency (never added across); net worth arrives converted into `currency`.
  const spending = report.spendingByCategory.filter((row) => row.currency === currency);
  const flows = report.incomeVsExpense.filter((row) => row.currency === currency);
  const missingRates = [...new Set(report.netWorth.flatMap((row) => row.missingRates))];

  const options = useMemo(() => {
    const monthLabel = (month: string) => formatMonth(month, locale);
    const axis = { type: 'value' as const, axisLabel: { formatter: (value: number) => formatCompact(value, locale) } };
    const money = (minor: unknown) => (typeof minor === 'number' ? format(minor, currency) : '');
    const textStyle = { fontFamily: 'inherit' };
    const animation = { animationDuration: 300, animationDurationUpdate: 300 };

    const pie: ChartOption = {
      ...animation,
      textStyle,
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const item = p as { name: string; percent: number; data: { minor: number } };
          return `${item.name}<br/>${money(item.data.minor)} (${item.percent}%)`;
        },
      },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          itemStyle: { borderColor: token.colorBgContainer, borderWidth: 2 },
          label: { formatter: '{b}\n{d}%' },
          data: spending.map((row) => ({
            name: row.name ?? t('ledger.uncategorized'),
            value: plot(row.spentMinor, currency),
            minor: row.spentMinor,
          })),
        },
      ],
    };

    const months = flows.map((row) => monthLabel(row.month));
    const bars: ChartOption = {
      ...animation,
      textStyle,
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const items = p as { axisValueLabel: string; marker: string; seriesName: string; data: { minor: number } }[];
          return [items[0]?.axisValueLabel ?? '', ...items.map((i) => `${i.marker}${i.seriesName}: ${money(i.data.minor)}`)].join('<br/>');
        },
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: axis,
      series: [
        {
          type: 'bar',
          name: t('reports.charts.income'),
          itemStyle: { color: token.colorSuccess },
          data: flows.map((row) => ({ value: plot(row.incomeMinor, currency), minor: row.incomeMinor })),
        },
        {
          type: 'bar',
          name: t('reports.charts.expense'),
          itemStyle: { color: token.colorError },
          data: flows.map((row) => ({ value: plot(row.expenseMinor, currency), minor: row.expenseMinor })),
        },
      ],
    };

    const line: ChartOption = {
      ...animation,
      textStyle,
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const items = p as { axisValueLabel: string; data: { minor: number } }[];
          return `${items[0]?.axisValueLabel ?? ''}<br/>${money(items[0]?.data.minor)}`;
        },
      },
      grid: { left: 8, right: 16, top: 16, bottom: 16, containLabel: true },
      xAxis: { type: 'category', data: report.netWorth.map((row) => monthLabel(row.month)) },
      yAxis: { ...axis, scale: true },
      series: [
        {
          type: 'line',
          name: t('reports.charts.netWorth'),
          smooth: false,
          areaStyle: { opacity: 0.12 },
          itemStyle: { color: token.colorPrimary },
          data: report.netWorth.map((row) => ({ value: plot(row.totalMinor, currency), minor: row.totalMinor })),
        },
      ],
    };
    return { pie, bars, line };
  }, [report, currency, locale, token, t]); // `format` follows `locale`

  const noSpending = spending.every((row) => row.spentMinor === 0);
  const noFlows = flows.every((row) => row.incomeMinor === 0 && row.expenseMinor === 0);
  const noWorth = report.netWorth.length === 0 || report.netWorth.every((row) => row.totalMinor === 0);
  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ padding: '72px 0' }} />;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card title={t('reports.charts.byCategory', { currency })} style={{ height: '100%' }}>
          {noSpending ? empty(t('reports.charts.noSpending')) : <Chart option={options.pie} label={t('reports.charts.byCategory', { currency })} />}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('reports.charts.incomeVsExpense', { currency })} style={{ height: '100%' }}>
          {noFlows ? empty(t('reports.charts.noFlows')) : <Chart option={options.bars} label={t('reports.charts.incomeVsExpense', { currency })} />}
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
